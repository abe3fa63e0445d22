// src/cases/workflow_test.cpp
//
// The case state machine of workflows.md §1, written out as the specification: every
// (state, action, party) that is allowed and where it leads. Anything not listed is
// forbidden. Checked against the table in workflow.cpp and, on both engines, against
// what apply_action() really does (transitions_test.cpp).
#include "cases/workflow.hpp"

#include <gtest/gtest.h>

#include "cases/workflow_spec.hpp"

namespace tongxin::cases {
namespace {

TEST(CaseWorkflow, TheTableAllowsExactlyTheSpecifiedTransitions) {
  for (const auto from : spec::kAllStatuses) {
    for (const auto action : spec::kAllActions) {
      for (const auto party : spec::kAllParties) {
        const auto expected = spec::expected_target(from, action, party);
        const auto t = find_transition(from, action, {party});
        SCOPED_TRACE(std::string(status_name(from)) + " " + std::string(action_name(action)) +
                     " by " + std::to_string(static_cast<int>(party)));
        ASSERT_EQ(t.has_value(), expected.has_value());
        if (t) {
          EXPECT_EQ(status_name(t->to), status_name(*expected));
        }
      }
    }
  }
}

TEST(CaseWorkflow, NamesRoundTripAndHaveChineseLabels) {
  for (const auto s : spec::kAllStatuses) {
    EXPECT_EQ(parse_status(status_name(s)), s);
    EXPECT_FALSE(status_label_zh(s).empty());
  }
  for (const auto a : spec::kAllActions) {
    EXPECT_EQ(parse_action(action_name(a)), a);
    EXPECT_FALSE(action_label_zh(a).empty());
  }
  EXPECT_FALSE(parse_status("done"));
  EXPECT_FALSE(parse_action("delete"));
}

TEST(CaseWorkflow, AllowedActionsAreWhatTheUserInterfaceOffers) {
  using A = Action;
  EXPECT_EQ(allowed_actions(Status::assigned, {Party::handler}),
            (std::vector<A>{A::claim, A::decline}));
  EXPECT_EQ(allowed_actions(Status::in_progress, {Party::handler}),
            (std::vector<A>{A::reply, A::convert, A::refer, A::decline}));
  EXPECT_EQ(allowed_actions(Status::submitted, {Party::lead}),
            (std::vector<A>{A::assign, A::decline, A::merge}));
  EXPECT_EQ(allowed_actions(Status::replied, {Party::citizen}), (std::vector<A>{A::rate}));
  EXPECT_TRUE(allowed_actions(Status::closed, {Party::handler, Party::lead}).empty());
}

}  // namespace
}  // namespace tongxin::cases
