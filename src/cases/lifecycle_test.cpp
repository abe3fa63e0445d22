// src/cases/lifecycle_test.cpp
//
// A case's life on both engines: intake seals the citizen's contact and indexes the text;
// deadlines follow the working-day calendar (Spring Festival 2026 and its make-up
// Saturday); the sweep reminds, escalates to the lead and then to staff, and closes
// unrated cases; an unsatisfied rating reopens once; merged cases hear of the primary's
// progress; a failed action leaves nothing behind.
#include <gtest/gtest.h>

#include <set>

#include "cases/internal.hpp"
#include "cases/list.hpp"
#include "cases/testing_fixture.hpp"
#include "core/error.hpp"

namespace tongxin::cases {
namespace {

using test::CasesWorld;
using test::china_ms;

class CaseLifecycle : public CasesWorld {
 protected:
  std::int64_t count(const std::string& sql, std::int64_t id) {
    return db->read([&](storage::Connection& c) { return c.q(sql, id).front().int64(0); });
  }
  std::int64_t notices_for(std::int64_t user, const std::string& kind) {
    return db->read([&](storage::Connection& c) {
      return c.q("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND kind = $2", user, kind)
          .front()
          .int64(0);
    });
  }
  CaseRow load(std::int64_t id) {
    return db->read([&](storage::Connection& c) { return load_case_or_404(c, id); });
  }
};

TEST_P(CaseLifecycle, IntakeSealsTheContactAndIndexesTheText) {
  const auto r = submit_case("建兰路的下水道堵塞，污水漫到人行道上", china_ms(2026, 3, 2), true);
  EXPECT_EQ(r.status, "submitted");
  EXPECT_TRUE(normalize_tracking_code(r.tracking_code).has_value());
  const auto k = load(r.id);
  EXPECT_EQ(k.contact_phone_masked, "139****5678");
  EXPECT_EQ(k.contact_name_masked, "赵**");
  ASSERT_TRUE(k.contact_phone_enc);
  EXPECT_EQ(k.contact_phone_enc->find("13912345678"), std::string::npos);
  EXPECT_EQ(ctx->crypto->open(*k.contact_phone_enc), "13912345678");
  const auto found = db->read([&](storage::Connection& c) {
    ListFilter f;
    f.q = "下水道";
    return list_json(list_cases(c, *as_staff().principal, f, china_ms(2026, 3, 2)));
  });
  ASSERT_EQ(found.at("items").as_array().size(), 1U);
  EXPECT_NE(found.at("items").as_array()[0].at("snippet").as_string().find("<mark>下水道</mark>"),
            boost::json::string::npos);
}

TEST_P(CaseLifecycle, TrackingCodesAreShortUnambiguousAndNotSequential) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const auto code = new_tracking_code();
    EXPECT_EQ(code.size(), 10U);
    EXPECT_EQ(code.find_first_of("01OIL"), std::string::npos);
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), 200U);
  EXPECT_EQ(normalize_tracking_code("abcde-fghjk"), "ABCDEFGHJK");
  EXPECT_FALSE(normalize_tracking_code("ABCDE0GHJK"));
  EXPECT_FALSE(normalize_tracking_code("ABC"));
}

TEST_P(CaseLifecycle, DeadlinesCountWorkingDaysAcrossSpringFestival) {
  const auto id = submit_case("路灯不亮", china_ms(2026, 2, 13)).id;
  act(as_staff(), id, Action::assign, {{"member_id", member_a}}, china_ms(2026, 2, 13));
  const auto k = load(id);
  // Fri 2/13 → Sat 2/14 (make-up workday), 2/15–2/23 off, Tue 2/24, Wed 2/25.
  EXPECT_EQ(*k.claim_due_at, china_ms(2026, 2, 26, 0) - 1);
  EXPECT_EQ(*k.reply_due_at, ctx->calendar->deadline_ms(china_ms(2026, 2, 13), 15));
  EXPECT_EQ(notices_for(user_a, "case.assigned"), 1);
}

