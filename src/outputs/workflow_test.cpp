// src/outputs/workflow_test.cpp
//
// workflows.md §2–4 against their specifications, tests/spec/workflows/<kind>.tsv, written
// independently of the tables in *_flow.cpp: every allowed (state, action, party) → target
// of each kind, with its guards. The tables must allow exactly these — no more, no fewer —
// so a change to a flow is a change to its spec file too.
#include "outputs/workflow.hpp"

#include <gtest/gtest.h>

#include <string>

namespace tongxin::outputs {
namespace {

constexpr Kind kKinds[] = {Kind::micro_suggestion, Kind::proposal, Kind::opinion_report};

// "" when the kind's table holds exactly the rows of its spec file.
std::string differences(Kind k) {
  const auto& w = workflow(k);
  return tongxin::workflow::diff_rows(
      tongxin::workflow::read_spec_file(tongxin::workflow::spec_file(kind_name(k))),
      tongxin::workflow::spec_rows(w));
}

TEST(MicroSuggestionFlow, IsWorkflowsSection2) {
  EXPECT_EQ(differences(Kind::micro_suggestion), "");
}

TEST(ProposalFlow, IsWorkflowsSection3) {
  EXPECT_EQ(differences(Kind::proposal), "");
}

TEST(OpinionReportFlow, IsWorkflowsSection4) {
  EXPECT_EQ(differences(Kind::opinion_report), "");
}

TEST(Workflows, AreValidAndNamedAfterTheirKind) {
  for (const auto k : kKinds) {
    EXPECT_NO_THROW(tongxin::workflow::validate(workflow(k))) << kind_name(k);
    EXPECT_EQ(workflow(k).name, kind_name(k));
  }
  EXPECT_EQ(party_name(Party::coauthor), "coauthor");
  EXPECT_EQ(party_labels().size(), static_cast<std::size_t>(Party::system) + 1);
}

TEST(Workflows, NameEveryStateAndActionTheyUseInChinese) {
  for (const auto k : kKinds) {
    const auto& w = workflow(k);
    EXPECT_EQ(w.states.front().name, "draft");
    for (const auto& t : w.transitions) {
      EXPECT_TRUE(is_action(w, t.action)) << t.action;
      EXPECT_NE(action_label_zh(w, t.action), t.action) << t.action;
      for (const auto from : t.from)
        EXPECT_TRUE(is_state(w, from)) << from;
      if (t.to != kSame) {
        EXPECT_TRUE(is_state(w, t.to)) << t.to;
      }
    }
    for (const auto s : w.open_states)
      EXPECT_TRUE(is_state(w, s)) << s;
  }
}

TEST(Workflows, AnswerWhatIsAllowedForThe409) {
  const auto& w = workflow(Kind::micro_suggestion);
  EXPECT_EQ(allowed_actions(w, "submitted", {Party::staff}),
            (std::vector<std::string_view>{"accept", "return", "reject", "convert"}));
  EXPECT_TRUE(allowed_actions(w, "submitted", {Party::author}).empty());
  EXPECT_FALSE(find_transition(w, "dispatched", "reply", {Party::agency}));
  const auto t = find_transition(w, "signed", "reply", {Party::agency});
  ASSERT_TRUE(t);
  EXPECT_EQ(t->to, "replied");
  EXPECT_EQ(t->by, (std::vector<Party>{Party::agency}));
  // Recording without moving: the target is kSame, the caller keeps the state.
  EXPECT_EQ(find_transition(w, "signed", "extend", {Party::staff})->to, kSame);
}

}  // namespace
}  // namespace tongxin::outputs
