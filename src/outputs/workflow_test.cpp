// src/outputs/workflow_test.cpp
//
// workflows.md §2–4 transcribed independently of the tables in *_flow.cpp: every allowed
// (state, action, party) → target of each kind. The tables must allow exactly these — no
// more, no fewer — so a change to a flow is a change to this list too.
#include "outputs/workflow.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>

namespace tongxin::outputs {
namespace {

using Triple =
    std::tuple<std::string, std::string, std::string, std::string>;  // from, action, party, to

std::set<Triple> table_of(Kind k) {
  std::set<Triple> out;
  const auto& w = workflow(k);
  for (const auto& t : w.transitions) {
    for (const auto from : t.from) {
      for (const auto p : t.by) {
        out.insert({std::string(from), std::string(t.action), std::string(party_name(p)),
                    std::string(t.to == kSame ? from : t.to)});
      }
    }
  }
  return out;
}

TEST(MicroSuggestionFlow, IsWorkflowsSection2) {
  const std::set<Triple> spec{
      {"draft", "edit", "author", "draft"},
      {"draft", "submit", "author", "submitted"},
      {"submitted", "accept", "staff", "accepted"},
      {"submitted", "return", "staff", "draft"},
      {"submitted", "reject", "staff", "not_accepted"},
      {"submitted", "convert", "staff", "converted"},
      {"accepted", "dispatch", "staff", "dispatched"},
      {"return_review", "dispatch", "staff", "dispatched"},
      {"dispatched", "sign", "agency", "signed"},
      {"dispatched", "ask_back", "agency", "return_review"},
      {"signed", "extend", "staff", "signed"},
      {"dispatched", "supervise", "staff", "dispatched"},
      {"dispatched", "supervise", "leader", "dispatched"},
      {"dispatched", "supervise", "system", "dispatched"},
      {"signed", "supervise", "staff", "signed"},
      {"signed", "supervise", "leader", "signed"},
      {"signed", "supervise", "system", "signed"},
      {"signed", "reply", "agency", "replied"},
      {"replied", "verify", "staff", "verified"},
      {"verified", "rate", "author", "rated"},
      {"rated", "redo", "system", "signed"},
      {"rated", "close", "system", "closed"},
      {"verified", "close", "staff", "closed"},
      {"verified", "close", "system", "closed"},
  };
  EXPECT_EQ(table_of(Kind::micro_suggestion), spec);
}

TEST(ProposalFlow, IsWorkflowsSection3) {
  std::set<Triple> spec{
      {"draft", "edit", "author", "draft"},
      {"draft", "confirm", "coauthor", "draft"},
      {"draft", "submit", "author", "submitted"},
      {"submitted", "register", "staff", "registered"},
      {"submitted", "return", "staff", "draft"},
      {"submitted", "merge", "staff", "merged"},
      {"submitted", "convert", "staff", "converted"},
      {"submitted", "reject", "staff", "not_registered"},
      {"registered", "assign", "staff", "assigned"},
      {"return_review", "assign", "staff", "assigned"},
      {"assigned", "sign", "agency", "signed"},
      {"assigned", "ask_back", "agency", "return_review"},
      {"signed", "consult", "agency", "handling"},
      {"handling", "reply", "agency", "replied"},
      {"replied", "review", "staff", "reviewed"},
      {"reviewed", "rate", "author", "rated"},
      {"reviewed", "rate", "coauthor", "rated"},
      {"rated", "rehandle", "system", "handling"},
      {"rated", "close", "system", "closed"},
      {"reviewed", "close", "staff", "closed"},
      {"reviewed", "close", "system", "closed"},
      {"closed", "publish", "staff", "published"},
  };
  for (const auto* s : {"assigned", "signed", "handling"}) {
    for (const auto* p : {"staff", "leader", "system"})
      spec.insert({s, "supervise", p, s});
  }
  for (const auto* s : {"registered", "assigned", "return_review", "signed", "handling", "replied",
                        "reviewed", "rated", "closed", "published"}) {
    spec.insert({s, "flag", "staff", s});
  }
  EXPECT_EQ(table_of(Kind::proposal), spec);
}

TEST(OpinionReportFlow, IsWorkflowsSection4) {
  std::set<Triple> spec{
      {"draft", "edit", "author", "draft"},
      {"draft", "submit", "author", "submitted"},
      {"submitted", "adopt", "staff", "adopted"},
      {"submitted", "return", "staff", "draft"},
      {"submitted", "merge", "staff", "merged"},
      {"submitted", "keep", "staff", "kept"},
      {"submitted", "reject", "staff", "not_adopted"},
      {"adopted", "approve", "staff", "approved"},
      {"adopted", "approve", "leader", "approved"},
      {"approved", "issue", "staff", "issued"},
      {"issued", "send", "staff", "sent"},
      {"sent", "transfer", "staff", "transferred"},
      {"transferred", "reply", "agency", "handled"},
  };
  for (const auto* s : {"sent", "transferred", "handled"})
    spec.insert({s, "record_outcome", "staff", s});
  EXPECT_EQ(table_of(Kind::opinion_report), spec);
}

TEST(Workflows, NameEveryStateAndActionTheyUseInChinese) {
  for (const auto k : {Kind::micro_suggestion, Kind::proposal, Kind::opinion_report}) {
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
  EXPECT_TRUE(find_transition(w, "signed", "reply", {Party::agency}));
}

}  // namespace
}  // namespace tongxin::outputs
