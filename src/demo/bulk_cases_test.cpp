// src/demo/bulk_cases_test.cpp
//
// The bulk loader on both engines, over the small demo: the rows arrive with unique
// tracking codes, a 'submit' event each, a spread of states, and a search index the
// engine's full-text query finds them by; a second load keeps codes unique; an unseeded
// database is refused.
#include "demo/bulk_cases.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "accounts/migrations.hpp"
#include "cases/cases.hpp"
#include "cases/migrations.hpp"
#include "contact/migrations.hpp"
#include "core/error.hpp"
#include "core/migrations.hpp"
#include "core/text/analyzer.hpp"
#include "demo/demo.hpp"
#include "meetings/migrations.hpp"
#include "organisation/migrations.hpp"
#include "outputs/migrations.hpp"
#include "testing/service_context.hpp"
#include "testing/test_database.hpp"

namespace tongxin::demo {
namespace {

class BulkCasesTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (!db) return;
    // The demo logs a year of contact work too.
    testing::apply_migrations(
        *db, {core::migrations(), organisation::migrations(), accounts::migrations(),
              cases::migrations(), contact::migrations(), meetings::migrations(),
              outputs::migrations()});
    config.data_dir = testing::source_dir() + "/data";  // data/demo: the demo's texts
    ctx = testing::make_service_context(*db, config);
  }
  void seed_demo() { seed(*ctx, {"Demo-Pass-2026!", "small", 2026}); }
  std::int64_t count(const std::string& sql) {
    return db->read([&](storage::Connection& c) { return c.q(sql).front().int64(0); });
  }

  config::Config config;
  std::unique_ptr<ServiceContext> ctx;
};

TEST_P(BulkCasesTest, LoadsSearchableCasesWithUniqueCodes) {
  seed_demo();  // the demo brings a year of cases of its own; the load comes on top
  const auto before = count("SELECT COUNT(*) FROM cases");
  const auto first = count("SELECT COALESCE(MAX(id), 0) FROM cases");
  const auto loaded = [&](const std::string& where) {
    return count("SELECT COUNT(*) FROM cases WHERE id > " + std::to_string(first) + " AND " +
                 where);
  };
  std::vector<std::int64_t> seen;
  EXPECT_EQ(load_cases(*ctx, 2000, 7, [&](std::int64_t done) { seen.push_back(done); }), 2000);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back(), 2000);

  EXPECT_EQ(count("SELECT COUNT(*) FROM cases"), before + 2000);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT tracking_code) FROM cases"), before + 2000);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_events e JOIN cases c ON c.id = e.case_id"
                  " WHERE e.type = 'submit' AND c.id > " +
                  std::to_string(first)),
            2000);
  EXPECT_EQ(
      loaded("analyzer_version = " + std::to_string(text::kAnalyzerVersion) + " AND tokens <> ''"),
      2000);
  EXPECT_EQ(loaded("(division_code IS NULL OR studio_id IS NULL OR anonymous <> " +
                   std::string(GetParam() == storage::Engine::sqlite ? "1" : "TRUE") + ")"),
            0);
  EXPECT_GE(count("SELECT COUNT(DISTINCT status) FROM cases WHERE id > " + std::to_string(first)),
            5);
  EXPECT_GT(loaded("status = 'closed' AND rating IS NOT NULL"), 0);
  EXPECT_GT(loaded("merged_into_id IS NOT NULL"), 0);
  // Ids follow created_at, as they would in a running system.
  EXPECT_EQ(count("SELECT COUNT(*) FROM cases a JOIN cases b ON b.id = a.id + 1"
                  " WHERE a.id > " +
                  std::to_string(first) + " AND b.created_at < a.created_at"),
            0);

  const auto codes = db->read([&](storage::Connection& c) {
    std::vector<std::string> out;
    for (const auto& r : c.q("SELECT tracking_code FROM cases WHERE id > $1", first))
      out.push_back(r.text(0));
    return out;
  });
  ASSERT_EQ(codes.size(), 2000U);
  for (const auto& code : codes)
    EXPECT_EQ(cases::normalize_tracking_code(code), code);

  // The loader's token cache writes what the analyzer would, row for row.
  db->read([&](storage::Connection& c) {
    for (const auto& r :
         c.q("SELECT title, text, address, tokens FROM cases WHERE id > $1", first)) {
      ASSERT_EQ(r.text(3), text::index_text(r.text(0) + " " + r.text(1) + " " + r.text(2)))
          << r.text(1);
    }
  });

  // The engine's full-text index finds exactly the cases that mention a template word.
  const auto terms = text::query_terms("路灯");
  const auto found = db->read([&](storage::Connection& c) {
    if (c.dialect().engine() == storage::Engine::sqlite) {
      return c
          .q("SELECT COUNT(*) FROM case_search WHERE case_search MATCH $1", text::fts5_match(terms))
          .front()
          .int64(0);
    }
    return c
        .q("SELECT COUNT(*) FROM cases WHERE search_vector @@ to_tsquery('simple', $1)",
           text::pg_tsquery(terms))
        .front()
        .int64(0);
  });
  const auto mentions = count(
      "SELECT COUNT(*) FROM cases WHERE title LIKE '%路灯%' OR text LIKE '%路灯%'"
      " OR address LIKE '%路灯%'");
  EXPECT_GT(loaded("(title LIKE '%路灯%' OR text LIKE '%路灯%')"), 20);
  EXPECT_EQ(found, mentions);

  // A second load continues the codes without a clash.
  EXPECT_EQ(load_cases(*ctx, 300, 7), 300);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT tracking_code) FROM cases"), before + 2300);
}

TEST_P(BulkCasesTest, NeedsTheDemo) {
  try {
    load_cases(*ctx, 10, 1);
    ADD_FAILURE() << "loaded without a demo";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "demo.not_seeded");
  }
  EXPECT_EQ(load_cases(*ctx, 0, 1), 0);
}

TONGXIN_INSTANTIATE_ENGINES(BulkCasesTest);

}  // namespace
}  // namespace tongxin::demo
