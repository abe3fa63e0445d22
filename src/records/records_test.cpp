// src/records/records_test.cpp
//
// The duty record on both engines: activities and handled cases land in it with points by
// the demo rule set; caps hold; revoking an activity revokes its points; the report draft
// is generated from the record; the PDF renders Chinese text on A4 pages. The assessment
// reads what the sweep stored — a new activity shows after the sweep, reading writes
// nothing — with ties ranked 1, 2, 2, 4 within conference, sector and committee, filters,
// keyset pages and the caller's scope; awards go to recipients in scope, once a year each,
// and can be withdrawn.
#include "records/records.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <map>
#include <tuple>
#include <utility>

#include "accounts/migrations.hpp"
#include "cases/migrations.hpp"
#include "contact/contact.hpp"
#include "contact/migrations.hpp"
#include "core/calendar/calendar.hpp"
#include "core/error.hpp"
#include "core/migrations.hpp"
#include "core/workflow/workflow.hpp"
#include "meetings/meetings.hpp"
#include "meetings/migrations.hpp"
#include "organisation/migrations.hpp"
#include "organisation/organisation.hpp"
#include "outputs/migrations.hpp"
#include "outputs/outputs.hpp"
#include "records/duty_report.hpp"
#include "records/migrations.hpp"
#include "testing/service_context.hpp"
#include "testing/test_database.hpp"

namespace tongxin::records {
namespace {

using namespace std::chrono;

class RecordsTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (!db) return;
    testing::apply_migrations(
        *db, {core::migrations(), organisation::migrations(), accounts::migrations(),
              cases::migrations(), contact::migrations(), meetings::migrations(),
              outputs::migrations(), records::migrations()});
    ctx = testing::make_service_context(*db, config);
    db->write([&](storage::Connection& c) {
      conference = organisation::create_conference(
          c, *ctx, nobody, {"兰州市政协", "兰州", "city", "620100000000", std::nullopt, 14});
      const auto sector = organisation::create_record(c, *ctx, nobody, "sector", conference,
                                                      boost::json::object{{"name", "医药卫生界"}});
      member = organisation::create_record(
          c, *ctx, nobody, "member", conference,
          boost::json::object{{"name", "李秀英"}, {"sector_id", sector}});
    });
  }
  std::int64_t log(const std::string& kind, const std::string& date) {
    return log_for(member, conference, kind, date);
  }
  std::int64_t log_for(std::int64_t who, std::int64_t conf, const std::string& kind,
                       const std::string& date) {
    return db->write([&](storage::Connection& c) {
      contact::NewActivity a;
      a.kind = kind;
      a.held_on = date;
      a.member_ids = {who};
      a.reached_count = 10;
      a.conference_id = conf;
      return contact::log_activity(c, *ctx, nobody, a, now).id;
    });
  }
  // Reading the record is a read-only unit of work (PostgreSQL refuses writes in it).
  boost::json::object record() { return to_json(typed_record()); }
  DutyRecord typed_record() {
    return db->read(
        [&](storage::Connection& c) { return duty_record(c, *ctx, member, 2026, now); });
  }
  double total() { return record().at("points").at("total").to_number<double>(); }
  SweepReport run_sweep() { return sweep(*db, *ctx, now, {.batch = 2, .budget_ms = 60000}); }
  std::int64_t create(const char* kind, std::int64_t conf, boost::json::object body) {
    return db->write([&](storage::Connection& c) {
      return organisation::create_record(c, *ctx, nobody, kind, conf, body);
    });
  }
  auth::Principal staff_of(std::int64_t conf) {
    auth::Principal p;
    p.user_id = 99;
    p.username = "staff";
    p.roles = {auth::Role::staff};
    p.conference_id = conf;
    return p;
  }
  boost::json::object assess(const auth::Principal& p, AssessmentQuery q = {}) {
    if (q.year == 0) q.year = 2026;
    return db->read([&](storage::Connection& c) { return assessment(c, *ctx, p, q); });
  }
  boost::json::object assess(AssessmentQuery q = {}) {
    return assess(staff_of(conference), std::move(q));
  }
  // member id → the row of the assessment.
  static std::map<std::int64_t, boost::json::object> by_member(const boost::json::object& a) {
    std::map<std::int64_t, boost::json::object> out;
    for (const auto& r : a.at("items").as_array())
      out[r.at("member_id").as_int64()] = r.as_object();
    return out;
  }
  // Counts of what the records module stores, to show a read changed nothing.
  std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t> stored() {
    return db->read([&](storage::Connection& c) {
      const auto r = c.q(
          "SELECT (SELECT COUNT(*) FROM points_ledger), (SELECT COUNT(*) FROM points_ledger WHERE"
          " revoked_at IS NOT NULL), (SELECT COUNT(*) FROM points_totals), (SELECT"
          " COALESCE(MAX(computed_at), 0) FROM points_totals)");
      return std::make_tuple(r.front().int64(0), r.front().int64(1), r.front().int64(2),
                             r.front().int64(3));
    });
  }
  audit::Actor staff_actor(std::int64_t conf) {
    return audit::Actor{staff_of(conf), "127.0.0.1", "test"};
  }
  static int status_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.status();
    }
    return 0;
  }

  const std::int64_t now =
      duration_cast<milliseconds>(sys_days{2026y / November / 20}.time_since_epoch()).count();
  config::Config config;
  std::unique_ptr<ServiceContext> ctx;
  audit::Actor nobody{std::nullopt, "127.0.0.1", "test"};
  std::int64_t conference = 0, member = 0;
};

