// src/outputs/workflow.cpp
//
// The engine over the tables; the tables are in one file per kind (micro_suggestion_flow,
// proposal_flow, opinion_report_flow).
#include "outputs/workflow.hpp"

#include <algorithm>
#include <array>

namespace tongxin::outputs {

const Workflow& micro_suggestion_flow();
const Workflow& proposal_flow();
const Workflow& opinion_report_flow();

namespace {

struct KindInfo {
  Kind kind;
  std::string_view name, zh;
};
constexpr std::array<KindInfo, 3> kKinds{{
    {Kind::micro_suggestion, "micro_suggestion", "微建议"},
    {Kind::proposal, "proposal", "提案"},
    {Kind::opinion_report, "opinion_report", "社情民意信息"},
}};

std::string_view label_of(const std::vector<Label>& labels, std::string_view name) {
  for (const auto& l : labels) {
    if (l.name == name) return l.zh;
  }
  return name;
}

bool contains(const std::vector<Label>& labels, std::string_view name) {
  return std::any_of(labels.begin(), labels.end(), [&](const Label& l) { return l.name == name; });
}

}  // namespace

std::string_view kind_name(Kind k) {
  for (const auto& i : kKinds) {
    if (i.kind == k) return i.name;
  }
  return "";
}

std::optional<Kind> parse_kind(std::string_view name) {
  for (const auto& i : kKinds) {
    if (i.name == name) return i.kind;
  }
  return std::nullopt;
}

std::string_view kind_label_zh(Kind k) {
  for (const auto& i : kKinds) {
    if (i.kind == k) return i.zh;
  }
  return "";
}

std::string_view party_name(Party p) {
  switch (p) {
    case Party::author:
      return "author";
    case Party::coauthor:
      return "coauthor";
    case Party::staff:
      return "staff";
    case Party::agency:
      return "agency";
    case Party::leader:
      return "leader";
    case Party::system:
      return "system";
  }
  return "system";
}

const Workflow& workflow(Kind k) {
  switch (k) {
    case Kind::micro_suggestion:
      return micro_suggestion_flow();
    case Kind::proposal:
      return proposal_flow();
    case Kind::opinion_report:
      return opinion_report_flow();
  }
  return micro_suggestion_flow();
}

bool is_state(const Workflow& w, std::string_view state) {
  return contains(w.states, state);
}

bool is_action(const Workflow& w, std::string_view action) {
  return contains(w.actions, action);
}

std::string_view state_label_zh(const Workflow& w, std::string_view state) {
  return label_of(w.states, state);
}

std::string_view action_label_zh(const Workflow& w, std::string_view action) {
  return label_of(w.actions, action);
}

bool is_open(const Workflow& w, std::string_view state) {
  return std::find(w.open_states.begin(), w.open_states.end(), state) != w.open_states.end();
}

std::optional<Transition> find_transition(const Workflow& w, std::string_view from,
                                          std::string_view action,
                                          const std::vector<Party>& parties) {
  for (const auto& t : w.transitions) {
    if (t.action != action) continue;
    if (std::find(t.from.begin(), t.from.end(), from) == t.from.end()) continue;
    for (const auto p : parties) {
      if (std::find(t.by.begin(), t.by.end(), p) != t.by.end()) return t;
    }
  }
  return std::nullopt;
}

std::vector<std::string_view> allowed_actions(const Workflow& w, std::string_view from,
                                              const std::vector<Party>& parties) {
  std::vector<std::string_view> out;
  for (const auto& t : w.transitions) {
    if (std::find(out.begin(), out.end(), t.action) != out.end()) continue;
    if (find_transition(w, from, t.action, parties)) out.push_back(t.action);
  }
  return out;
}

}  // namespace tongxin::outputs
