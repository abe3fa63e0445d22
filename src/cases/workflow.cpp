// src/cases/workflow.cpp
//
// The case table (workflows.md §1, decision 012) and the typed adapters over the core
// engine: every question about what is allowed goes to case_workflow().
#include "cases/workflow.hpp"

namespace tongxin::cases {

namespace {

using workflow::name_of;
using workflow::parse_as;

std::vector<std::string_view> names(const std::vector<Party>& parties) {
  std::vector<std::string_view> out;
  out.reserve(parties.size());
  for (const auto p : parties)
    out.push_back(name_of(case_workflow().parties, p));
  return out;
}

Status status_of(std::string_view name) {
  return parse_as<Status>(case_workflow().states, name).value();
}

Transition typed(const workflow::Transition& t, Status from) {
  const auto& d = case_workflow();
  Transition out{parse_as<Action>(d.actions, t.action).value(),
                 {},
                 {},
                 status_of(workflow::Definition::target(t, status_name(from)))};
  for (const auto s : t.from)
    out.from.push_back(status_of(s));
  for (const auto p : t.by)
    out.by.push_back(parse_as<Party>(d.parties, p).value());
  return out;
}

}  // namespace

const workflow::Definition& case_workflow() {
  // Row order is the order of allowed actions shown to users.
  static const workflow::Definition d{
      .name = "case",
      .states = {{"submitted", "待分派"},
                 {"assigned", "待接单"},
                 {"in_progress", "办理中"},
                 {"replied", "已答复"},
                 {"converted", "已转化"},
                 {"referred", "已转交"},
                 {"declined", "不予受理"},
                 {"merged", "已合并"},
                 {"rated", "已评价"},
                 {"closed", "已办结"}},
      .actions = {{"assign", "分派"},
                  {"claim", "接单"},
                  {"reply", "答复"},
                  {"convert", "转化"},
                  {"refer", "转交"},
                  {"decline", "退回/不予受理"},
                  {"merge", "合并"},
                  {"rate", "评价"},
                  {"reopen", "重新办理"},
                  {"close", "办结"}},
      .parties = {{"handler", "承办委员"},
                  {"lead", "工作室负责人"},
                  {"staff", "政协工作人员"},
                  {"citizen", "群众"},
                  {"system", "系统"}},
      .transitions =
          {
              // The system assigns when the citizen chose the member (双向选择).
              {"assign",
               {"submitted", "assigned", "in_progress"},
               {"lead", "staff", "system"},
               "assigned"},
              {"claim", {"assigned"}, {"handler"}, "in_progress"},
              {"reply", {"in_progress"}, {"handler"}, "replied"},
              {"convert", {"in_progress"}, {"handler", "lead", "staff"}, "converted"},
              {"refer", {"in_progress"}, {"handler", "lead", "staff"}, "referred"},
              // A member hands a case back (to routing); lead or staff decline it as out of
              // scope. Both are "decline"; the row that matches the party gives the target.
              {"decline", {"assigned", "in_progress"}, {"handler"}, "submitted", {"reason"}},
              {"decline",
               {"submitted", "assigned", "in_progress"},
               {"lead", "staff"},
               "declined",
               {"reason"}},
              {"merge", {"submitted", "assigned", "in_progress"}, {"lead", "staff"}, "merged"},
              {"rate", {"replied", "converted", "referred"}, {"citizen"}, "rated"},
              // A rating settles the case at once: closed, or reopened the first time the
              // citizen is not satisfied (actions.cpp takes the one that applies).
              {"close", {"rated"}, {"system"}, "closed"},
              {"reopen", {"rated"}, {"system"}, "in_progress", {"unsatisfied", "once"}},
              {"close", {"replied", "converted", "referred", "declined"}, {"staff"}, "closed"},
              {"close",
               {"replied", "converted", "referred", "declined"},
               {"system"},
               "closed",
               {"rating_overdue"}},
              {"reopen", {"closed"}, {"staff"}, "in_progress", {"once"}},
          },
      .open_states = {"submitted", "assigned", "in_progress"},
  };
  return d;
}

std::optional<Transition> find_transition(Status from, Action action,
                                          const std::vector<Party>& parties) {
  const auto t = case_workflow().find(status_name(from), action_name(action), names(parties));
  if (!t) return std::nullopt;
  return typed(*t, from);
}

std::vector<Action> allowed_actions(Status from, const std::vector<Party>& parties) {
  std::vector<Action> out;
  for (const auto a : case_workflow().allowed(status_name(from), names(parties))) {
    out.push_back(parse_as<Action>(case_workflow().actions, a).value());
  }
  return out;
}

std::string_view status_name(Status s) {
  return name_of(case_workflow().states, s);
}

std::optional<Status> parse_status(std::string_view name) {
  return parse_as<Status>(case_workflow().states, name);
}

std::string_view status_label_zh(Status s) {
  return case_workflow().state_label_zh(status_name(s));
}

std::string_view action_name(Action a) {
  return name_of(case_workflow().actions, a);
}

std::optional<Action> parse_action(std::string_view name) {
  return parse_as<Action>(case_workflow().actions, name);
}

std::string_view action_label_zh(Action a) {
  return case_workflow().action_label_zh(action_name(a));
}

std::optional<Party> parse_party(std::string_view name) {
  return parse_as<Party>(case_workflow().parties, name);
}

bool is_open(Status s) {
  return case_workflow().is_open(status_name(s));
}

bool awaits_rating(Status s) {
  return case_workflow().find(status_name(s), "rate", {"citizen"}).has_value();
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