TEST_P(CaseLifecycle, OverdueCasesEscalateToTheLeadThenToStaff) {
  const auto id = submit_case("路灯不亮", china_ms(2026, 2, 13)).id;
  act(as_staff(), id, Action::assign, {{"member_id", member_a}}, china_ms(2026, 2, 13));
  EXPECT_EQ(sweep(*db, *ctx, china_ms(2026, 2, 25, 23)).escalated, 0);  // still on time
  EXPECT_EQ(sweep(*db, *ctx, china_ms(2026, 2, 26, 9)).escalated, 1);
  EXPECT_EQ(load(id).escalation_level, 1);
  EXPECT_EQ(notices_for(user_lead, "case.escalated"), 1);
  EXPECT_EQ(sweep(*db, *ctx, china_ms(2026, 2, 26, 10)).escalated, 0);  // idempotent
  // Two working days later: Fri 2/27 and the make-up Saturday 2/28.
  EXPECT_EQ(sweep(*db, *ctx, china_ms(2026, 2, 27, 12)).escalated, 0);
  EXPECT_EQ(sweep(*db, *ctx, china_ms(2026, 2, 28, 12)).escalated, 1);
  EXPECT_EQ(load(id).escalation_level, 2);
  EXPECT_EQ(notices_for(user_staff, "case.escalated"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_events WHERE case_id = $1 AND type = 'escalate'", id),
            2);
}

TEST_P(CaseLifecycle, RemindsTheMemberTheWorkingDayBeforeTheReplyIsDue) {
  const auto t0 = china_ms(2026, 3, 2);
  const auto id = submit_case("路灯不亮", t0).id;
  act(as_staff(), id, Action::assign, {{"member_id", member_a}}, t0);
  act(as_member_a(), id, Action::claim, {}, t0);
  const auto due = *load(id).reply_due_at;
  EXPECT_EQ(sweep(*db, *ctx, due - 4LL * 24 * 3600 * 1000).reminded, 0);  // two working days out
  EXPECT_EQ(sweep(*db, *ctx, due - 12LL * 3600 * 1000).reminded, 1);
  EXPECT_EQ(sweep(*db, *ctx, due - 11LL * 3600 * 1000).reminded, 0);
  EXPECT_EQ(notices_for(user_a, "case.reminder"), 1);
}

TEST_P(CaseLifecycle, AnsweredCasesCloseWhenTheCitizenDoesNotRateInSevenDays) {
  const auto t0 = china_ms(2026, 3, 2);
  const auto id = submit_case("路灯不亮", t0).id;
  act(as_staff(), id, Action::assign, {{"member_id", member_a}}, t0);
  act(as_member_a(), id, Action::claim, {}, t0);
  act(as_member_a(), id, Action::reply, {{"text", "已修复"}}, t0);
  EXPECT_EQ(sweep(*db, *ctx, t0 + 6LL * 24 * 3600 * 1000).closed, 0);
  EXPECT_EQ(sweep(*db, *ctx, t0 + 7LL * 24 * 3600 * 1000 + 1).closed, 1);
  const auto k = load(id);
  EXPECT_EQ(k.status, Status::closed);
  EXPECT_EQ(k.outcome, "solved");
  EXPECT_FALSE(k.rating);
}

TEST_P(CaseLifecycle, AnUnsatisfiedRatingReopensOnceAndTheCitizenIsTold) {
  const auto t0 = china_ms(2026, 3, 2);
  const auto id = submit_case("路灯不亮", t0, true).id;
  act(as_staff(), id, Action::assign, {{"member_id", member_a}}, t0);
  act(as_member_a(), id, Action::claim, {}, t0);
  act(as_member_a(), id, Action::reply, {{"text", "已报修"}}, t0);
  act(citizen, id, Action::rate, {{"rating", "unsatisfied"}}, t0, true);
  EXPECT_EQ(load(id).status, Status::in_progress);
  EXPECT_EQ(load(id).reopen_count, 1);
  EXPECT_EQ(notices_for(user_a, "case.reopened"), 1);
  act(as_member_a(), id, Action::reply, {{"text", "已修复"}}, t0);
  act(citizen, id, Action::rate, {{"rating", "unsatisfied"}}, t0, true);
  EXPECT_EQ(load(id).status, Status::closed);  // not a second time
  // assign, reply, reply (答复 SMS twice) plus the receipt are in the outbox for the citizen.
  EXPECT_GE(db->read([&](storage::Connection& c) {
    return c.q("SELECT COUNT(*) FROM sms_outbox WHERE purpose = 'case_update'").front().int64(0);
  }),
            3);
}

TEST_P(CaseLifecycle, MergedCasesFollowTheirPrimary) {
  const auto t0 = china_ms(2026, 3, 2);
  const auto primary = submit_case("雁滩路3号院路灯坏了", t0).id;
  const auto other = submit_case("三号院门口路灯不亮", t0, true).id;
  act(as_lead(), other, Action::merge, {{"into_case_id", primary}}, t0);
  const auto merged = load(other);
  EXPECT_EQ(merged.status, Status::merged);
  EXPECT_EQ(merged.merged_into_id, primary);
  EXPECT_EQ(merged.cluster_id, load(primary).cluster_id);
  act(as_staff(), primary, Action::assign, {{"member_id", member_a}}, t0);
  act(as_member_a(), primary, Action::claim, {}, t0);
  act(as_member_a(), primary, Action::reply, {{"text", "路灯已全部更换"}}, t0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_events WHERE case_id = $1 AND type ="
                  " 'primary_update'",
                  other),
            1);
  act(citizen, primary, Action::rate, {{"rating", "satisfied"}}, t0, true);
  EXPECT_EQ(load(other).status, Status::closed);
  EXPECT_EQ(load(other).outcome, "solved");
}

