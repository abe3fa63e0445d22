// src/outputs/lifecycle_test.cpp
//
// Micro-suggestions, proposals and opinion reports from the member's draft to the end of
// their workflow, on both engines: who may take each step, what each step records
// (numbers, deadlines, agencies, ratings, outcomes), what the authors and agencies hear,
// conversions both ways (a case into a micro-suggestion, a micro-suggestion into a
// proposal), the sweep's reminders, supervision and unrated closing, and the headline
// figures.
#include <gtest/gtest.h>

#include "cases/testing_fixture.hpp"
#include "core/error.hpp"
#include "outputs/migrations.hpp"
#include "outputs/output_json.hpp"
#include "outputs/outputs.hpp"

namespace tongxin::outputs {
namespace {

namespace json = boost::json;
using cases::test::china_ms;

constexpr std::int64_t kDay = 24LL * 3600 * 1000;

class Outputs : public cases::test::CasesWorld {
 protected:
  void SetUp() override {
    CasesWorld::SetUp();
    if (!db) return;
    testing::apply_migrations(*db, {outputs::migrations()});
    db->write([&](storage::Connection& c) {
      water = organisation::create_record(c, *ctx, nobody, "agency", conference,
                                          json::object{{"name", "兰州市水务局"}});
      roads = organisation::create_record(c, *ctx, nobody, "agency", conference,
                                          json::object{{"name", "兰州市交通运输局"}});
      other = organisation::create_conference(
          c, *ctx, nobody, {"天水市政协", "天水", "city", "620500000000", std::nullopt, 14});
      accounts::NewUser u{
          "water",      "水务局经办人", "Good-Pass-2026", {auth::Role::agency}, conference,
          std::nullopt, water,          std::nullopt};
      user_water = accounts::create_user(c, nobody, u, config);
    });
  }

  audit::Actor as_water() const {
    auto a = actor(user_water, {auth::Role::agency}, std::nullopt, std::nullopt);
    a.principal->agency_id = water;
    return a;
  }
  audit::Actor as_roads() const {
    auto a = actor(user_water + 100, {auth::Role::agency}, std::nullopt, std::nullopt);
    a.principal->agency_id = roads;
    return a;
  }
  audit::Actor as_leader() const {
    return actor(user_staff + 200, {auth::Role::leader}, std::nullopt, std::nullopt);
  }

  std::int64_t create(const audit::Actor& a, Kind kind, json::object body, std::int64_t now) {
    return db->write(
        [&](storage::Connection& c) { return create_output(c, *ctx, a, kind, body, now); });
  }
  void act(const audit::Actor& a, Kind kind, std::int64_t id, std::string_view action,
           json::object body, std::int64_t now) {
    db->write(
        [&](storage::Connection& c) { apply_action(c, *ctx, a, kind, id, action, body, now); });
  }
  // The error an action answers with (status, code); {0, ""} when it succeeds.
  std::pair<int, std::string> refused(const audit::Actor& a, Kind kind, std::int64_t id,
                                      std::string_view action, json::object body,
                                      std::int64_t now) {
    try {
      act(a, kind, id, action, std::move(body), now);
    } catch (const Error& e) {
      return {e.status(), e.code()};
    }
    return {0, ""};
  }
  json::object get(const audit::Actor& a, Kind kind, std::int64_t id) {
    return db->read(
        [&](storage::Connection& c) { return output_json(get_output(c, *a.principal, kind, id)); });
  }
  std::string status(std::int64_t id) {
    return db->read([&](storage::Connection& c) {
      return c.q("SELECT status FROM outputs WHERE id = $1", id).front().text(0);
    });
  }
  std::int64_t count(const std::string& sql, std::int64_t id) {
    return db->read([&](storage::Connection& c) { return c.q(sql, id).front().int64(0); });
  }
  std::int64_t notices(std::int64_t user, const std::string& kind) {
    return db->read([&](storage::Connection& c) {
      return c.q("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND kind = $2", user, kind)
          .front()
          .int64(0);
    });
  }
  std::vector<Authored> authored(std::int64_t member, int year = 2026) {
    return db->read([&](storage::Connection& c) {
      return authored_outputs(c, member, china_ms(year, 1, 1, 0), china_ms(year + 1, 1, 1, 0));
    });
  }

