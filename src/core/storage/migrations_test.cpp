// src/core/storage/migrations_test.cpp
//
// Migrations apply once, in order; an edited migration is refused; a failing one leaves
// no trace (recovery: fix it and run again).
#include "core/storage/migrations.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "core/storage/db_error.hpp"
#include "testing/test_database.hpp"

namespace tongxin::storage {
namespace {

using testing::EngineTest;
class MigrationsTest : public EngineTest {};

std::vector<Migration> two() {
  return {{"m", 1, "create", "CREATE TABLE a (id {{id}}, v {{text}});"},
          {"m", 2, "add", "CREATE TABLE b (id {{id}}); INSERT INTO a (v) VALUES ('seed');"}};
}

bool table_exists(Database& db, const std::string& name) {
  try {
    db.read([&](Connection& c) { c.q("SELECT COUNT(*) FROM " + name); });
    return true;
  } catch (const DbError&) {
    return false;
  }
}

TEST_P(MigrationsTest, AppliesInOrderOnceAndIsIdempotent) {
  const auto first = apply_migrations(*db, two());
  EXPECT_EQ(first.applied, (std::vector<std::string>{"m/1_create", "m/2_add"}));
  const auto second = apply_migrations(*db, two());
  EXPECT_TRUE(second.applied.empty());
  const auto rows =
      db->read([](Connection& c) { return c.q("SELECT COUNT(*) FROM a").front().int64(0); });
  EXPECT_EQ(rows, 1);
}

TEST_P(MigrationsTest, RefusesAnEditedMigration) {
  apply_migrations(*db, two());
  auto edited = two();
  edited[0].sql += " -- edited";
  EXPECT_THROW(apply_migrations(*db, edited), DbError);
}

TEST_P(MigrationsTest, AFailedMigrationLeavesNoTraceAndCanBeRetried) {
  std::vector<Migration> broken = {
      {"m", 1, "create", "CREATE TABLE a (id {{id}});"},
      {"m", 2, "broken", "CREATE TABLE c (id {{id}}); CREATE TABLE oops (;"}};
  EXPECT_THROW(apply_migrations(*db, broken), DbError);
  EXPECT_TRUE(table_exists(*db, "a"));
  EXPECT_FALSE(table_exists(*db, "c"));  // rolled back with the failing statement
  const auto recorded = db->read([](Connection& c) {
    return c.q("SELECT COUNT(*) FROM schema_migrations WHERE version = 2").front().int64(0);
  });
  EXPECT_EQ(recorded, 0);
  broken[1].sql = "CREATE TABLE c (id {{id}});";
  EXPECT_EQ(apply_migrations(*db, broken).applied, std::vector<std::string>{"m/2_broken"});
  EXPECT_TRUE(table_exists(*db, "c"));
}

TEST_P(MigrationsTest, ConcurrentAppliersApplyOnce) {
  std::vector<std::vector<std::string>> applied(3);
  std::vector<std::thread> threads;
  threads.reserve(3);
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&, i] { applied[i] = apply_migrations(*db, two()).applied; });
  }
  for (auto& t : threads)
    t.join();
  std::size_t total = 0;
  for (const auto& a : applied)
    total += a.size();
  EXPECT_EQ(total, 2u);
  const auto rows =
      db->read([](Connection& c) { return c.q("SELECT COUNT(*) FROM a").front().int64(0); });
  EXPECT_EQ(rows, 1);
}

TONGXIN_INSTANTIATE_ENGINES(MigrationsTest);

}  // namespace
}  // namespace tongxin::storage
