// src/cases/workflow.cpp
#include "cases/workflow.hpp"

#include <algorithm>
#include <array>

namespace tongxin::cases {

namespace {

struct StatusInfo {
  Status status;
  std::string_view name, zh;
};
constexpr std::array<StatusInfo, 10> kStatuses{{
    {Status::submitted, "submitted", "待分派"},
    {Status::assigned, "assigned", "待接单"},
    {Status::in_progress, "in_progress", "办理中"},
    {Status::replied, "replied", "已答复"},
    {Status::converted, "converted", "已转化"},
    {Status::referred, "referred", "已转交"},
    {Status::declined, "declined", "不予受理"},
    {Status::merged, "merged", "已合并"},
    {Status::rated, "rated", "已评价"},
    {Status::closed, "closed", "已办结"},
}};

struct ActionInfo {
  Action action;
  std::string_view name, zh;
};
constexpr std::array<ActionInfo, 10> kActions{{
    {Action::assign, "assign", "分派"},
    {Action::claim, "claim", "接单"},
    {Action::reply, "reply", "答复"},
    {Action::convert, "convert", "转化"},
    {Action::refer, "refer", "转交"},
    {Action::decline, "decline", "退回/不予受理"},
    {Action::merge, "merge", "合并"},
    {Action::rate, "rate", "评价"},
    {Action::reopen, "reopen", "重新办理"},
    {Action::close, "close", "办结"},
}};

using S = Status;
using A = Action;
using P = Party;

}  // namespace

const std::vector<Transition>& transitions() {
  // Order matters only for the order of allowed actions shown to users.
  static const std::vector<Transition> table{
      // The system assigns when the citizen chose the member (双向选择).
      {A::assign,
       {S::submitted, S::assigned, S::in_progress},
       {P::lead, P::staff, P::system},
       S::assigned},
      {A::claim, {S::assigned}, {P::handler}, S::in_progress},
      {A::reply, {S::in_progress}, {P::handler}, S::replied},
      {A::convert, {S::in_progress}, {P::handler, P::lead, P::staff}, S::converted},
      {A::refer, {S::in_progress}, {P::handler, P::lead, P::staff}, S::referred},
      // A member hands a case back (to routing); lead or staff decline it as out of scope.
      // Both are "decline"; the handler's lands in submitted, the others' in declined — the
      // apply step picks the target from the party (see actions.cpp).
      {A::decline, {S::assigned, S::in_progress}, {P::handler}, S::submitted},
      {A::decline, {S::submitted, S::assigned, S::in_progress}, {P::lead, P::staff}, S::declined},
      {A::merge, {S::submitted, S::assigned, S::in_progress}, {P::lead, P::staff}, S::merged},
      {A::rate, {S::replied, S::converted, S::referred}, {P::citizen}, S::rated},
      {A::close, {S::rated}, {P::system}, S::closed},
      {A::reopen, {S::rated}, {P::system}, S::in_progress},
      {A::close,
       {S::replied, S::converted, S::referred, S::declined},
       {P::staff, P::system},
       S::closed},
      {A::reopen, {S::closed}, {P::staff}, S::in_progress},
  };
  return table;
}

std::optional<Transition> find_transition(Status from, Action action,
                                          const std::vector<Party>& parties) {
  for (const auto& t : transitions()) {
    if (t.action != action) continue;
    if (std::find(t.from.begin(), t.from.end(), from) == t.from.end()) continue;
    for (const auto p : parties) {
      if (std::find(t.by.begin(), t.by.end(), p) != t.by.end()) return t;
    }
  }
  return std::nullopt;
}

std::vector<Action> allowed_actions(Status from, const std::vector<Party>& parties) {
  std::vector<Action> out;
  for (const auto& t : transitions()) {
    if (std::find(out.begin(), out.end(), t.action) != out.end()) continue;
    if (find_transition(from, t.action, parties)) out.push_back(t.action);
  }
  return out;
}

std::string_view status_name(Status s) {
  for (const auto& i : kStatuses) {
    if (i.status == s) return i.name;
  }
  return "submitted";
}

std::optional<Status> parse_status(std::string_view name) {
  for (const auto& i : kStatuses) {
    if (i.name == name) return i.status;
  }
  return std::nullopt;
}

std::string_view status_label_zh(Status s) {
  for (const auto& i : kStatuses) {
    if (i.status == s) return i.zh;
  }
  return "";
}

std::string_view action_name(Action a) {
  for (const auto& i : kActions) {
    if (i.action == a) return i.name;
  }
  return "";
}

std::optional<Action> parse_action(std::string_view name) {
  for (const auto& i : kActions) {
    if (i.name == name) return i.action;
  }
  return std::nullopt;
}

std::string_view action_label_zh(Action a) {
  for (const auto& i : kActions) {
    if (i.action == a) return i.zh;
  }
  return "";
}

bool is_open(Status s) {
  return s == S::submitted || s == S::assigned || s == S::in_progress;
}

bool awaits_rating(Status s) {
  return s == S::replied || s == S::converted || s == S::referred;
}

std::string_view outcome_label_zh(std::string_view outcome) {
  if (outcome == "solved") return "已解决";
  if (outcome == "partly_solved") return "部分解决";
  if (outcome == "explained") return "已解释说明";
  if (outcome == "referred") return "已转交有关部门";
  if (outcome == "declined") return "不予受理";
  if (outcome == "converted") return "已转为提案/建议";
  return "";
}

}  // namespace tongxin::cases
