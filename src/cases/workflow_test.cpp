// src/cases/workflow_test.cpp
//
// The case state machine of workflows.md §1 against its specification,
// tests/spec/workflows/case.tsv: every (state, action, party) that is allowed and where it
// leads; anything not listed is forbidden. The table must hold exactly those rows, and the
// typed functions the module calls must answer like them. transitions_test.cpp drives the
// same rows through apply_action() on both engines.
#include "cases/workflow.hpp"

#include <gtest/gtest.h>

#include <map>

namespace tongxin::cases {
namespace {

// (from, action, party) → to, read from the spec file.
std::map<std::string, std::string> spec_targets() {
  std::map<std::string, std::string> out;
  for (const auto& row : workflow::read_spec_file(workflow::spec_file("case"))) {
    const auto r = workflow::parse_spec_row(row);
    out[r.from + " " + r.action + " " + r.party] = r.to;
  }
  return out;
}

TEST(CaseWorkflow, TheTableIsTheSpecRows) {
  EXPECT_NO_THROW(workflow::validate(case_workflow()));
  EXPECT_EQ(workflow::diff_rows(workflow::read_spec_file(workflow::spec_file("case")),
                                workflow::spec_rows(case_workflow())),
            "");
}

TEST(CaseWorkflow, TheTypedFunctionsAllowExactlyTheSpecifiedTransitions) {
  const auto spec = spec_targets();
  const auto& d = case_workflow();
  int allowed = 0;
  for (const auto& s : d.states) {
    for (const auto& a : d.actions) {
      for (const auto& p : d.parties) {
        const auto key =
            std::string(s.name) + " " + std::string(a.name) + " " + std::string(p.name);
        SCOPED_TRACE(key);
        const auto it = spec.find(key);
        const auto t =
            find_transition(*parse_status(s.name), *parse_action(a.name), {*parse_party(p.name)});
        ASSERT_EQ(t.has_value(), it != spec.end());
        if (t) {
          ++allowed;
          EXPECT_EQ(status_name(t->to), it->second);
        }
      }
    }
  }
  EXPECT_EQ(allowed, 45);
}

TEST(CaseWorkflow, NamesRoundTripAndHaveChineseLabels) {
  const auto& d = case_workflow();
  EXPECT_EQ(d.states.size(), static_cast<std::size_t>(Status::closed) + 1);
  EXPECT_EQ(d.actions.size(), static_cast<std::size_t>(Action::close) + 1);
  EXPECT_EQ(d.parties.size(), static_cast<std::size_t>(Party::system) + 1);
  for (const auto& l : d.states) {
    const auto s = parse_status(l.name);
    ASSERT_TRUE(s) << l.name;
    EXPECT_EQ(status_name(*s), l.name);
    EXPECT_FALSE(status_label_zh(*s).empty());
  }
  for (const auto& l : d.actions) {
    const auto a = parse_action(l.name);
    ASSERT_TRUE(a) << l.name;
    EXPECT_EQ(action_name(*a), l.name);
    EXPECT_FALSE(action_label_zh(*a).empty());
  }
  EXPECT_EQ(status_name(Status::in_progress), "in_progress");
  EXPECT_EQ(action_name(Action::decline), "decline");
  EXPECT_EQ(parse_party("lead"), Party::lead);
  EXPECT_FALSE(parse_status("done"));
  EXPECT_FALSE(parse_action("delete"));
  EXPECT_FALSE(parse_party("mayor"));
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

TEST(CaseWorkflow, OpenAndAwaitingRating) {
  for (const auto& l : case_workflow().states) {
    const auto s = *parse_status(l.name);
    EXPECT_EQ(is_open(s), l.name == "submitted" || l.name == "assigned" || l.name == "in_progress")
        << l.name;
    EXPECT_EQ(awaits_rating(s),
              l.name == "replied" || l.name == "converted" || l.name == "referred")
        << l.name;
  }
}

}  // namespace
}  // namespace tongxin::cases
