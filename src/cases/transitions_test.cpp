// src/cases/transitions_test.cpp
//
// Every (state, action, party) of the case state machine, on both engines, through the
// real apply_action(): what tests/spec/workflows/case.tsv allows lands in the specified
// state with one more event; everything else is a 409 that changes nothing.
#include <gtest/gtest.h>

#include <map>

#include "cases/testing_fixture.hpp"
#include "core/error.hpp"

namespace tongxin::cases {
namespace {

using test::CasesWorld;
using test::china_ms;

class CaseTransitions : public CasesWorld {};

// (from, action, party) → to, from the spec file.
std::map<std::string, Status> spec_targets() {
  std::map<std::string, Status> out;
  for (const auto& row : workflow::read_spec_file(workflow::spec_file("case"))) {
    const auto r = workflow::parse_spec_row(row);
    out[r.from + " " + r.action + " " + r.party] = parse_status(r.to).value();
  }
  return out;
}

TEST_P(CaseTransitions, EveryAllowedAndForbiddenTransition) {
  const auto now = china_ms(2026, 3, 2);
  const auto target = submit_case("合并目标：路灯不亮", now).id;
  const auto spec = spec_targets();
  const auto& d = case_workflow();
  int allowed = 0, forbidden = 0;
  for (const auto& s : d.states) {
    for (const auto& a : d.actions) {
      for (const auto& p : d.parties) {
        const auto from = *parse_status(s.name);
        const auto action = *parse_action(a.name);
        const auto party = *parse_party(p.name);
        const auto id = submit_case("雁滩路3号院路灯不亮", now).id;
        db->write([&](storage::Connection& c) {
          c.x("UPDATE cases SET status = $2, member_id = $3 WHERE id = $1", id,
              std::string(status_name(from)), member_a);
        });
        const auto events_before = db->read([&](storage::Connection& c) {
          return c.q("SELECT COUNT(*) FROM case_events WHERE case_id = $1", id).front().int64(0);
        });
        boost::json::object body;
        switch (action) {
          case Action::assign:
            body = {{"member_id", member_b}};
            break;
          case Action::reply:
            body = {{"text", "已协调解决"}, {"outcome", "solved"}};
            break;
          case Action::convert:
            body = {{"target", "proposal"}};
            break;
          case Action::refer:
            body = {{"to", "hotline_12345"}, {"guidance", "请拨打12345反映"}};
            break;
          case Action::decline:
            body = {{"reason", "不属于受理范围"}};
            break;
          case Action::merge:
            body = {{"into_case_id", target}};
            break;
          case Action::rate:
            body = {{"rating", "satisfied"}};
            break;
          default:
            break;
        }
        const audit::Actor who = party == Party::handler ? as_member_a()
                                 : party == Party::lead  ? as_lead()
                                 : party == Party::staff ? as_staff()
                                                         : nobody;
        const auto key =
            std::string(s.name) + " " + std::string(a.name) + " " + std::string(p.name);
        const auto expected = spec.find(key);
        SCOPED_TRACE(key);
        if (expected != spec.end()) {
          ++allowed;
          ASSERT_NO_THROW(act(who, id, action, body, now, party == Party::citizen));
          // A satisfied rating settles the case at once: rated → closed.
          const auto want = action == Action::rate ? Status::closed : expected->second;
          EXPECT_EQ(status_of(id), status_name(want));
        } else {
          ++forbidden;
          try {
            act(who, id, action, body, now, party == Party::citizen);
            ADD_FAILURE() << "expected 409";
          } catch (const Error& e) {
            EXPECT_EQ(e.status(), 409);
            EXPECT_EQ(e.code(), "case.action_not_allowed");
            EXPECT_TRUE(e.details().as_object().contains("allowed"));
          }
          EXPECT_EQ(status_of(id), status_name(from));
          const auto events_after = db->read([&](storage::Connection& c) {
            return c.q("SELECT COUNT(*) FROM case_events WHERE case_id = $1", id).front().int64(0);
          });
          EXPECT_EQ(events_after, events_before);
        }
      }
    }
  }
  EXPECT_EQ(allowed, 45);
  EXPECT_EQ(forbidden, 10 * 10 * 5 - 45);
}

TONGXIN_INSTANTIATE_ENGINES(CaseTransitions);

}  // namespace
}  // namespace tongxin::cases