TEST_P(CaseLifecycle, AFailedActionLeavesNoTrace) {
  const auto t0 = china_ms(2026, 3, 2);
  const auto id = submit_case("路灯不亮", t0).id;
  act(as_staff(), id, Action::assign, {{"member_id", member_a}}, t0);
  act(as_member_a(), id, Action::claim, {}, t0);
  const auto events = count("SELECT COUNT(*) FROM case_events WHERE case_id = $1", id);
  const auto audits =
      count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'case' AND object_id = $1", id);
  EXPECT_THROW(act(as_member_a(), id, Action::reply, {{"outcome", "solved"}}, t0), Error);
  EXPECT_THROW(act(as_member_a(), id, Action::reply, {{"text", "好"}, {"colour", "red"}}, t0),
               Error);
  EXPECT_EQ(load(id).status, Status::in_progress);
  EXPECT_FALSE(load(id).reply_text);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_events WHERE case_id = $1", id), events);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'case' AND object_id = $1", id),
      audits);
}

TEST_P(CaseLifecycle, OthersCannotActOnAMembersCase) {
  const auto t0 = china_ms(2026, 3, 2);
  const auto id = submit_case("路灯不亮", t0).id;
  act(as_staff(), id, Action::assign, {{"member_id", member_a}}, t0);
  try {
    act(as_member_b(), id, Action::claim, {}, t0);
    ADD_FAILURE() << "member b claimed member a's case";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 404);
  }
}

TEST_P(CaseLifecycle, CasesFromAnOlderAnalyzerAreReindexed) {
  const auto id = submit_case("建兰路的下水道堵塞", china_ms(2026, 3, 2)).id;
  // As if written by analyzer version 0, before the index knew this text.
  db->write([&](storage::Connection& c) {
    c.x("UPDATE cases SET analyzer_version = 0 WHERE id = $1", id);
  });
  EXPECT_EQ(reindex_stale(*db), 1);
  EXPECT_EQ(reindex_stale(*db), 0);
  const auto found = db->read([&](storage::Connection& c) {
    ListFilter f;
    f.q = "下水道";
    return list_json(list_cases(c, *as_staff().principal, f, china_ms(2026, 3, 2)));
  });
  EXPECT_EQ(found.at("items").as_array().size(), 1U);  // one row, not a stale duplicate
}

TONGXIN_INSTANTIATE_ENGINES(CaseLifecycle);

}  // namespace
}  // namespace tongxin::cases
