// src/core/workflow/workflow.hpp
//
// The one workflow engine: a state machine given as data. A Definition lists its states,
// actions and parties (each with a Chinese label) and its transitions, each row an action,
// the states it is allowed from, the parties who may take it, the state it leads to and
// the guards that must hold. Nothing else decides whether a transition is legal; modules
// (cases, outputs, duty reports, meeting rolls) own their definitions, evaluate their own
// guards and answer an illegal action with allowed() (409). Names are the API's names, so a
// definition reads like workflows.md, and spec_rows() prints it as the plain rows that
// tests/spec/workflows/<name>.tsv states independently.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tongxin::workflow {

// `to` of an action that records something without changing the state.
inline constexpr std::string_view kSame = "=";

struct Label {
  std::string_view name, zh;
};

struct Transition {
  std::string_view action;
  std::vector<std::string_view> from;
  std::vector<std::string_view> by;  // parties
  std::string_view to;               // a state, or kSame
  // Conditions beyond state and party ("reason", "once", "rating_unsatisfied" …), named
  // here so the table shows them; the owning module says whether each holds.
  std::vector<std::string_view> guards = {};
};

// Whether a named guard holds for the item at hand. An empty function holds every guard.
using GuardCheck = std::function<bool(std::string_view guard)>;

struct Definition {
  std::string_view name;       // "case", "micro_suggestion", "duty_report" …
  std::vector<Label> states;   // the first is the initial state
  std::vector<Label> actions;  // in the order a user meets them
  std::vector<Label> parties;
  std::vector<Transition> transitions;
  std::vector<std::string_view> open_states;  // still being worked on

  bool is_state(std::string_view s) const;
  bool is_action(std::string_view a) const;
  bool is_party(std::string_view p) const;
  bool is_open(std::string_view s) const;
  // The label, or the name itself when unknown.
  std::string_view state_label_zh(std::string_view s) const;
  std::string_view action_label_zh(std::string_view a) const;
  std::string_view initial_state() const { return states.front().name; }

  // The first row (table order) for `action` from `from` that any of `parties` may take
  // and whose guards all hold; nullopt when none.
  std::optional<Transition> find(std::string_view from, std::string_view action,
                                 const std::vector<std::string_view>& parties,
                                 const GuardCheck& guards = {}) const;
  // Distinct actions any of `parties` may take from `from`, in table order (409, UI).
  std::vector<std::string_view> allowed(std::string_view from,
                                        const std::vector<std::string_view>& parties,
                                        const GuardCheck& guards = {}) const;
  // The state a transition leads to from `from` (kSame stays).
  static std::string_view target(const Transition& t, std::string_view from) {
    return t.to == kSame ? from : t.to;
  }
};

// Throws std::logic_error naming the row when a transition names an unknown state, action
// or party, when a name is listed twice, when the definition has no states, or when a row
// can never be reached because an earlier row without guards takes the same (state,
// action, party). Modules call it in their tests.
void validate(const Definition& d);

// The position of `name` in `labels`. A module whose enum lists its values in the order of
// the definition's states (actions, parties) maps between the two with it and name_of().
std::optional<std::size_t> index_of(const std::vector<Label>& labels, std::string_view name);

template <typename E>
std::string_view name_of(const std::vector<Label>& labels, E value) {
  return labels.at(static_cast<std::size_t>(value)).name;
}

template <typename E>
std::optional<E> parse_as(const std::vector<Label>& labels, std::string_view name) {
  const auto i = index_of(labels, name);
  if (!i) return std::nullopt;
  return static_cast<E>(*i);
}

// Every allowed combination as "from\taction\tparty\tto[\tguard,guard]" (to is the
// resulting state; kSame written as "="), sorted — the form of tests/spec/workflows/*.tsv.
std::vector<std::string> spec_rows(const Definition& d);

// The rows of a spec file: lines that are neither empty nor start with '#', tabs kept
// (trailing ones dropped, so an empty guards column is no column), sorted. The first
// non-comment line is the header "from\taction\tparty\tto[\tguards]" and is skipped.
// Throws std::runtime_error when the file cannot be read.
std::vector<std::string> read_spec_file(const std::string& path);

// One row of a spec file in its columns (guards "" when the column is absent).
struct SpecRow {
  std::string from, action, party, to, guards;
};
SpecRow parse_spec_row(std::string_view row);

// tests/spec/workflows/<flow>.tsv under $TONGXIN_SOURCE_DIR (ctest sets it; "." otherwise).
std::string spec_file(std::string_view flow);

// "" when both lists hold the same rows; otherwise one line per difference, "- row" for a
// row only the spec has and "+ row" for one only the table has (tabs shown as " | ").
std::string diff_rows(const std::vector<std::string>& spec, const std::vector<std::string>& table);

}  // namespace tongxin::workflow
