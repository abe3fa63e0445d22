// src/demo/outputs_demo_test.cpp
//
// The demo's formal outputs on both engines, over the small demo: the city's agencies with
// the `agency` account handling 市城市管理局; micro-suggestions, proposals and opinion
// reports of the previous year and this one, each with a timeline whose steps follow one
// another and none in the future, numbers 第N号 and 第N期 without gaps, the previous year's
// answer rate like the seeds' (95 %), and the demo accounts' items in the states their
// pages need (a micro-suggestion waiting for `member`'s rating, a joint draft `member2` has
// not confirmed, something for the agency to sign). The points of what the members wrote
// reach their duty records.
//
// The city scale takes half a minute and more in a debug build; it runs only with
// TONGXIN_DEMO_CITY_TEST=1 (SQLite), and checks that every state of each workflow occurs.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <set>

#include "accounts/migrations.hpp"
#include "cases/migrations.hpp"
#include "contact/migrations.hpp"
#include "core/calendar/calendar.hpp"
#include "core/migrations.hpp"
#include "demo/demo.hpp"
#include "meetings/migrations.hpp"
#include "organisation/migrations.hpp"
#include "outputs/migrations.hpp"
#include "outputs/outputs.hpp"
#include "records/migrations.hpp"
#include "records/records.hpp"
#include "testing/service_context.hpp"
#include "testing/test_database.hpp"

namespace tongxin::demo {
namespace {

class OutputsDemoTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (!db) return;
    testing::apply_migrations(
        *db, {core::migrations(), organisation::migrations(), accounts::migrations(),
              cases::migrations(), contact::migrations(), meetings::migrations(),
              outputs::migrations(), records::migrations()});
    config.data_dir = testing::source_dir() + "/data";  // data/demo: the demo's texts
    ctx = testing::make_service_context(*db, config);
  }
  std::int64_t count(const std::string& sql) {
    return db->read([&](storage::Connection& c) { return c.q(sql).front().int64(0); });
  }
  std::int64_t city() {
    return count("SELECT id FROM conferences WHERE level = 'city' ORDER BY id LIMIT 1");
  }
  auth::Principal staff() {
    auth::Principal p;
    p.user_id = count("SELECT id FROM users WHERE username = 'staff'");
    p.username = "staff";
    p.roles = {auth::Role::staff};
    p.conference_id = city();
    return p;
  }
  boost::json::object summary(outputs::Kind kind, int year) {
    return db->read(
        [&](storage::Connection& c) { return outputs::summary(c, staff(), kind, year, city()); });
  }
  static int this_year() { return static_cast<int>(calendar::china_date(audit::now_ms()).year()); }
  // The timelines: each item starts with its creation, each step no earlier than the one
  // before, none after now.
  void expect_consistent_timelines() {
    EXPECT_EQ(count("SELECT COUNT(*) FROM output_events a JOIN output_events b ON b.output_id ="
                    " a.output_id AND b.id > a.id AND b.at < a.at"),
              0);
    EXPECT_EQ(
        count("SELECT COUNT(*) FROM output_events WHERE at > " + std::to_string(audit::now_ms())),
        0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outputs o WHERE (SELECT e.action FROM output_events e"
                    " WHERE e.output_id = o.id ORDER BY e.id LIMIT 1) <> 'create'"),
              count("SELECT COUNT(*) FROM outputs WHERE source_output_id IS NOT NULL"));
    // The row agrees with its timeline.
    EXPECT_EQ(count("SELECT COUNT(*) FROM outputs o WHERE o.status <> (SELECT e.to_status FROM"
                    " output_events e WHERE e.output_id = o.id AND e.action <> 'merge_in' ORDER"
                    " BY e.id DESC LIMIT 1)"),
              0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outputs WHERE status <> 'draft' AND submitted_at IS"
                    " NULL"),
              0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outputs o WHERE o.accepted_at IS NULL AND EXISTS"
                    " (SELECT 1 FROM output_events e WHERE e.output_id = o.id AND e.action IN"
                    " ('accept', 'register', 'adopt'))"),
              0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM outputs o WHERE o.status IN ('dispatched', 'signed',"
                    " 'replied', 'assigned', 'handling', 'transferred') AND NOT EXISTS (SELECT 1"
                    " FROM output_agencies a WHERE a.output_id = o.id AND a.role = 'lead' AND"
                    " a.status <> 'withdrawn')"),
              0);
    // Every step was audited as through the API (the lead's "merged in" note is not a step).
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'output.%'"),
              count("SELECT COUNT(*) FROM output_events WHERE action <> 'merge_in'") -
                  count("SELECT COUNT(*) FROM outputs WHERE source_output_id IS NOT NULL"));
    // Numbers count up without gaps: each of 第1号 … 第N号 (proposals) and 第1期 … (opinion
    // reports) of a year went to one item.
    for (const std::string kind : {"proposal", "opinion_report"}) {
      EXPECT_EQ(
          count("SELECT COUNT(*) FROM outputs WHERE kind = '" + kind + "' AND number IS NOT NULL"),
          count("SELECT COALESCE(SUM(last_number), 0) FROM output_numbers WHERE kind = '" + kind +
                "'"))
          << kind;
    }
  }

  config::Config config;
  std::unique_ptr<ServiceContext> ctx;
};