  std::int64_t water = 0, roads = 0, other = 0, user_water = 0;
};

TEST_P(Outputs, AMicroSuggestionGoesFromDraftToClosed) {
  const auto t0 = china_ms(2026, 3, 2);
  const auto id = create(as_member_a(), Kind::micro_suggestion,
                         {{"title", "建议在雁滩路增设公交站"},
                          {"body", "雁滩路沿线新建小区多，最近的公交站步行要二十分钟。"},
                          {"category", "城乡建设"}},
                         t0);
  EXPECT_EQ(status(id), "draft");
  // A draft is the author's own: staff do not see it, and cannot review it.
  EXPECT_EQ(refused(as_staff(), Kind::micro_suggestion, id, "accept", {}, t0).first, 404);
  act(as_member_a(), Kind::micro_suggestion, id, "submit", {}, t0);
  EXPECT_EQ(notices(user_staff, "output.submitted"), 1);
  // The author cannot review their own suggestion; staff can.
  EXPECT_EQ(refused(as_member_a(), Kind::micro_suggestion, id, "accept", {}, t0).first, 409);
  act(as_staff(), Kind::micro_suggestion, id, "accept", {}, t0 + kDay);
  act(as_staff(), Kind::micro_suggestion, id, "dispatch", {{"agency_id", roads}}, t0 + kDay);
  // Dispatched to roads: the water bureau has no part and does not even see it.
  EXPECT_EQ(refused(as_water(), Kind::micro_suggestion, id, "sign", {}, t0).first, 404);
  act(as_roads(), Kind::micro_suggestion, id, "sign", {}, t0 + 2 * kDay);
  auto o = get(as_staff(), Kind::micro_suggestion, id);
  EXPECT_EQ(o["due_step"], "reply");
  EXPECT_EQ(refused(as_roads(), Kind::micro_suggestion, id, "reply", {}, t0).second,
            "validation.invalid_field");  // the reply text is required
  act(as_roads(), Kind::micro_suggestion, id, "reply",
      {{"reply", "已将增设站点纳入今年线网优化方案，预计6月开通。"}}, t0 + 5 * kDay);
  act(as_staff(), Kind::micro_suggestion, id, "verify", {}, t0 + 6 * kDay);
  EXPECT_EQ(notices(user_a, "output.verify"), 1);  // asked to rate
  act(as_member_a(), Kind::micro_suggestion, id, "rate", {{"rating", "satisfied"}}, t0 + 7 * kDay);
  EXPECT_EQ(status(id), "closed");
  o = get(as_member_a(), Kind::micro_suggestion, id);
  EXPECT_EQ(o["rating"], "satisfied");
  EXPECT_TRUE(o["due_step"].is_null());
  EXPECT_TRUE(o["allowed_actions"].as_array().empty());
  // Every step is on the timeline: create, submit, accept, dispatch, sign, reply, verify, rate,
  // and the system's close.
  EXPECT_EQ(o["events"].as_array().size(), 9u);
  EXPECT_EQ(o["events"].as_array().back().as_object().at("party"), "system");
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'micro_suggestion' AND"
                  " object_id = $1",
                  id),
            9);  // the system's close is audited too
  const auto mine = authored(member_a);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].accepted_at, t0 + kDay);
}

