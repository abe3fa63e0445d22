// src/reports/reports_test.cpp
//
// The report figures on both engines over a small world with known counts, written through
// the modules' services: a city conference with a county below, three studios (one
// archived), key contacts (one archived), activities (one revoked), cases in every state
// that matters (replied, claimed, reopened, merged, another conference's), micro-
// suggestions answered or not, a proposal registered, an opinion report adopted with two
// instructions. Each key is checked exactly for the second quarter of 2026, the previous
// quarter, the city alone, one sector and one member; the rows behind each figure add up
// to its value and never show a citizen's name or phone; 办复率 is outputs' summary's.
#include "reports/reports.hpp"

#include <gtest/gtest.h>

#include <map>

#include "cases/testing_fixture.hpp"
#include "contact/contact.hpp"
#include "contact/migrations.hpp"
#include "core/error.hpp"
#include "outputs/migrations.hpp"
#include "outputs/outputs.hpp"

namespace tongxin::reports {
namespace {

namespace json = boost::json;
using cases::test::china_ms;
using outputs::Kind;
using namespace std::chrono;

class ReportsWorld : public cases::test::CasesWorld {
 protected:
  void SetUp() override {
    CasesWorld::SetUp();
    if (!db) return;
    testing::apply_migrations(*db, {contact::migrations(), outputs::migrations()});
    db->write([&](storage::Connection& c) {
      county = organisation::create_conference(
          c, *ctx, nobody, {"城关区政协", "城关", "county", "620102000000", conference, 14});
      health = organisation::create_record(c, *ctx, nobody, "sector", conference,
                                           json::object{{"name", "医药卫生界"}});
      economy = organisation::create_record(c, *ctx, nobody, "sector", conference,
                                            json::object{{"name", "经济界"}});
      member_c = organisation::create_record(c, *ctx, nobody, "member", county,
                                             json::object{{"name", "张晓梅"}});
      county_studio =
          organisation::create_record(c, *ctx, nobody, "studio", county,
                                      json::object{{"name", "渭源路街道委员工作室"},
                                                   {"kind", "studio"},
                                                   {"mode", "street"},
                                                   {"division_code", "620102004000"},
                                                   {"member_ids", json::array{member_c}}});
      old_studio = organisation::create_record(c, *ctx, nobody, "studio", conference,
                                               json::object{{"name", "旧委员工作室"},
                                                            {"kind", "studio"},
                                                            {"mode", "sector"},
                                                            {"division_code", "620102003000"},
                                                            {"member_ids", json::array{member_b}}});
      water = organisation::create_record(c, *ctx, nobody, "agency", conference,
                                          json::object{{"name", "兰州市水务局"}});
      accounts::NewUser u{
          "water",      "水务局经办人", "Good-Pass-2026", {auth::Role::agency}, conference,
          std::nullopt, water,          std::nullopt};
      user_water = accounts::create_user(c, nobody, u, config);
      // Fixture dates the organisation's services take from the clock: when the studios were
      // built and archived, and the members' sectors.
      c.x("UPDATE studios SET created_at = $2 WHERE id = $1", studio, china_ms(2026, 1, 10));
      c.x("UPDATE studios SET created_at = $2 WHERE id = $1", county_studio, china_ms(2026, 5, 1));
      c.x("UPDATE studios SET created_at = $2, archived_at = $3, status = 'archived' WHERE id = $1",
          old_studio, china_ms(2025, 6, 1), china_ms(2026, 2, 1));
      c.x("UPDATE members SET sector_id = $2 WHERE id = $1", member_a, health);
      c.x("UPDATE members SET sector_id = $2 WHERE id = $1", member_b, economy);
    });
    load_contact_work();
    load_cases();
    load_outputs();
  }

  std::int64_t key_contact(std::int64_t member, const char* name, std::int64_t at) {
    return db->write([&](storage::Connection& c) {
      contact::NewKeyContact k;
      k.name = name;
      k.phone = "13800138000";
      k.sector_label = "医药卫生界";
      k.member_id = member;
      return contact::create_key_contact(c, *ctx, nobody, k, at).id;
    });
  }
  std::int64_t activity(const char* kind, std::int64_t conf, std::optional<std::int64_t> at_studio,
                        std::vector<std::int64_t> members, std::vector<std::int64_t> contacts,
                        const char* day, int reached) {
    return db->write([&](storage::Connection& c) {
      contact::NewActivity a;
      a.kind = kind;
      a.held_on = day;
      a.studio_id = at_studio;
      a.member_ids = std::move(members);
      a.key_contact_ids = std::move(contacts);
      a.reached_count = reached;
      a.conference_id = conf;
      return contact::log_activity(c, *ctx, nobody, a, china_ms(2026, 7, 1)).id;
    });
  }