TEST_P(RecordsTest, ActivitiesEarnPointsUpToTheirCaps) {
  log("reception_day", "2026-03-11");  // 3
  log("inspection", "2026-04-02");     // 3
  for (int i = 0; i < 6; ++i)
    log("salon", "2026-05-0" + std::to_string(i + 1));  // 1 each, cap 4
  const auto r = record();
  EXPECT_DOUBLE_EQ(r.at("points").at("total").to_number<double>(), 10);
  EXPECT_EQ(r.at("totals").at("activities").as_int64(), 8);
  EXPECT_EQ(r.at("totals").at("people_reached").as_int64(), 80);
  EXPECT_EQ(r.at("items").as_array().size(), 8U);
  EXPECT_EQ(r.at("points").at("grade_label").as_string(), "不称职");
  EXPECT_DOUBLE_EQ(total(), 10);  // recomputing changes nothing
}

TEST_P(RecordsTest, RevokingTheSourceRevokesItsPoints) {
  const auto a = log("reception_day", "2026-03-11");
  log("visit", "2026-03-12");
  EXPECT_DOUBLE_EQ(total(), 4);
  run_sweep();
  EXPECT_EQ(std::get<0>(stored()), 2);
  db->write([&](storage::Connection& c) {
    c.x("UPDATE activities SET revoked_at = 1 WHERE id = $1", a);
  });
  EXPECT_DOUBLE_EQ(total(), 1);         // the record scores live
  EXPECT_EQ(std::get<1>(stored()), 0);  // the ledger follows at the sweep
  run_sweep();
  EXPECT_EQ(std::get<1>(stored()), 1);
  EXPECT_DOUBLE_EQ(by_member(assess())[member].at("points").to_number<double>(), 1);
}

TEST_P(RecordsTest, TheReportDraftComesFromTheRecord) {
  log("visit", "2026-03-12");
  const auto text = draft_report_text(typed_record());
  EXPECT_NE(text.find("2026年"), std::string::npos);
  EXPECT_NE(text.find("医药卫生界委员"), std::string::npos);
  EXPECT_NE(text.find("履职活动1次"), std::string::npos);
  EXPECT_NE(text.find("联系群众10人次"), std::string::npos);
}

TEST_P(RecordsTest, ANewActivityReachesTheAssessmentAtTheSweepAndReadingWritesNothing) {
  log("reception_day", "2026-03-11");  // 3
  // Nothing stored yet: the assessment is what the sweep left, and reading it writes nothing.
  EXPECT_TRUE(assess().at("items").as_array().empty());
  EXPECT_TRUE(assess().at("summary").at("computed_at").is_null());
  EXPECT_EQ(std::get<2>(stored()), 0);

  auto report = run_sweep();
  EXPECT_EQ(report.members, 1);
  EXPECT_EQ(report.changed, 1);
  EXPECT_EQ(report.passes, 1);
  auto rows = by_member(assess());
  ASSERT_TRUE(rows.contains(member));
  EXPECT_DOUBLE_EQ(rows[member].at("points").to_number<double>(), 3);
  EXPECT_EQ(assess().at("summary").at("computed_at").as_int64(), now);

  // A new activity: live in the record at once, in the assessment after the sweep.
  log("inspection", "2026-04-02");  // 3
  const auto before = stored();
  EXPECT_DOUBLE_EQ(total(), 6);
  EXPECT_DOUBLE_EQ(by_member(assess())[member].at("points").to_number<double>(), 3);
  db->read([&](storage::Connection& c) {
    (void)draft_report_text(duty_record(c, *ctx, member, 2026, now));
  });
  EXPECT_EQ(stored(), before);  // the record, the draft and the assessment wrote nothing
  report = run_sweep();
  EXPECT_EQ(report.changed, 1);
  EXPECT_DOUBLE_EQ(by_member(assess())[member].at("points").to_number<double>(), 6);
  EXPECT_EQ(std::get<0>(stored()), 2);
  // Sweeping again at the same moment changes nothing.
  EXPECT_EQ(run_sweep().changed, 0);
  EXPECT_EQ(stored(), std::make_tuple(std::int64_t{2}, std::int64_t{0}, std::int64_t{1}, now));
}

