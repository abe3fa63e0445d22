// src/cases/workflow.hpp
//
// The case state machine of workflows.md §1, as data: one core workflow::Definition
// (case_workflow()) whose rows say from which states an action is allowed, who may take it,
// the state it leads to and the guards the module checks. Nothing else in the module
// decides whether a transition is legal; illegal ones are answered with the actions that
// are allowed (409). The enums below are the typed face of the definition's names, listed
// in the same order; tests/spec/workflows/case.tsv states the rows independently.
//
//   submitted ─assign▶ assigned ─claim▶ in_progress ─reply▶ replied
//   assigned/in_progress ─assign▶ assigned (reassign)
//   assigned/in_progress ─decline(member)▶ submitted (back to routing; reason required)
//   submitted/assigned/in_progress ─decline(out of scope)▶ declined (reason required)
//   in_progress ─convert▶ converted   in_progress ─refer▶ referred
//   submitted/assigned/in_progress ─merge▶ merged
//   replied/converted/referred ─rate▶ rated ─▶ closed, or ─▶ in_progress once when 不满意
//   replied/converted/referred/declined ─close▶ closed (staff, or 7 days without a rating)
//   closed ─reopen▶ in_progress (staff, once, after an unsatisfied rating or a complaint)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/workflow/workflow.hpp"

namespace tongxin::cases {

// The one table; states, actions and parties in the order of the enums below.
const workflow::Definition& case_workflow();

// In the order of case_workflow().states.
enum class Status {
  submitted,
  assigned,
  in_progress,
  replied,
  converted,
  referred,
  declined,
  merged,
  rated,
  closed
};

// In the order of case_workflow().actions.
enum class Action { assign, claim, reply, convert, refer, decline, merge, rate, reopen, close };

// Who takes an action, relative to the case (the caller works out which apply); in the
// order of case_workflow().parties.
enum class Party {
  handler,  // the member the case is assigned to
  lead,     // a studio lead of the case's studio
  staff,    // conference staff in scope
  citizen,  // the constituent, through the tracking code
  system    // deadlines and automatic follow-ups
};

std::string_view status_name(Status s);
std::optional<Status> parse_status(std::string_view name);
std::string_view status_label_zh(Status s);
std::string_view action_name(Action a);
std::optional<Action> parse_action(std::string_view name);
std::string_view action_label_zh(Action a);
std::optional<Party> parse_party(std::string_view name);

struct Transition {
  Action action;
  std::vector<Status> from;
  std::vector<Party> by;
  Status to;
};

// The transition for `action` from `from` by any of `parties`; nullopt when not allowed.
std::optional<Transition> find_transition(Status from, Action action,
                                          const std::vector<Party>& parties);
// Actions any of `parties` may take from `from`, in table order (for 409 and the UI).
std::vector<Action> allowed_actions(Status from, const std::vector<Party>& parties);

// States in which the case is still being worked on (counts as load, shows as open).
bool is_open(Status s);
// States that wait for the citizen's rating (those the citizen may rate from).
bool awaits_rating(Status s);

// The explicit outcome of a case, separate from its state (FixMyStreet #285): what the
// citizen got.
inline constexpr std::string_view kOutcomes[] = {"solved",   "partly_solved", "explained",
                                                 "referred", "declined",      "converted"};
std::string_view outcome_label_zh(std::string_view outcome);

}  // namespace tongxin::cases
