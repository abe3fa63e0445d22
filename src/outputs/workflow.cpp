// src/outputs/workflow.cpp
//
// The typed adapters over the core engine; the tables are in one file per kind
// (micro_suggestion_flow, proposal_flow, opinion_report_flow).
#include "outputs/workflow.hpp"

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

std::vector<std::string_view> names(const std::vector<Party>& parties) {
  std::vector<std::string_view> out;
  out.reserve(parties.size());
  for (const auto p : parties)
    out.push_back(party_name(p));
  return out;
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

const std::vector<workflow::Label>& party_labels() {
  static const std::vector<workflow::Label> parties{
      {"author", "领衔人"},   {"coauthor", "联名委员"}, {"staff", "政协工作人员"},
      {"agency", "承办单位"}, {"leader", "政协领导"},   {"system", "系统"},
  };
  return parties;
}

std::string_view party_name(Party p) {
  return workflow::name_of(party_labels(), p);
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
  return w.is_state(state);
}

bool is_action(const Workflow& w, std::string_view action) {
  return w.is_action(action);
}

std::string_view state_label_zh(const Workflow& w, std::string_view state) {
  return w.state_label_zh(state);
}

std::string_view action_label_zh(const Workflow& w, std::string_view action) {
  return w.action_label_zh(action);
}

bool is_open(const Workflow& w, std::string_view state) {
  return w.is_open(state);
}

std::optional<Transition> find_transition(const Workflow& w, std::string_view from,
                                          std::string_view action,
                                          const std::vector<Party>& parties) {
  const auto t = w.find(from, action, names(parties));
  if (!t) return std::nullopt;
  Transition out{t->action, t->from, {}, t->to};
  for (const auto p : t->by) {
    out.by.push_back(workflow::parse_as<Party>(party_labels(), p).value());
  }
  return out;
}

std::vector<std::string_view> allowed_actions(const Workflow& w, std::string_view from,
                                              const std::vector<Party>& parties) {
  return w.allowed(from, names(parties));
}

}  // namespace tongxin::outputs