TEST_P(RecordsTest, TiesShareARankWithinConferenceSectorAndCommittee) {
  const auto health = db->read([&](storage::Connection& c) {
    return c.q("SELECT sector_id FROM members WHERE id = $1", member).front().int64(0);
  });
  const auto economy = create("sector", conference, {{"name", "经济界"}});
  const auto proposals = create("committee", conference, {{"name", "提案委员会"}});
  const auto culture = create("committee", conference, {{"name", "文化文史和学习委员会"}});
  db->write([&](storage::Connection& c) {
    c.x("UPDATE members SET committee_id = $2 WHERE id = $1", member, proposals);
  });
  const auto add = [&](const char* name, std::int64_t sector, std::int64_t committee) {
    return create("member", conference,
                  {{"name", name}, {"sector_id", sector}, {"committee_id", committee}});
  };
  const auto b = add("王建国", health, proposals);
  const auto c2 = add("张晓梅", economy, proposals);
  const auto d = add("刘德华", economy, culture);
  // 李秀英 10, 王建国 7, 张晓梅 7, 刘德华 3.
  log("reception_day", "2026-03-01");
  log("reception_day", "2026-03-02");
  log("inspection", "2026-03-03");
  log("visit", "2026-03-04");
  for (const auto who : {b, c2}) {
    log_for(who, conference, "reception_day", "2026-03-01");
    log_for(who, conference, "inspection", "2026-03-02");
    log_for(who, conference, "visit", "2026-03-03");
  }
  log_for(d, conference, "inspection", "2026-03-01");
  run_sweep();

  const auto a = assess();
  const auto& items = a.at("items").as_array();
  ASSERT_EQ(items.size(), 4U);
  std::vector<std::int64_t> order, ranks;
  for (const auto& r : items) {
    order.push_back(r.at("member_id").as_int64());
    ranks.push_back(r.at("rank").as_int64());
  }
  EXPECT_EQ(order, (std::vector<std::int64_t>{member, b, c2, d}));  // ties by member id
  EXPECT_EQ(ranks, (std::vector<std::int64_t>{1, 2, 2, 4}));
  auto rows = by_member(a);
  EXPECT_EQ(rows[member].at("sector_rank").as_int64(), 1);
  EXPECT_EQ(rows[b].at("sector_rank").as_int64(), 2);
  EXPECT_EQ(rows[c2].at("sector_rank").as_int64(), 1);
  EXPECT_EQ(rows[d].at("sector_rank").as_int64(), 2);
  EXPECT_EQ(rows[member].at("committee_rank").as_int64(), 1);
  EXPECT_EQ(rows[b].at("committee_rank").as_int64(), 2);
  EXPECT_EQ(rows[c2].at("committee_rank").as_int64(), 2);
  EXPECT_EQ(rows[d].at("committee_rank").as_int64(), 1);
  // Names, codes and labels.
  EXPECT_EQ(rows[c2].at("name").as_string(), "张晓梅");
  EXPECT_EQ(rows[c2].at("sector").as_string(), "经济界");
  EXPECT_EQ(rows[c2].at("sector_id").as_int64(), economy);
  EXPECT_EQ(rows[c2].at("conference_id").as_int64(), conference);
  EXPECT_EQ(rows[c2].at("conference").as_string(), "兰州市政协");
  const auto& committees = rows[d].at("committees").as_array();
  ASSERT_EQ(committees.size(), 1U);
  EXPECT_EQ(committees[0].at("id").as_int64(), culture);
  EXPECT_EQ(committees[0].at("name").as_string(), "文化文史和学习委员会");
  EXPECT_EQ(committees[0].at("rank").as_int64(), 1);
  EXPECT_EQ(rows[member].at("grade").as_string(), "unqualified");
  EXPECT_EQ(rows[member].at("grade_label").as_string(), "不称职");
  const auto& summary = a.at("summary").as_object();
  EXPECT_EQ(summary.at("count").as_int64(), 4);
  EXPECT_DOUBLE_EQ(summary.at("average").to_number<double>(), 6.75);
  EXPECT_EQ(summary.at("by_grade").at("unqualified").as_int64(), 4);

  // Filters keep the ranks of the whole conference.
  AssessmentQuery q;
  q.sector_id = economy;
  auto f = assess(q);
  ASSERT_EQ(f.at("items").as_array().size(), 2U);
  EXPECT_EQ(f.at("items").as_array()[0].at("rank").as_int64(), 2);
  EXPECT_EQ(f.at("summary").at("count").as_int64(), 2);
  q = {};
  q.committee_id = proposals;
  f = assess(q);
  EXPECT_EQ(by_member(f).size(), 3U);
  EXPECT_FALSE(by_member(f).contains(d));

  // Keyset pages of one: every member once, in order, ties split across the boundary.
  q = {};
  q.limit = 1;
  std::vector<std::int64_t> paged;
  for (int i = 0; i < 10; ++i) {
    const auto page = assess(q);
    for (const auto& r : page.at("items").as_array())
      paged.push_back(r.at("member_id").as_int64());
    EXPECT_EQ(page.at("summary").is_null(), i > 0);
    if (page.at("next_cursor").is_null()) break;
    q.cursor = std::string(page.at("next_cursor").as_string());
  }
  EXPECT_EQ(paged, order);
  q.cursor = "not-a-cursor!";
  EXPECT_EQ(status_of([&] { assess(q); }), 400);
}

