// src/outputs/workflow.hpp
//
// The state machines of workflows.md §2–4 as data: one core workflow::Definition per kind
// of output (micro_suggestion_flow.cpp, proposal_flow.cpp, opinion_report_flow.cpp), each
// row an action, the states it is allowed from, the parties who may take it, the state it
// leads to and the guards the module checks. Nothing else in the module decides whether a
// transition is legal; an illegal one is answered with the actions that are allowed (409).
// States and actions are the names the API uses, so the tables read like the diagrams in
// workflows.md; tests/spec/workflows/<kind>.tsv states the rows independently.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/workflow/workflow.hpp"

namespace tongxin::outputs {

enum class Kind { micro_suggestion, proposal, opinion_report };

std::string_view kind_name(Kind k);
std::optional<Kind> parse_kind(std::string_view name);
std::string_view kind_label_zh(Kind k);

// Who takes an action, relative to the item (the caller works out which apply).
enum class Party {
  author,    // the first author (领衔人), or any author of a studio's or sector's item
  coauthor,  // a co-signer (联名/附议)
  staff,     // conference staff in scope (提案委、信息科 …)
  agency,    // a handler of an agency the item is assigned to
  leader,    // a leader of the conference in scope (主席会议成员)
  system     // deadlines and automatic follow-ups
};
std::string_view party_name(Party p);

// The parties in Party's order, with Chinese labels; every kind's definition lists them.
const std::vector<workflow::Label>& party_labels();

// `to` of an action that records something without changing the state (confirm, extend,
// flag, record an outcome, supervise).
using workflow::kSame;

// A kind's workflow is a core definition; its name is the kind's name.
using Workflow = workflow::Definition;

const Workflow& workflow(Kind k);

// A row of a kind's table as the module sees it: the parties typed.
struct Transition {
  std::string_view action;
  std::vector<std::string_view> from;
  std::vector<Party> by;
  std::string_view to;  // a state, or kSame
};

bool is_state(const Workflow& w, std::string_view state);
bool is_action(const Workflow& w, std::string_view action);
std::string_view state_label_zh(const Workflow& w, std::string_view state);
std::string_view action_label_zh(const Workflow& w, std::string_view action);
bool is_open(const Workflow& w, std::string_view state);

// The transition for `action` from `from` by any of `parties`; nullopt when not allowed.
std::optional<Transition> find_transition(const Workflow& w, std::string_view from,
                                          std::string_view action,
                                          const std::vector<Party>& parties);
// Actions any of `parties` may take from `from`, in table order (for 409 and the UI).
std::vector<std::string_view> allowed_actions(const Workflow& w, std::string_view from,
                                              const std::vector<Party>& parties);

}  // namespace tongxin::outputs