TEST_P(OutputsDemoTest, TwoYearsOfOutputsThroughTheRealWorkflows) {
  seed(*ctx, {"Demo-Pass-2026!", "small", 2026});
  const int year = this_year();
  using outputs::Kind;

  // The agencies, and the `agency` account handling 市城市管理局.
  EXPECT_GE(count("SELECT COUNT(*) FROM agencies"), 30);
  EXPECT_EQ(count("SELECT COUNT(*) FROM users u JOIN agencies a ON a.id = u.agency_id WHERE"
                  " u.username = 'agency' AND a.short_name = '市城市管理局'"),
            1);

  // Each kind in both years, with the previous year's headline figures like the seeds'.
  for (const auto kind : {Kind::micro_suggestion, Kind::proposal, Kind::opinion_report}) {
    EXPECT_GT(summary(kind, year - 1).at("submitted").as_int64(), 3) << outputs::kind_name(kind);
    EXPECT_GT(summary(kind, year).at("submitted").as_int64(), 3) << outputs::kind_name(kind);
  }
  const auto micro = summary(Kind::micro_suggestion, year - 1);
  EXPECT_GE(micro.at("answer_rate").as_double(), 90.0) << boost::json::serialize(micro);
  EXPECT_LT(micro.at("answer_rate").as_double(), 100.0) << boost::json::serialize(micro);
  EXPECT_GT(micro.at("closed").as_int64(), 0);
  const auto proposals = summary(Kind::proposal, year - 1);
  EXPECT_GT(proposals.at("accepted").as_int64(), 0);
  EXPECT_GE(static_cast<double>(proposals.at("accepted").as_int64()),
            0.8 * static_cast<double>(proposals.at("submitted").as_int64()));
  EXPECT_FALSE(proposals.at("by_reply_class").as_object().empty());
  EXPECT_GT(count("SELECT COUNT(*) FROM outputs WHERE kind = 'proposal' AND authorship ="
                  " 'sector'"),
            0);  // a sector's collective proposal
  EXPECT_GT(count("SELECT COUNT(*) FROM output_outcomes WHERE kind = 'instruction'"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM outputs WHERE kind = 'opinion_report' AND number LIKE"
                  " '第%期'"),
            0);
  // Co-signers confirmed what went beyond the draft.
  EXPECT_EQ(count("SELECT COUNT(*) FROM output_authors a JOIN outputs o ON o.id = a.output_id"
                  " WHERE o.kind = 'proposal' AND o.status <> 'draft' AND a.confirmed_at IS NULL"),
            0);
  expect_consistent_timelines();

  // The demo accounts' items: a micro-suggestion waiting for member's rating, a joint draft
  // member2 has not confirmed, something for the agency to sign and to answer.
  const auto member = count("SELECT member_id FROM users WHERE username = 'member'");
  const auto member2 = count("SELECT member_id FROM users WHERE username = 'member2'");
  const auto mine = [&](const std::string& kind, const std::string& status) {
    return count(
        "SELECT COUNT(*) FROM outputs o JOIN output_authors a ON a.output_id = o.id AND"
        " a.position = 1 WHERE a.member_id = " +
        std::to_string(member) + " AND o.kind = '" + kind + "' AND o.status = '" + status + "'");
  };
  EXPECT_EQ(mine("micro_suggestion", "verified"), 1);
  EXPECT_GE(mine("micro_suggestion", "closed"), 1);
  EXPECT_EQ(mine("micro_suggestion", "draft"), 1);
  EXPECT_GE(mine("proposal", "reviewed"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outputs o JOIN output_authors a ON a.output_id = o.id"
                  " WHERE o.kind = 'proposal' AND o.status = 'draft' AND a.member_id = " +
                  std::to_string(member2) + " AND a.position = 2 AND a.confirmed_at IS NULL"),
            1);
  EXPECT_GE(mine("opinion_report", "sent"), 1);
  const auto agency_sees = db->read([&](storage::Connection& c) {
    auth::Principal p;
    p.user_id = c.q("SELECT id FROM users WHERE username = 'agency'").front().int64(0);
    p.roles = {auth::Role::agency};
    p.conference_id = city();
    p.agency_id = c.q("SELECT agency_id FROM users WHERE username = 'agency'").front().int64(0);
    std::set<std::string> states;
    const auto list =
        outputs::list_outputs(c, p, Kind::micro_suggestion, {.limit = 100}, audit::now_ms());
    for (const auto& i : list.at("items").as_array())
      states.insert(std::string(i.at("status").as_string()));
    return states;
  });
  EXPECT_TRUE(agency_sees.contains("dispatched"));
  EXPECT_TRUE(agency_sees.contains("signed"));

  // What they wrote counts in their duty record.
  db->write(
      [&](storage::Connection& c) { records::recompute(c, *ctx, member, year, audit::now_ms()); });
  EXPECT_GT(count("SELECT COUNT(*) FROM points_ledger WHERE revoked_at IS NULL AND member_id = " +
                  std::to_string(member) +
                  " AND source_type IN ('micro_suggestion', 'proposal', 'opinion_report',"
                  " 'output_instruction')"),
            0);
}