TEST_P(RecordsTest, GradesFilterByTheConfiguredBands) {
  config.points.excellent_min = 6;
  config.points.competent_min = 4;
  config.points.basic_min = 2;
  const auto b = create("member", conference, {{"name", "王建国"}});
  const auto c2 = create("member", conference, {{"name", "张晓梅"}});
  const auto d = create("member", conference, {{"name", "刘德华"}});
  log("reception_day", "2026-03-01");
  log("inspection", "2026-03-02");  // 6: excellent
  log_for(b, conference, "reception_day", "2026-03-01");
  log_for(b, conference, "visit", "2026-03-02");      // 4: competent
  log_for(c2, conference, "briefing", "2026-03-01");  // 2: basic
  log_for(d, conference, "visit", "2026-03-01");      // 1: unqualified
  run_sweep();
  const std::map<std::string, std::int64_t> want{
      {"excellent", member}, {"competent", b}, {"basic", c2}, {"unqualified", d}};
  for (const auto& [grade, who] : want) {
    AssessmentQuery q;
    q.grade = grade;
    const auto a = assess(q);
    ASSERT_EQ(a.at("items").as_array().size(), 1U) << grade;
    EXPECT_EQ(a.at("items").as_array()[0].at("member_id").as_int64(), who) << grade;
    EXPECT_EQ(a.at("items").as_array()[0].at("grade").as_string(), grade);
    EXPECT_EQ(a.at("summary").at("by_grade").at(grade).as_int64(), 1);
  }
  const auto all = assess().at("summary").at("by_grade").as_object();
  EXPECT_EQ(all.at("excellent").as_int64() + all.at("competent").as_int64() +
                all.at("basic").as_int64() + all.at("unqualified").as_int64(),
            4);
}

TEST_P(RecordsTest, StaffSeeTheirConferenceAndThoseBelowRankedInTheirOwn) {
  const auto county = db->write([&](storage::Connection& c) {
    return organisation::create_conference(
        c, *ctx, nobody, {"城关区政协", "城关", "county", "620102000000", conference, 14});
  });
  const auto county_sector = create("sector", county, {{"name", "医药卫生界"}});
  const auto county_member =
      create("member", county, {{"name", "赵丽"}, {"sector_id", county_sector}});
  log("visit", "2026-03-01");                                     // 1 in the city
  log_for(county_member, county, "reception_day", "2026-03-01");  // 3 in the county
  run_sweep();

  const auto city = by_member(assess());
  ASSERT_EQ(city.size(), 2U);
  EXPECT_EQ(city.at(county_member).at("rank").as_int64(), 1);  // first in its conference
  EXPECT_EQ(city.at(member).at("rank").as_int64(), 1);         // and this one in the city
  EXPECT_EQ(city.at(county_member).at("conference").as_string(), "城关区政协");
  const auto below = by_member(assess(staff_of(county)));
  ASSERT_EQ(below.size(), 1U);
  EXPECT_TRUE(below.contains(county_member));

  AssessmentQuery q;
  q.conference_id = county;
  EXPECT_EQ(by_member(assess(q)).size(), 1U);
  q.conference_id = conference;  // above the county's staff
  EXPECT_EQ(status_of([&] { assess(staff_of(county), q); }), 404);

  // An archived member leaves the assessment at the next sweep.
  db->write([&](storage::Connection& c) {
    c.x("UPDATE members SET archived_at = 1 WHERE id = $1", county_member);
  });
  EXPECT_EQ(run_sweep().removed, 1);
  EXPECT_EQ(by_member(assess()).size(), 1U);
}

TEST_P(RecordsTest, TheSweepResumesWhereItsBudgetRanOut) {
  for (const char* name : {"王建国", "张晓梅", "刘德华"})
    create("member", conference, {{"name", name}});
  // No time at all: one batch per call, then it stops and the next call goes on.
  int calls = 0;
  SweepReport total;
  do {
    const auto r = sweep(*db, *ctx, now, {.batch = 1, .budget_ms = 0});
    total.members += r.members;
    total.passes += r.passes;
    ++calls;
  } while (total.passes == 0 && calls < 10);
  EXPECT_EQ(total.passes, 1);
  EXPECT_EQ(total.members, 4);
  EXPECT_EQ(assess().at("summary").at("count").as_int64(), 4);
}