TEST_P(Outputs, AnUnsatisfiedAuthorGetsTheItemRedoneOnce) {
  const auto t0 = china_ms(2026, 3, 2);
  const auto id = create(as_member_a(), Kind::micro_suggestion,
                         {{"title", "小区积水"}, {"body", "每逢下雨必积水"}, {"submit", true}}, t0);
  act(as_staff(), Kind::micro_suggestion, id, "accept", {}, t0);
  act(as_staff(), Kind::micro_suggestion, id, "dispatch", {{"agency_id", water}}, t0);
  const auto answer = [&](std::int64_t at) {
    act(as_water(), Kind::micro_suggestion, id, "reply", {{"reply", "已疏通"}}, at);
    act(as_staff(), Kind::micro_suggestion, id, "verify", {}, at);
  };
  act(as_water(), Kind::micro_suggestion, id, "sign", {}, t0);
  answer(t0 + kDay);
  act(as_member_a(), Kind::micro_suggestion, id, "rate",
      {{"rating", "unsatisfied"}, {"comment", "疏通后第二场雨又积水"}}, t0 + 2 * kDay);
  EXPECT_EQ(status(id), "signed");  // back to the agency
  EXPECT_EQ(notices(user_water, "output.redo"), 1);
  answer(t0 + 5 * kDay);
  act(as_member_a(), Kind::micro_suggestion, id, "rate", {{"rating", "unsatisfied"}},
      t0 + 6 * kDay);
  EXPECT_EQ(status(id), "closed");  // once only
}