TEST_P(OutputsDemoTest, CityScaleHasEveryStateAndTheSeedsFigures) {
  if (!std::getenv("TONGXIN_DEMO_CITY_TEST") || GetParam() != storage::Engine::sqlite) {
    GTEST_SKIP() << "city scale: set TONGXIN_DEMO_CITY_TEST=1 (SQLite only)";
  }
  seed(*ctx, {"Demo-Pass-2026!", "city", 2026});
  const int year = this_year();
  using outputs::Kind;
  for (const auto kind : {Kind::micro_suggestion, Kind::proposal, Kind::opinion_report}) {
    for (const auto& s : outputs::workflow(kind).states) {
      // A rating settles the item at once (closed, or back to the agency): never a resting state.
      if (s.name == "rated") continue;
      EXPECT_GT(count("SELECT COUNT(*) FROM outputs WHERE kind = '" +
                      std::string(outputs::kind_name(kind)) + "' AND status = '" +
                      std::string(s.name) + "'"),
                0)
          << outputs::kind_name(kind) << " " << s.name;
    }
  }
  const auto micro = summary(Kind::micro_suggestion, year - 1);
  EXPECT_GE(micro.at("submitted").as_int64(), 700);
  EXPECT_GE(micro.at("answer_rate").as_double(), 94.0);
  EXPECT_LE(micro.at("answer_rate").as_double(), 97.0);
  const auto proposals = summary(Kind::proposal, year - 1);
  const auto registered = static_cast<double>(proposals.at("accepted").as_int64()) /
                          static_cast<double>(proposals.at("submitted").as_int64());
  EXPECT_GE(registered, 0.85);
  EXPECT_LE(registered, 0.96);
  EXPECT_GT(proposals.at("excellent").as_int64(), 0);
  EXPECT_GT(proposals.at("key").as_int64(), 0);
  const auto reports = summary(Kind::opinion_report, year - 1);
  EXPECT_GT(reports.at("outcomes").at("instruction").as_int64(), 10);
  EXPECT_GT(count("SELECT COUNT(*) FROM outputs WHERE source_case_id IS NOT NULL"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM outputs WHERE merged_into_id IS NOT NULL"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM outputs WHERE converted_to_id IS NOT NULL"), 0);
  expect_consistent_timelines();
}

TONGXIN_INSTANTIATE_ENGINES(OutputsDemoTest);

}  // namespace
}  // namespace tongxin::demo