TEST_P(RecordsTest, AwardsGoToRecipientsInScopeOnceAYearAndCanBeWithdrawn) {
  const auto county = db->write([&](storage::Connection& c) {
    return organisation::create_conference(
        c, *ctx, nobody, {"城关区政协", "城关", "county", "620102000000", conference, 14});
  });
  const auto county_member = create("member", county, {{"name", "赵丽"}});
  const auto city_studio = create("studio", conference,
                                  {{"name", "雁南街道委员工作站"},
                                   {"kind", "station"},
                                   {"mode", "street"},
                                   {"division_code", "620102003000"}});
  const auto staff = staff_actor(conference);
  const auto county_staff = staff_actor(county);
  const auto award = [&](const audit::Actor& who, NewAward a) {
    return db->write([&](storage::Connection& c) { return create_award(c, who, a, now); });
  };
  const auto list = [&](std::int64_t conf) {
    return db->read(
        [&](storage::Connection& c) { return awards_of_year(c, staff_of(conf), 2026); });
  };

  const auto first = award(staff, {2026, "excellent_member", member, std::nullopt, "年度优秀"});
  EXPECT_EQ(first.at("awarded_on").as_string(), "2026-11-20");  // today in China
  EXPECT_EQ(first.at("member").as_string(), "李秀英");
  const auto lower = award(staff, {2026, "excellent_member", county_member, std::nullopt, "",
                                   std::string("2026-10-01")});
  EXPECT_EQ(lower.at("awarded_on").as_string(), "2026-10-01");
  award(staff, {2026, "advanced_studio", std::nullopt, city_studio, "接待日常态化"});

  // The same award, year and recipient again: 409 with a Chinese message.
  try {
    award(staff, {2026, "excellent_member", member, std::nullopt, ""});
    ADD_FAILURE() << "a second award went through";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 409);
    EXPECT_EQ(e.code(), "award.duplicate");
    EXPECT_EQ(e.message_zh(), "该委员已获2026年度“优秀委员”表彰，不能重复登记");
  }
  EXPECT_EQ(status_of([&] {
              award(staff, {2026, "advanced_studio", std::nullopt, city_studio});
            }),
            409);
  // Another year is another award.
  award(staff, {2025, "excellent_member", member, std::nullopt, "", std::string("2026-01-10")});

  // Out of the county's scope: the city's member and studio are not found.
  EXPECT_EQ(status_of([&] { award(county_staff, {2026, "excellent_member", member}); }), 404);
  EXPECT_EQ(status_of([&] {
              award(county_staff, {2026, "advanced_studio", std::nullopt, city_studio});
            }),
            404);
  EXPECT_EQ(status_of([&] { award(staff, {2026, "excellent_member", 999999}); }), 404);
  // Bad requests.
  EXPECT_EQ(status_of([&] { award(staff, {2026, "excellent_member", member, city_studio}); }), 400);
  EXPECT_EQ(status_of([&] { award(staff, {2026, "advanced_studio", member}); }), 400);
  EXPECT_EQ(status_of([&] { award(staff, {1999, "excellent_member", member}); }), 400);
  EXPECT_EQ(status_of([&] {
              award(staff, {2026, "excellent_member", county_member, std::nullopt, "",
                            std::string("2026-12-01")});
            }),
            400);  // in the future
  EXPECT_EQ(status_of([&] {
              award(staff, {2026, "excellent_member", county_member, std::nullopt, "",
                            std::string("2025-12-31")});
            }),
            400);  // before the year it honours
  EXPECT_EQ(status_of([&] {
              award(staff, {2026, "excellent_member", county_member, std::nullopt, "",
                            std::string("2026-02-30")});
            }),
            400);

  EXPECT_EQ(list(conference).size(), 3U);
  EXPECT_EQ(list(county).size(), 0U);  // the city's awards are not the county's to see

  // Withdrawal: staff of the awarding conference only; then it may be recorded again.
  const auto id = first.at("id").as_int64();
  EXPECT_EQ(status_of([&] {
              db->write([&](storage::Connection& c) { delete_award(c, county_staff, id, now); });
            }),
            404);
  db->write([&](storage::Connection& c) { delete_award(c, staff, id, now); });
  EXPECT_EQ(list(conference).size(), 2U);
  EXPECT_EQ(status_of([&] {
              db->write([&](storage::Connection& c) { delete_award(c, staff, id, now); });
            }),
            404);
  award(staff, {2026, "excellent_member", member, std::nullopt, "重新登记"});
  const auto audited = db->read([&](storage::Connection& c) {
    return c.q("SELECT action FROM audit_log WHERE object_type = 'award' ORDER BY id");
  });
  std::vector<std::string> actions;
  for (const auto& r : audited)
    actions.push_back(r.text(0));
  EXPECT_EQ(actions, (std::vector<std::string>{"award.create", "award.create", "award.create",
                                               "award.create", "award.delete", "award.create"}));
}

