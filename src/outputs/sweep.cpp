// src/outputs/sweep.cpp
//
// Deadlines of outputs (workflows.md, common to all): 临期预警 to whoever must act one
// working day before a step is due, 超期督办 once it is overdue — recorded on the item's
// timeline where its workflow has a supervise step — and closing what waited for a rating
// past the rating window. Each item is reminded and supervised once per step (set_due
// clears the marks when the next step starts), so running the sweep twice changes nothing.
#include "core/notify/notify.hpp"
#include "outputs/internal.hpp"
#include "outputs/outputs.hpp"

namespace tongxin::outputs {

namespace json = boost::json;

namespace {

std::string step_label(const std::string& step) {
  if (step == "review") return "审核";
  if (step == "sign") return "签收";
  if (step == "reply") return "答复";
  if (step == "verify") return "审核答复";
  if (step == "rate") return "评价";
  return step;
}

// Who must act on the step: the lead agency, the authors, or the conference's staff.
std::vector<std::int64_t> actors_of_step(storage::Connection& c, const OutputRow& o) {
  std::vector<std::int64_t> out;
  const auto step = o.due_step.value_or("");
  if (step == "sign" || step == "reply") {
    for (const auto& a : agencies_of(c, o.id)) {
      if (a.role == "lead") out = notify::users_of_agency(c, a.agency_id);
    }
  } else if (step == "rate") {
    for (const auto& a : authors_of(c, o.id)) {
      for (const auto u : notify::users_of_member(c, a.member_id))
        out.push_back(u);
    }
  } else {
    out = notify::staff_of_conference(c, o.conference_id);
  }
  return out;
}

}  // namespace

SweepReport sweep(storage::Connection& c, const ServiceContext& ctx, std::int64_t now_ms) {
  SweepReport report;
  const auto& cal = *ctx.calendar;
  const auto remind_before = ctx.config.outputs.remind_before_working_days;
  // Anything due within the reminder window is due before this moment.
  const auto horizon = cal.deadline_ms(now_ms, remind_before);
  const audit::Actor system{std::nullopt, "", "sweep"};
  for (const auto& r : c.q("SELECT id FROM outputs WHERE due_at IS NOT NULL AND due_at <= $1 AND"
                           " (reminded_at IS NULL OR supervised_at IS NULL OR due_step = 'rate')"
                           " ORDER BY due_at, id",
                           horizon)) {
    const auto o = find_output(c, r.int64(0));
    if (!o || !o->due_at) continue;
    const auto& w = workflow(o->kind);
    const auto step = o->due_step.value_or("");
    const std::string what = std::string(kind_label_zh(o->kind)) + "“" + o->title + "”";
    if (*o->due_at < now_ms && step == "rate") {
      // Nobody rated in time: the item closes unrated.
      apply_action(c, ctx, system, o->kind, o->id, "close",
                   json::object{{"note", "评价期限已过，未评价办结"}}, now_ms);
      ++report.closed;
      continue;
    }
    if (!o->reminded_at) {
      notify::send_all(c, actors_of_step(c, *o),
                       {"output.reminder", "临期预警：" + what + "待" + step_label(step), "",
                        item_link(*o, false), std::string(kind_name(o->kind)), o->id},
                       now_ms);
      c.x("UPDATE outputs SET reminded_at = $2 WHERE id = $1", o->id, now_ms);
      ++report.reminded;
    }
    if (*o->due_at < now_ms && !o->supervised_at) {
      if (find_transition(w, o->status, "supervise", {Party::system})) {
        apply_action(c, ctx, system, o->kind, o->id, "supervise",
                     json::object{{"note", "超期督办：" + step_label(step) + "已超过期限"}},
                     now_ms);
      } else {
        c.x("UPDATE outputs SET supervised_at = $2 WHERE id = $1", o->id, now_ms);
      }
      notify::send_all(c, notify::staff_of_conference(c, o->conference_id),
                       {"output.overdue", "超期：" + what + "待" + step_label(step), "",
                        item_link(*o, false), std::string(kind_name(o->kind)), o->id},
                       now_ms);
      ++report.supervised;
    }
  }
  return report;
}

}  // namespace tongxin::outputs