TEST_P(Outputs, AJointProposalIsSubmittedWhenEveryCosignerConfirmed) {
  const auto t0 = china_ms(2026, 1, 10);
  const auto id = create(as_member_a(), Kind::proposal,
                         {{"title", "关于加快黄河兰州段生态廊道建设的提案"},
                          {"body", "案由、理由与具体建议……"},
                          {"authorship", "joint"},
                          {"coauthor_ids", json::array{member_b}},
                          {"term", 14},
                          {"session", 5},
                          {"in_session", true}},
                         t0);
  EXPECT_EQ(refused(as_member_a(), Kind::proposal, id, "submit", {}, t0).second,
            "output.cosigners_pending");
  // Only the co-signer confirms for themselves.
  EXPECT_EQ(refused(as_member_a(), Kind::proposal, id, "confirm", {}, t0).first, 409);
  act(as_member_b(), Kind::proposal, id, "confirm", {}, t0);
  // Changing the text takes the confirmation back: the co-signer signed another text.
  act(as_member_a(), Kind::proposal, id, "edit", {{"body", "修改后的案由与建议"}}, t0);
  EXPECT_EQ(refused(as_member_a(), Kind::proposal, id, "submit", {}, t0).second,
            "output.cosigners_pending");
  act(as_member_b(), Kind::proposal, id, "confirm", {}, t0);
  act(as_member_a(), Kind::proposal, id, "submit", {}, t0);

  // Registration numbers count per conference and year.
  const auto second =
      create(as_member_b(), Kind::proposal,
             {{"title", "关于完善社区养老服务的提案"}, {"body", "……"}, {"submit", true}}, t0);
  act(as_staff(), Kind::proposal, id, "register", {{"category", "生态环境"}}, t0 + kDay);
  act(as_staff(), Kind::proposal, second, "register", {}, t0 + kDay);
  EXPECT_EQ(get(as_staff(), Kind::proposal, id)["number"], "第1号");
  EXPECT_EQ(get(as_staff(), Kind::proposal, second)["number"], "第2号");

  // Not the right agency: it asks back within 10 days and staff re-assign.
  act(as_staff(), Kind::proposal, id, "assign", {{"agency_id", roads}}, t0 + 2 * kDay);
  EXPECT_EQ(refused(as_roads(), Kind::proposal, id, "ask_back", {}, t0 + 3 * kDay).first, 400);
  act(as_roads(), Kind::proposal, id, "ask_back", {{"reason", "生态廊道由水务部门牵头"}},
      t0 + 3 * kDay);
  EXPECT_EQ(status(id), "return_review");
  act(as_staff(), Kind::proposal, id, "assign",
      {{"agency_id", water}, {"assisting_agency_ids", json::array{roads}}}, t0 + 4 * kDay);
  auto o = get(as_staff(), Kind::proposal, id);
  EXPECT_EQ(o["handling_mode"], "joint");
  EXPECT_EQ(o["agencies"].as_array().size(), 2u);
  // The assisting agency reads it but does not act for the lead.
  EXPECT_EQ(get(as_roads(), Kind::proposal, id)["id"], id);
  EXPECT_EQ(refused(as_roads(), Kind::proposal, id, "sign", {}, t0).first, 403);
  // Past ten days an agency can no longer ask back.
  EXPECT_EQ(refused(as_water(), Kind::proposal, id, "ask_back", {{"reason", "不属于职责"}},
                    t0 + 20 * kDay)
                .second,
            "output.ask_back_late");
  act(as_water(), Kind::proposal, id, "sign", {}, t0 + 5 * kDay);
  // Three months from the assignment (14 January) to reply.
  EXPECT_EQ(get(as_staff(), Kind::proposal, id)["due_at"].as_int64(),
            china_ms(2026, 4, 14, 0) + kDay - 1);
  act(as_water(), Kind::proposal, id, "consult",
      {{"note", "与领衔委员当面沟通办理思路"}, {"method", "visit"}}, t0 + 10 * kDay);
  EXPECT_EQ(refused(as_water(), Kind::proposal, id, "reply", {{"reply", "答复意见"}}, t0).second,
            "validation.invalid_field");  // A/B/C is required
  act(as_water(), Kind::proposal, id, "reply", {{"reply", "已列入年度计划"}, {"reply_class", "B"}},
      t0 + 40 * kDay);
  act(as_staff(), Kind::proposal, id, "review", {{"reply_class", "A"}}, t0 + 41 * kDay);
  // Either proposer rates.
  act(as_member_b(), Kind::proposal, id, "rate", {{"rating", "basically_satisfied"}},
      t0 + 42 * kDay);
  EXPECT_EQ(status(id), "closed");
  act(as_staff(), Kind::proposal, id, "flag", {{"is_excellent", true}}, t0 + 50 * kDay);
  act(as_staff(), Kind::proposal, id, "publish", {}, t0 + 50 * kDay);
  o = get(as_member_a(), Kind::proposal, id);
  EXPECT_EQ(o["status"], "published");
  EXPECT_EQ(o["reply_class"], "A");
  EXPECT_TRUE(o["is_excellent"].as_bool());

  // Both authors count it, in their places.
  const auto a = authored(member_a), b = authored(member_b);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(a[0].position, 1);
  EXPECT_EQ(b[0].position, 2);
  EXPECT_EQ(b[0].authors, 2);
  EXPECT_TRUE(b[0].is_excellent);
}

TEST_P(Outputs, AProposalIsNotRegisteredOnlyOnAStatutoryGround) {
  const auto t0 = china_ms(2026, 1, 10);
  const auto id =
      create(as_member_a(), Kind::proposal,
             {{"title", "关于推介某品牌白酒的提案"}, {"body", "……"}, {"submit", true}}, t0);
  EXPECT_EQ(refused(as_staff(), Kind::proposal, id, "reject", {{"reason", "不宜"}}, t0).second,
            "validation.invalid_field");
  EXPECT_EQ(refused(as_staff(), Kind::proposal, id, "reject", {{"ground", "dislike"}}, t0).first,
            400);
  act(as_staff(), Kind::proposal, id, "reject",
      {{"ground", "promotion"}, {"reason", "宣传推介特定企业产品，不予立案"}}, t0);
  EXPECT_EQ(status(id), "not_registered");
  EXPECT_TRUE(authored(member_a).empty());
  // Nothing more can happen to it; the 409 says so.
  try {
    act(as_staff(), Kind::proposal, id, "register", {}, t0);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 409);
    EXPECT_TRUE(e.details().as_object().at("allowed").as_array().empty());
  }
}