  void load_contact_work() {
    k1 = key_contact(member_a, "欧阳明", china_ms(2026, 1, 5));
    k2 = key_contact(member_a, "司马光", china_ms(2026, 4, 10));
    k3 = key_contact(member_b, "诸葛亮", china_ms(2026, 1, 5));
    k4 = key_contact(member_c, "上官云", china_ms(2026, 4, 2));
    activity("reception_day", conference, studio, {member_a}, {k1}, "2026-04-15", 30);
    activity("service", conference, studio, {member_a, member_b}, {k1, k2}, "2026-05-20", 12);
    activity("service", county, county_studio, {member_c}, {k4}, "2026-06-10", 5);
    activity("visit", conference, std::nullopt, {member_b}, {k3}, "2026-02-10", 7);
    const auto revoked =
        activity("reception_day", conference, studio, {member_b}, {}, "2026-06-01", 20);
    db->write([&](storage::Connection& c) {
      contact::archive_key_contact(c, nobody, k3, china_ms(2026, 3, 1));
      // A revoked activity (the records module revokes through its source this way too).
      c.x("UPDATE activities SET revoked_at = $2 WHERE id = $1", revoked, china_ms(2026, 7, 2));
    });
  }

  std::int64_t new_case(std::int64_t at_studio, std::int64_t at) {
    cases::Intake in;
    in.text = "小区路灯坏了很久，晚上出行不安全";
    in.studio_id = at_studio;
    in.address = "雁滩路3号院";
    in.consent_version = "test";
    in.anonymous = false;
    in.contact_name = "赵丽华";
    in.contact_phone = "13912345678";
    return db
        ->write([&](storage::Connection& c) { return cases::submit(c, *ctx, citizen, in, at); })
        .id;
  }
  void handle(std::int64_t id, const audit::Actor& member, std::int64_t m, std::int64_t at,
              bool reply) {
    using cases::Action;
    act(as_staff(), id, Action::assign, {{"member_id", m}}, at);
    act(member, id, Action::claim, {}, at + 3600'000);
    if (reply) act(member, id, Action::reply, {{"text", "已报修，路灯已更换"}}, at + 7200'000);
  }

  void load_cases() {
    using cases::Action;
    c1 = new_case(studio, china_ms(2026, 4, 8));
    const auto c4 = new_case(studio, china_ms(2026, 4, 9));
    act(as_lead(), c4, Action::merge, {{"into_case_id", c1}}, china_ms(2026, 4, 9, 15));
    handle(c1, as_member_a(), member_a, china_ms(2026, 4, 10), true);
    handle(new_case(studio, china_ms(2026, 4, 20)), as_member_a(), member_a, china_ms(2026, 4, 21),
           false);
    const auto c3 = new_case(studio, china_ms(2026, 5, 6));
    handle(c3, as_member_b(), member_b, china_ms(2026, 5, 7), true);
    act(citizen, c3, Action::rate, {{"rating", "unsatisfied"}}, china_ms(2026, 5, 9), true);
    new_case(county_studio, china_ms(2026, 5, 15));
    handle(new_case(studio, china_ms(2026, 2, 15)), as_member_a(), member_a, china_ms(2026, 2, 16),
           true);
  }

  std::int64_t output(const audit::Actor& author, Kind kind, const std::string& title,
                      std::int64_t at) {
    return db->write([&](storage::Connection& c) {
      return outputs::create_output(c, *ctx, author, kind,
                                    {{"title", title}, {"body", "……"}, {"submit", true}}, at);
    });
  }
  void step(const audit::Actor& a, Kind kind, std::int64_t id, const char* action, std::int64_t at,
            json::object body = {}) {
    db->write([&](storage::Connection& c) {
      outputs::apply_action(c, *ctx, a, kind, id, action, body, at);
    });
  }
  audit::Actor as_water() const {
    auto a = actor(user_water, {auth::Role::agency}, std::nullopt, std::nullopt);
    a.principal->agency_id = water;
    return a;
  }
  // Accepted and dispatched to the water bureau; answered when `answer`.
  void micro(const audit::Actor& author, const std::string& title, std::int64_t at, bool accept,
             bool answer) {
    const auto id = output(author, Kind::micro_suggestion, title, at);
    if (!accept) return;
    step(as_staff(), Kind::micro_suggestion, id, "accept", at + 3600'000);
    step(as_staff(), Kind::micro_suggestion, id, "dispatch", at + 7200'000, {{"agency_id", water}});
    if (!answer) return;
    step(as_water(), Kind::micro_suggestion, id, "sign", at + 86'400'000);
    step(as_water(), Kind::micro_suggestion, id, "reply", at + 2 * 86'400'000,
         {{"reply", "已纳入今年改造计划"}});
  }

  void load_outputs() {
    micro(as_member_a(), "增设公交站点", china_ms(2026, 4, 3), true, true);
    micro(as_member_a(), "疏通排水管网", china_ms(2026, 4, 5), true, false);
    micro(as_member_a(), "增加便民座椅", china_ms(2026, 4, 7), false, false);
    micro(as_member_b(), "规范共享单车停放", china_ms(2026, 5, 1), true, true);
    micro(as_member_a(), "老旧小区加装电梯", china_ms(2026, 1, 20), true, false);
    const auto p1 =
        output(as_member_a(), Kind::proposal, "关于社区医疗的提案", china_ms(2026, 4, 10));
    step(as_staff(), Kind::proposal, p1, "register", china_ms(2026, 4, 12));
    output(as_member_a(), Kind::proposal, "关于养老服务的提案", china_ms(2026, 4, 11));
    const auto r1 =
        output(as_member_b(), Kind::opinion_report, "群众反映停车难", china_ms(2026, 5, 10));
    output(as_member_a(), Kind::opinion_report, "群众反映噪音扰民", china_ms(2026, 5, 11));
    const auto t = china_ms(2026, 5, 12);
    step(as_staff(), Kind::opinion_report, r1, "adopt", t);
    step(as_staff(), Kind::opinion_report, r1, "approve", t);
    step(as_staff(), Kind::opinion_report, r1, "issue", t);
    step(as_staff(), Kind::opinion_report, r1, "send", t, {{"levels", json::array{"provincial"}}});
    for (const char* day : {"2026-05-20", "2026-06-01"}) {
      step(as_staff(), Kind::opinion_report, r1, "record_outcome", t,
           {{"outcome", "instruction"}, {"by_whom", "市长"}, {"occurred_on", day}});
    }
  }

  auth::Principal staff() const { return *as_staff().principal; }
  FigureQuery q2(FigureQuery q = {}) const {
    q.period = calendar::Period::quarter(2026, 2);
    return q;
  }
  std::map<std::string, Figure> report(const FigureQuery& q, const auth::Principal& p) {
    const auto r = db->read([&](storage::Connection& c) { return figures(c, p, q); });
    std::map<std::string, Figure> out;
    for (const auto& f : r.figures)
      out[std::string(f.spec->key)] = f;
    return out;
  }
  std::map<std::string, Figure> report(const FigureQuery& q) { return report(q, staff()); }
  // Every row behind `key`, two at a time.
  std::vector<figures::Row> rows(const std::string& key, const FigureQuery& q) {
    std::vector<figures::Row> out;
    std::int64_t after = 0;
    for (int i = 0; i < 50; ++i) {
      const auto page = db->read(
          [&](storage::Connection& c) { return figure_rows(c, staff(), key, q, after, 2); });
      EXPECT_LE(page.items.size(), 2U);
      out.insert(out.end(), page.items.begin(), page.items.end());
      if (!page.next_after) break;
      after = *page.next_after;
    }
    return out;
  }
  static std::map<std::string, double> values(const std::map<std::string, Figure>& r,
                                              bool previous = false) {
    std::map<std::string, double> out;
    for (const auto& [k, f] : r) {
      const auto& v = previous ? f.previous : f.current;
      out[k] = v.value.value_or(-1);
    }
    return out;
  }
  static int status_of(const std::function<void()>& f) {
    try {
      f();
    } catch (const Error& e) {
      return e.status();
    }
    return 0;
  }

  std::int64_t county = 0, health = 0, economy = 0, member_c = 0, county_studio = 0, old_studio = 0,
               water = 0, user_water = 0;
  std::int64_t k1 = 0, k2 = 0, k3 = 0, k4 = 0, c1 = 0;
};

const std::map<std::string, double> kQ2WithCounty{{"studios_built", 2},
                                                  {"reception_days_held", 1},
                                                  {"people_served", 47},
                                                  {"key_contacts", 3},
                                                  {"contacts_visited", 3},
                                                  {"things_done", 2},
                                                  {"cases_collected", 4},
                                                  {"cases_feedback_rate", 0.5},
                                                  {"cases_handled_rate", 0.25},
                                                  {"micro_suggestions_submitted", 4},
                                                  {"micro_suggestions_answer_rate", 2.0 / 3},
                                                  {"proposals_registered", 1},
                                                  {"opinion_reports_adopted", 1},
                                                  {"leader_instructions", 2}};

void expect_values(const std::map<std::string, double>& got,
                   const std::map<std::string, double>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (const auto& [k, v] : want) {
    ASSERT_TRUE(got.contains(k)) << k;
    EXPECT_NEAR(got.at(k), v, 1e-9) << k;
  }
}

TEST_P(ReportsWorld, EveryFigureOfTheQuarterWithTheLevelBelow) {
  expect_values(values(report(q2())), kQ2WithCounty);
}

TEST_P(ReportsWorld, ThePreviousPeriodIsTheQuarterBefore) {
  expect_values(values(report(q2()), true),
                {{"studios_built", 2},  // the city's station and the studio archived in February
                 {"reception_days_held", 0},
                 {"people_served", 7},
                 {"key_contacts", 2},  // archived on 1 March: on the list during the quarter
                 {"contacts_visited", 1},
                 {"things_done", 0},
                 {"cases_collected", 1},
                 {"cases_feedback_rate", 1},
                 {"cases_handled_rate", 1},
                 {"micro_suggestions_submitted", 1},
                 {"micro_suggestions_answer_rate", 0},
                 {"proposals_registered", 0},
                 {"opinion_reports_adopted", 0},
                 {"leader_instructions", 0}});
  // The same figures asked for the first quarter itself.
  FigureQuery q1;
  q1.period = calendar::Period::quarter(2026, 1);
  EXPECT_EQ(values(report(q1)), values(report(q2()), true));
}

TEST_P(ReportsWorld, TheCityAloneLeavesTheCountyOut) {
  FigureQuery q;
  q.include_below = false;
  auto want = kQ2WithCounty;
  want["studios_built"] = 1;
  want["people_served"] = 42;
  want["key_contacts"] = 2;
  want["contacts_visited"] = 2;
  want["things_done"] = 1;
  want["cases_collected"] = 3;
  want["cases_feedback_rate"] = 2.0 / 3;
  want["cases_handled_rate"] = 1.0 / 3;
  expect_values(values(report(q2(q))), want);
}

TEST_P(ReportsWorld, ASectorCountsItsMembersWork) {
  FigureQuery q;
  q.sector_id = health;  // member_a only
  expect_values(values(report(q2(q))), {{"studios_built", 1},
                                        {"reception_days_held", 1},
                                        {"people_served", 42},
                                        {"key_contacts", 2},
                                        {"contacts_visited", 2},
                                        {"things_done", 1},
                                        {"cases_collected", 2},
                                        {"cases_feedback_rate", 0.5},
                                        {"cases_handled_rate", 0.5},
                                        {"micro_suggestions_submitted", 3},
                                        {"micro_suggestions_answer_rate", 0.5},
                                        {"proposals_registered", 1},
                                        {"opinion_reports_adopted", 0},
                                        {"leader_instructions", 0}});
  // A member's own figures are the same here, and the member may ask for them.
  FigureQuery mine;
  mine.member_id = member_a;
  EXPECT_EQ(values(report(q2(mine), *as_member_a().principal)), values(report(q2(q))));
}

TEST_P(ReportsWorld, ACommitteeCountsItsMembersWork) {
  const auto committee = db->write([&](storage::Connection& c) {
    const auto id = organisation::create_record(c, *ctx, nobody, "committee", conference,
                                                json::object{{"name", "社会和法制委员会"}});
    c.x("UPDATE members SET committee_id = $2 WHERE id = $1", member_b, id);
    return id;
  });
  FigureQuery q;
  q.committee_id = committee;                                        // member_b only
  expect_values(values(report(q2(q))), {{"studios_built", 1},        // the old studio was archived
                                        {"reception_days_held", 0},  // theirs was revoked
                                        {"people_served", 12},
                                        {"key_contacts", 0},  // archived in March
                                        {"contacts_visited", 0},
                                        {"things_done", 1},
                                        {"cases_collected", 1},
                                        {"cases_feedback_rate", 1},
                                        {"cases_handled_rate", 0},  // reopened
                                        {"micro_suggestions_submitted", 1},
                                        {"micro_suggestions_answer_rate", 1},
                                        {"proposals_registered", 0},
                                        {"opinion_reports_adopted", 1},
                                        {"leader_instructions", 2}});
  // A committee and a sector its member is not in: nobody's work.
  q.sector_id = health;
  const auto none = values(report(q2(q)));
  EXPECT_EQ(none.at("people_served"), 0);
  EXPECT_EQ(none.at("cases_feedback_rate"), -1);  // a rate over nothing is null
}

TEST_P(ReportsWorld, AStudioCountsItsOwnRows) {
  FigureQuery q;
  q.studio_id = studio;
  const auto v = values(report(q2(q)));
  EXPECT_EQ(v.at("studios_built"), 1);
  EXPECT_EQ(v.at("reception_days_held"), 1);
  EXPECT_EQ(v.at("people_served"), 42);
  EXPECT_EQ(v.at("key_contacts"), 2);  // the station's members' contacts in the quarter
  EXPECT_EQ(v.at("cases_collected"), 3);
}

TEST_P(ReportsWorld, TheRowsAddUpToEachFigureAndShowNoCitizen) {
  for (const auto& q : {q2(), [&] {
                          FigureQuery s;
                          s.sector_id = health;
                          return q2(s);
                        }()}) {
    const auto r = report(q);
    for (const auto& [key, f] : r) {
      const auto all = rows(key, q);
      std::int64_t amount = 0, counted = 0;
      for (const auto& row : all) {
        amount += row.amount.value_or(1);
        counted += row.counted.value_or(false) ? 1 : 0;
        EXPECT_EQ(row.title.find("赵丽华"), std::string::npos) << key;
        EXPECT_EQ(row.title.find("欧阳明"), std::string::npos) << key;
        EXPECT_EQ(row.title.find("1391234"), std::string::npos) << key;
      }
      if (f.spec->rate) {
        EXPECT_EQ(static_cast<std::int64_t>(all.size()), f.current.whole) << key;
        EXPECT_EQ(counted, f.current.part) << key;
      } else {
        EXPECT_EQ(static_cast<double>(amount), f.current.value.value()) << key;
      }
    }
  }
  const auto visited = rows("contacts_visited", q2());
  ASSERT_EQ(visited.size(), 3U);
  EXPECT_EQ(visited.front().kind, "key_contact");
  EXPECT_EQ(visited.front().title, "欧**");  // masked as every list shows it
  const auto collected = rows("cases_collected", q2());
  ASSERT_EQ(collected.size(), 4U);
  EXPECT_EQ(collected.front().id, c1);
  EXPECT_EQ(collected.front().date, "2026-04-08");
}

TEST_P(ReportsWorld, TheAnswerRateIsOutputsSummarys) {
  FigureQuery year;
  year.period = calendar::Period::year(2026);
  year.include_below = false;
  const auto r = report(year);
  const auto summary = db->read([&](storage::Connection& c) {
    return outputs::figures(c, staff(), Kind::micro_suggestion, 2026, conference);
  });
  EXPECT_DOUBLE_EQ(summary.answer_rate, 50.0);
  EXPECT_NEAR(r.at("micro_suggestions_answer_rate").current.value.value() * 100,
              summary.answer_rate, 0.05);
  EXPECT_EQ(r.at("micro_suggestions_submitted").current.value.value(),
            static_cast<double>(summary.submitted));
}

TEST_P(ReportsWorld, WhoMaySeeWhat) {
  const auto status = [&](const auth::Principal& p, FigureQuery q) {
    return status_of(
        [&] { db->read([&](storage::Connection& c) { return figures(c, p, q2(q)); }); });
  };
  auto member = *as_member_a().principal;
  EXPECT_EQ(status(member, {}), 403);  // not their own figures
  FigureQuery other;
  other.member_id = member_b;
  EXPECT_EQ(status(member, other), 403);
  FigureQuery self;
  self.member_id = member_a;
  EXPECT_EQ(status(member, self), 0);
  // County staff see the county, not the city above it.
  auto county_staff = staff();
  county_staff.conference_id = county;
  FigureQuery city;
  city.conference_id = conference;
  EXPECT_EQ(status(county_staff, city), 403);
  EXPECT_EQ(status(county_staff, {}), 0);
  // A studio of the city is unknown to the county's report.
  FigureQuery there;
  there.studio_id = studio;
  EXPECT_EQ(status(county_staff, there), 404);
  EXPECT_EQ(status_of([&] {
              db->read([&](storage::Connection& c) {
                return figure_rows(c, staff(), "no_such_figure", q2(), 0, 10);
              });
            }),
            404);
}

TONGXIN_INSTANTIATE_ENGINES(ReportsWorld);

}  // namespace
}  // namespace tongxin::reports