// Formal outputs by the demo scheme: a registered proposal gives its first author 5 and each
// co-signer 1; a sector's collective proposal shares 6 among its signers; an adopted opinion
// report 3 / 1 and each leader's instruction on it 5 / 2; an accepted micro-suggestion 2 / 1
// up to 20 a year; an excellent proposal 5 / 2 more. Items that were not accepted count
// nothing, whatever became of them.
TEST_P(RecordsTest, ProposalsReportsAndSuggestionsScoreByTheAuthorsPlaces) {
  const auto t0 =
      duration_cast<milliseconds>(sys_days{2026y / March / 2}.time_since_epoch()).count();
  std::int64_t sector = 0, second = 0, third = 0;
  db->write([&](storage::Connection& c) {
    sector = c.q("SELECT sector_id FROM members WHERE id = $1", member).front().int64(0);
    second =
        organisation::create_record(c, *ctx, nobody, "member", conference,
                                    boost::json::object{{"name", "王建国"}, {"sector_id", sector}});
    third =
        organisation::create_record(c, *ctx, nobody, "member", conference,
                                    boost::json::object{{"name", "张丽"}, {"sector_id", sector}});
  });
  const auto as_member = [&](std::int64_t m) {
    auth::Principal p;
    p.user_id = 1000 + m;
    p.roles = {auth::Role::member};
    p.conference_id = conference;
    p.member_id = m;
    return audit::Actor{p, "127.0.0.1", "test"};
  };
  const auto write = [&](outputs::Kind kind, boost::json::object body) {
    return db->write([&](storage::Connection& c) {
      body["body"] = "……";
      body["submit"] = kind != outputs::Kind::proposal || !body.contains("coauthor_ids");
      return outputs::create_output(c, *ctx, as_member(member), kind, body, t0);
    });
  };
  const auto act = [&](const audit::Actor& a, outputs::Kind kind, std::int64_t id,
                       const char* action, boost::json::object body = {}) {
    db->write([&](storage::Connection& c) {
      outputs::apply_action(c, *ctx, a, kind, id, action, body, t0 + 86'400'000);
    });
  };
  const auto staff = staff_actor(conference);
  using K = outputs::Kind;
  const auto points_of = [&](std::int64_t who, const std::string& code) {
    double sum = 0;
    const auto r =
        db->read([&](storage::Connection& c) { return duty_record(c, *ctx, who, 2026, now); });
    for (const auto& i : r.items) {
      if (i.kind == code) sum += i.points;
    }
    return sum;
  };

  // A joint proposal: member first, second co-signs.
  const auto joint = write(K::proposal, {{"title", "联名提案"},
                                         {"authorship", "joint"},
                                         {"coauthor_ids", boost::json::array{second}}});
  act(as_member(second), K::proposal, joint, "confirm");
  act(as_member(member), K::proposal, joint, "submit");
  act(staff, K::proposal, joint, "register");
  EXPECT_DOUBLE_EQ(points_of(member, "proposal.registered"), 5);
  EXPECT_DOUBLE_EQ(points_of(second, "proposal.registered"), 1);
  act(staff, K::proposal, joint, "flag", {{"is_excellent", true}});
  EXPECT_DOUBLE_EQ(points_of(member, "proposal.excellent"), 5);
  EXPECT_DOUBLE_EQ(points_of(second, "proposal.excellent"), 2);

  // The sector's collective proposal, signed by three: 6 shared.
  const auto collective = db->write([&](storage::Connection& c) {
    return outputs::create_output(c, *ctx, as_member(member), K::proposal,
                                  {{"title", "界别集体提案"},
                                   {"body", "……"},
                                   {"authorship", "sector"},
                                   {"sector_id", sector},
                                   {"coauthor_ids", boost::json::array{second, third}}},
                                  t0);
  });
  act(as_member(second), K::proposal, collective, "confirm");
  act(as_member(third), K::proposal, collective, "confirm");
  act(as_member(member), K::proposal, collective, "submit");
  act(staff, K::proposal, collective, "register");
  EXPECT_DOUBLE_EQ(points_of(third, "proposal.sector"), 2);
  EXPECT_DOUBLE_EQ(points_of(member, "proposal.sector"), 2);

  // An opinion report adopted, with one leader's instruction.
  const auto report = write(K::opinion_report, {{"title", "社情民意"}});
  act(staff, K::opinion_report, report, "adopt");
  EXPECT_DOUBLE_EQ(points_of(member, "opinion.adopted"), 3);
  act(staff, K::opinion_report, report, "approve");
  act(staff, K::opinion_report, report, "issue");
  act(staff, K::opinion_report, report, "send", {{"levels", boost::json::array{"provincial"}}});
  act(staff, K::opinion_report, report, "record_outcome",
      {{"outcome", "instruction"}, {"by_whom", "市长"}, {"occurred_on", "2026-03-20"}});
  EXPECT_DOUBLE_EQ(points_of(member, "opinion.instructed"), 5);

  // Micro-suggestions: 2 each, capped at 20 a year; a rejected one counts nothing.
  for (int i = 0; i < 11; ++i) {
    const auto id = write(K::micro_suggestion, {{"title", "微建议" + std::to_string(i)}});
    act(staff, K::micro_suggestion, id, "accept");
  }
  const auto rejected = write(K::micro_suggestion, {{"title", "不予采纳的微建议"}});
  act(staff, K::micro_suggestion, rejected, "reject", {{"reason", "不属于微建议范围"}});
  EXPECT_DOUBLE_EQ(points_of(member, "micro_suggestion.accepted"), 20);

  // 5 + 5 + 2 + 3 + 5 + 20
  EXPECT_DOUBLE_EQ(total(), 40);
  const auto r = record();
  EXPECT_EQ(r.at("outputs").as_array().size(), 15U);  // every item written, with its state
  // The ledger follows at the sweep, like every other source.
  run_sweep();
  EXPECT_DOUBLE_EQ(by_member(assess())[second].at("points").to_number<double>(), 1 + 2 + 2);
}