TEST_P(Outputs, AnOpinionReportIsAdoptedIssuedSentAndItsInstructionsRecorded) {
  const auto t0 = china_ms(2026, 4, 1);
  const auto id = create(as_member_a(), Kind::opinion_report,
                         {{"title", "关于农村留守老人助餐服务的建议"},
                          {"body", std::string(300, 'x')},
                          {"submit", true}},
                         t0);
  EXPECT_EQ(refused(as_member_a(), Kind::opinion_report, id, "adopt", {}, t0).first, 409);
  act(as_staff(), Kind::opinion_report, id, "adopt", {}, t0 + kDay);
  act(as_leader(), Kind::opinion_report, id, "approve", {}, t0 + kDay);
  act(as_staff(), Kind::opinion_report, id, "issue", {}, t0 + 2 * kDay);
  EXPECT_EQ(get(as_staff(), Kind::opinion_report, id)["number"], "第1期");
  EXPECT_EQ(refused(as_staff(), Kind::opinion_report, id, "send", {}, t0).first, 400);
  act(as_staff(), Kind::opinion_report, id, "send", {{"levels", json::array{"provincial"}}},
      t0 + 3 * kDay);
  EXPECT_EQ(refused(as_staff(), Kind::opinion_report, id, "record_outcome",
                    {{"outcome", "instruction"}}, t0)
                .second,
            "validation.invalid_field");  // who gave it
  act(as_staff(), Kind::opinion_report, id, "record_outcome",
      {{"outcome", "instruction"},
       {"level", "provincial"},
       {"by_whom", "省政府副省长"},
       {"text", "请民政厅研究"},
       {"occurred_on", "2026-04-20"}},
      t0 + 20 * kDay);
  act(as_staff(), Kind::opinion_report, id, "record_outcome",
      {{"outcome", "adopted_above"}, {"level", "national"}}, t0 + 30 * kDay);
  EXPECT_EQ(notices(user_a, "output.record_outcome"), 2);  // the member sees every outcome
  auto o = get(as_member_a(), Kind::opinion_report, id);
  EXPECT_EQ(o["outcomes"].as_array().size(), 2u);
  const auto a = authored(member_a);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(a[0].instructions.size(), 1u);
  EXPECT_EQ(a[0].instructions[0].date, "2026-04-20");
}

TEST_P(Outputs, OneMatterPerOpinionReportOfAtMost1500Characters) {
  std::string long_text;
  for (int i = 0; i < 1501; ++i)
    long_text += "字";
  try {
    create(as_member_a(), Kind::opinion_report, {{"title", "过长"}, {"body", long_text}}, 0);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_EQ(e.details().as_object().at("field"), "body");
  }
}

TEST_P(Outputs, StaffConvertAMicroSuggestionIntoAProposalWithItsAuthors) {
  const auto t0 = china_ms(2026, 3, 2);
  const auto id = create(as_member_a(), Kind::micro_suggestion,
                         {{"title", "关于全市中小学课后服务的建议"},
                          {"body", "……"},
                          {"authorship", "joint"},
                          {"coauthor_ids", json::array{member_b}},
                          {"submit", true}},
                         t0);
  act(as_staff(), Kind::micro_suggestion, id, "convert", {{"target", "proposal"}}, t0 + kDay);
  auto o = get(as_member_a(), Kind::micro_suggestion, id);
  EXPECT_EQ(o["status"], "converted");
  const auto target = o.at("converted_to").as_object().at("id").as_int64();
  auto p = get(as_member_b(), Kind::proposal, target);
  EXPECT_EQ(p["status"], "submitted");
  EXPECT_EQ(p["source"].as_object().at("id"), id);
  EXPECT_EQ(p["author_list"].as_array().size(), 2u);
  EXPECT_EQ(p["due_step"], "review");
}

