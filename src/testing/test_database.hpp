// src/testing/test_database.hpp
//
// Storage tests run on both engines. SQLite: a fresh temporary file per test.
// PostgreSQL: a fresh schema per test on the server named by TONGXIN_TEST_PG_URL (make
// test starts a throwaway cluster and sets it). Without that variable the postgres cases
// are skipped with a message — unless TONGXIN_REQUIRE_PG=1 (CI), when they fail.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "core/storage/database.hpp"

namespace tongxin::testing {

// A fresh, empty database (no migrations applied). Returns nullptr for postgres when no
// server is configured. The database is removed when the returned object is destroyed.
std::unique_ptr<storage::Database> make_test_database(storage::Engine engine);

class EngineTest : public ::testing::TestWithParam<storage::Engine> {
 protected:
  void SetUp() override;
  void TearDown() override { db.reset(); }
  std::unique_ptr<storage::Database> db;
};

std::string engine_test_name(const ::testing::TestParamInfo<storage::Engine>& info);

}  // namespace tongxin::testing

#define TONGXIN_INSTANTIATE_ENGINES(Suite)                                                         \
  INSTANTIATE_TEST_SUITE_P(                                                                        \
      Engines, Suite,                                                                              \
      ::testing::Values(::tongxin::storage::Engine::sqlite, ::tongxin::storage::Engine::postgres), \
      ::tongxin::testing::engine_test_name)