// Plenary attendance by the demo scheme: 5 when signed in, half when present without signing
// in, −5 for an absence without leave, nothing when excused.
TEST_P(RecordsTest, PlenaryAttendanceScoresHalfWithoutSigningInAndAbsenceCosts) {
  const auto staff = staff_actor(conference);
  const auto plenary = [&](const char* day, const std::string& status) {
    db->write([&](storage::Connection& c) {
      const auto id = meetings::create_meeting(
          c, staff,
          {.conference_id = conference, .kind = "plenary", .title = "全体会议", .held_on = day},
          now - 200LL * 86'400'000);
      if (status == "absent") {
        meetings::close_roll(c, staff, id, now);
      } else {
        meetings::record_attendance(c, staff, id,
                                    {{member, status, status == "excused" ? "出差" : ""}}, now);
      }
    });
  };
  plenary("2026-01-12", "registered");
  EXPECT_DOUBLE_EQ(total(), 5);
  plenary("2026-02-12", "present");
  EXPECT_DOUBLE_EQ(total(), 7.5);
  plenary("2026-03-12", "excused");
  EXPECT_DOUBLE_EQ(total(), 7.5);
  plenary("2026-04-12", "absent");
  EXPECT_DOUBLE_EQ(total(), 2.5);
}

// The duty report's lifecycle through the service, without HTTP: the generated draft until
// the member saves, edits while a draft, one submission that freezes the ledger, then 409s.
TEST_P(RecordsTest, TheDutyReportIsADraftUntilItsMemberSubmitsIt) {
  log("visit", "2026-03-12");
  auth::Principal self;
  self.user_id = 7;
  self.username = "member";
  self.roles = {auth::Role::member};
  self.member_id = member;
  const audit::Actor me{self, "127.0.0.1", "test"};
  const auto report = [&] {
    return db->read(
        [&](storage::Connection& c) { return duty_report(c, *ctx, member, 2026, now); });
  };
  const auto act = [&](const audit::Actor& who, std::string_view action, const std::string& text) {
    return db->write([&](storage::Connection& c) {
      return apply_duty_report_action(c, *ctx, who, member, 2026, action, text, now);
    });
  };
  const auto generated = report();
  EXPECT_TRUE(generated.generated);
  EXPECT_EQ(generated.status, "draft");
  EXPECT_FALSE(generated.updated_at);
  EXPECT_NE(generated.text.find("履职活动1次"), std::string::npos);

  EXPECT_EQ(status_of([&] { act(staff_actor(conference), "save", "别人的报告"); }), 403);
  EXPECT_EQ(status_of([&] { act(nobody, "submit", ""); }), 403);
  EXPECT_EQ(std::get<0>(stored()), 0);

  const auto saved = act(me, "save", "我的述职报告初稿");
  EXPECT_FALSE(saved.generated);
  EXPECT_EQ(saved.status, "draft");
  EXPECT_EQ(saved.text, "我的述职报告初稿");
  EXPECT_EQ(saved.updated_at, now);
  EXPECT_EQ(act(me, "save", "我的述职报告二稿").text, "我的述职报告二稿");

  const auto submitted = act(me, "submit", "ignored");
  EXPECT_EQ(submitted.status, "submitted");
  EXPECT_EQ(submitted.text, "我的述职报告二稿");
  EXPECT_EQ(std::get<0>(stored()), 1);  // submitting brought the ledger in line
  EXPECT_EQ(report().status, "submitted");

  try {
    act(me, "save", "改不了");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 409);
    EXPECT_EQ(e.code(), "records.submitted");
  }
  EXPECT_EQ(status_of([&] { act(me, "submit", ""); }), 409);
  EXPECT_EQ(report().text, "我的述职报告二稿");
}