TEST_P(Outputs, ACaseTurnedIntoAMicroSuggestionHearsOfItsProgress) {
  const auto t0 = china_ms(2026, 3, 2);
  const auto k = submit_case("雁滩路公交站太远，老人出行不便", t0).id;
  CasesWorld::act(as_staff(), k, cases::Action::assign, {{"member_id", member_a}}, t0);
  CasesWorld::act(as_member_a(), k, cases::Action::claim, {}, t0);
  // Another member cannot convert a case they do not handle.
  EXPECT_THROW(create(as_member_b(), Kind::micro_suggestion,
                      {{"title", "公交站"}, {"body", "……"}, {"source_case_id", k}}, t0),
               Error);
  const auto id = create(
      as_member_a(), Kind::micro_suggestion,
      {{"title", "建议增设公交站"}, {"body", "……"}, {"source_case_id", k}, {"submit", true}}, t0);
  EXPECT_EQ(status_of(k), "converted");
  act(as_staff(), Kind::micro_suggestion, id, "accept", {}, t0 + kDay);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_events WHERE case_id = $1 AND type ="
                  " 'linked_progress'",
                  k),
            1);
  EXPECT_EQ(get(as_member_a(), Kind::micro_suggestion, id)["source_case_id"], k);

  // Staff convert another case from the console: the draft is the handling member's to
  // write up and submit. Another member cannot name the handler as author to convert it.
  const auto k2 = submit_case("村口道路年久失修，雨天泥泞", t0).id;
  CasesWorld::act(as_staff(), k2, cases::Action::assign, {{"member_id", member_a}}, t0);
  CasesWorld::act(as_member_a(), k2, cases::Action::claim, {}, t0);
  EXPECT_THROW(
      create(as_member_b(), Kind::opinion_report,
             {{"title", "道路"}, {"body", "……"}, {"member_id", member_a}, {"source_case_id", k2}},
             t0),
      Error);
  EXPECT_EQ(status_of(k2), "in_progress");
  const auto draft = create(as_staff(), Kind::opinion_report,
                            {{"title", "关于农村道路养护的建议"},
                             {"body", "……"},
                             {"member_id", member_a},
                             {"source_case_id", k2}},
                            t0);
  EXPECT_EQ(status(draft), "draft");
  EXPECT_EQ(status_of(k2), "converted");
  auto mine = get(as_member_a(), Kind::opinion_report, draft);
  EXPECT_EQ(mine["author_list"].as_array().at(0).as_object().at("member_id"), member_a);
  EXPECT_EQ(mine["my_parties"].as_array().at(0), "author");
}

TEST_P(Outputs, TheSweepRemindsSupervisesAndClosesUnrated) {
  const auto t0 = china_ms(2026, 3, 2);  // a Monday
  const auto id = create(as_member_a(), Kind::micro_suggestion,
                         {{"title", "路灯"}, {"body", "不亮"}, {"submit", true}}, t0);
  act(as_staff(), Kind::micro_suggestion, id, "accept", {}, t0);
  act(as_staff(), Kind::micro_suggestion, id, "dispatch", {{"agency_id", water}}, t0);
  const auto due = get(as_staff(), Kind::micro_suggestion, id)["due_at"].as_int64();
  const auto sweep_at = [&](std::int64_t at) {
    return db->write([&](storage::Connection& c) { return sweep(c, *ctx, at); });
  };
  EXPECT_EQ(sweep_at(t0).reminded, 0);
  EXPECT_EQ(sweep_at(due - 12LL * 3600 * 1000).reminded, 1);  // the working day before
  EXPECT_EQ(notices(user_water, "output.reminder"), 1);
  EXPECT_EQ(sweep_at(due - 11LL * 3600 * 1000).reminded, 0);  // once
  const auto late = sweep_at(due + 1);
  EXPECT_EQ(late.supervised, 1);
  EXPECT_EQ(sweep_at(due + 2).supervised, 0);
  EXPECT_EQ(notices(user_water, "output.supervised"), 1);
  EXPECT_EQ(notices(user_staff, "output.overdue"), 1);
  EXPECT_EQ(db->read([&](storage::Connection& c) {
    return list_outputs(c, *as_staff().principal, Kind::micro_suggestion, {.overdue = true},
                        due + 3)["items"]
        .as_array()
        .size();
  }),
            1u);

  act(as_water(), Kind::micro_suggestion, id, "sign", {}, due + kDay);
  act(as_water(), Kind::micro_suggestion, id, "reply", {{"reply", "已修复"}}, due + kDay);
  act(as_staff(), Kind::micro_suggestion, id, "verify", {}, due + kDay);
  const auto rate_due = get(as_staff(), Kind::micro_suggestion, id)["due_at"].as_int64();
  EXPECT_EQ(sweep_at(rate_due + 1).closed, 1);
  EXPECT_EQ(status(id), "closed");
}

TEST_P(Outputs, ListsShowEachRoleItsOwnAndTheFiguresCount) {
  const auto t0 = china_ms(2026, 3, 2);
  for (int i = 0; i < 3; ++i) {
    const auto id =
        create(as_member_a(), Kind::micro_suggestion,
               {{"title", "建议" + std::to_string(i)}, {"body", "……"}, {"submit", true}}, t0);
    act(as_staff(), Kind::micro_suggestion, id, "accept", {}, t0);
    act(as_staff(), Kind::micro_suggestion, id, "dispatch", {{"agency_id", i == 2 ? roads : water}},
        t0);
    if (i == 0) {
      act(as_water(), Kind::micro_suggestion, id, "sign", {}, t0);
      act(as_water(), Kind::micro_suggestion, id, "reply", {{"reply", "已办"}}, t0 + 3 * kDay);
    }
  }
  create(as_member_b(), Kind::micro_suggestion, {{"title", "草稿"}, {"body", "……"}}, t0);
  const auto list = [&](const audit::Actor& a, ListQuery q) {
    return db->read([&](storage::Connection& c) {
      return list_outputs(c, *a.principal, Kind::micro_suggestion, q, t0);
    });
  };
  EXPECT_EQ(list(as_staff(), {}).at("items").as_array().size(), 3u);  // not the draft
  EXPECT_EQ(list(as_member_b(), {}).at("items").as_array().size(), 1u);
  EXPECT_EQ(list(as_water(), {}).at("items").as_array().size(), 2u);
  auto page = list(as_staff(), {.limit = 2});
  EXPECT_EQ(page.at("items").as_array().size(), 2u);
  auto rest =
      list(as_staff(), {.limit = 2, .cursor = std::string(page.at("next_cursor").as_string())});
  EXPECT_EQ(rest.at("items").as_array().size(), 1u);
  EXPECT_TRUE(rest.at("next_cursor").is_null());
  EXPECT_EQ(list(as_staff(), {.q = "建议1"}).at("items").as_array().size(), 1u);

  auto s = db->read([&](storage::Connection& c) {
    return summary(c, *as_staff().principal, Kind::micro_suggestion, 2026, std::nullopt);
  });
  EXPECT_EQ(s.at("submitted").as_int64(), 3);
  EXPECT_EQ(s.at("accepted").as_int64(), 3);
  EXPECT_EQ(s.at("answered").as_int64(), 1);
  EXPECT_DOUBLE_EQ(s.at("answer_rate").as_double(), 33.3);
  EXPECT_DOUBLE_EQ(s.at("mean_handling_days").as_double(), 3.0);
  // Another conference's staff see none of it.
  auto outsider = as_staff();
  outsider.principal->conference_id = other;
  EXPECT_EQ(list(outsider, {}).at("items").as_array().size(), 0u);
}

TONGXIN_INSTANTIATE_ENGINES(Outputs);

}  // namespace
}  // namespace tongxin::outputs