TEST_P(RecordsTest, SubmittingANeverSavedReportSubmitsTheGeneratedDraft) {
  log("visit", "2026-03-12");
  auth::Principal self;
  self.user_id = 7;
  self.roles = {auth::Role::member};
  self.member_id = member;
  const auto r = db->write([&](storage::Connection& c) {
    return apply_duty_report_action(c, *ctx, {self, "127.0.0.1", "test"}, member, 2026, "submit",
                                    "", now);
  });
  EXPECT_EQ(r.status, "submitted");
  EXPECT_FALSE(r.generated);
  EXPECT_NE(r.text.find("履职活动1次"), std::string::npos);
}

TONGXIN_INSTANTIATE_ENGINES(RecordsTest);

// Migration 002 on a database that already has awards: each gets the China date it was
// recorded on, and a second copy of the same award is withdrawn so the new rule can hold.
class RecordsMigrationTest : public testing::EngineTest {};

TEST_P(RecordsMigrationTest, OldAwardsGetTheirDateAndDuplicatesAreWithdrawn) {
  std::vector<storage::Migration> all, before;
  for (auto&& list : {core::migrations(), organisation::migrations(), accounts::migrations(),
                      cases::migrations(), contact::migrations(), meetings::migrations(),
                      outputs::migrations(), records::migrations()}) {
    all.insert(all.end(), list.begin(), list.end());
  }
  for (const auto& m : all) {
    if (m.module != "records" || m.version < 2) before.push_back(m);
  }
  storage::apply_migrations(*db, before);
  // 2026-03-01 20:00 UTC is 2 March in China.
  const std::int64_t at =
      duration_cast<milliseconds>((sys_days{2026y / March / 1} + 20h).time_since_epoch()).count();
  db->write([&](storage::Connection& c) {
    const auto conf =
        c.q("INSERT INTO conferences (name, level, division_code, path, created_at, updated_at)"
            " VALUES ('兰州市政协', 'city', '620100000000', '/1/', 0, 0) RETURNING id")
            .front()
            .int64(0);
    const auto m = c.q("INSERT INTO members (conference_id, name, created_at, updated_at) VALUES"
                       " ($1, '李秀英', 0, 0) RETURNING id",
                       conf)
                       .front()
                       .int64(0);
    for (int i = 0; i < 2; ++i) {
      c.x("INSERT INTO awards (conference_id, year, kind, member_id, created_at) VALUES ($1,"
          " 2026, 'excellent_member', $2, $3)",
          conf, m, at + i);
    }
    c.x("INSERT INTO awards (conference_id, year, kind, member_id, created_at) VALUES ($1, 2025,"
        " 'excellent_member', $2, $3)",
        conf, m, at);
  });
  storage::apply_migrations(*db, all);
  const auto rows = db->read([&](storage::Connection& c) {
    return c.q("SELECT awarded_on, deleted_at FROM awards ORDER BY id");
  });
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[0].text("awarded_on"), "2026-03-02");
  EXPECT_TRUE(rows[0].is_null("deleted_at"));
  EXPECT_FALSE(rows[1].is_null("deleted_at"));
  EXPECT_TRUE(rows[2].is_null("deleted_at"));
}

TONGXIN_INSTANTIATE_ENGINES(RecordsMigrationTest);

TEST(DutyReportPdf, RendersChineseOnA4PagesAndPaginates) {
  std::string text;
  for (int i = 0; i < 80; ++i)
    text += "　　这是第" + std::to_string(i + 1) + "段，委员联系界别群众、办理群众诉求的情况。\n";
  const auto pdf = render_report_pdf("2026年度委员述职报告", "李秀英　医药卫生界", text);
  ASSERT_GT(pdf.size(), 1000U);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  // Several pages, and the CJK font embedded.
  std::size_t pages = 0;
  for (auto pos = pdf.find("/Type /Page\n"); pos != std::string::npos;
       pos = pdf.find("/Type /Page\n", pos + 1))
    ++pages;
  for (auto pos = pdf.find("/Type /Page "); pos != std::string::npos;
       pos = pdf.find("/Type /Page ", pos + 1))
    ++pages;
  EXPECT_GE(pages, 2U);
  EXPECT_NE(pdf.find("NotoSerifCJK"), std::string::npos);
}

// The duty report's lifecycle as records defines it equals the rows stated apart.
TEST(DutyReportWorkflow, MatchesTheSpecRows) {
  const char* src = std::getenv("TONGXIN_SOURCE_DIR");
  EXPECT_NO_THROW(workflow::validate(duty_report_workflow()));
  EXPECT_EQ(workflow::spec_rows(duty_report_workflow()),
            workflow::read_spec_file(std::string(src ? src : ".") +
                                     "/tests/spec/workflows/duty_report.tsv"));
}

}  // namespace
}  // namespace tongxin::records
