// src/records/duty_report.cpp
#include "records/duty_report.hpp"

#include <boost/json.hpp>

#include "core/error.hpp"
#include "records/duty_report_store.hpp"
#include "records/records.hpp"

namespace tongxin::records {

namespace json = boost::json;

const workflow::Definition& duty_report_workflow() {
  static const workflow::Definition d = [] {
    workflow::Definition w{.name = "duty_report",
                           .states = {{"draft", "草稿"}, {"submitted", "已提交"}},
                           .actions = {{"save", "保存草稿"}, {"submit", "提交"}},
                           .parties = {{"member", "本人"}},
                           .transitions = {{"save", {"draft"}, {"member"}, "draft"},
                                           {"submit", {"draft"}, {"member"}, "submitted"}},
                           .open_states = {"draft"}};
    workflow::validate(w);
    return w;
  }();
  return d;
}

DutyReport duty_report(storage::Connection& c, const ServiceContext& ctx, std::int64_t member_id,
                       int year, std::int64_t now_ms) {
  if (const auto r = store::find_report(c, member_id, year)) {
    return {year, r->text, r->status, false, r->updated_at};
  }
  return {year, draft_report_text(duty_record(c, ctx, member_id, year, now_ms)),
          std::string(duty_report_workflow().initial_state()), true, std::nullopt};
}

DutyReport apply_duty_report_action(storage::Connection& c, const ServiceContext& ctx,
                                    const audit::Actor& actor, std::int64_t member_id, int year,
                                    std::string_view action, const std::string& text,
                                    std::int64_t now_ms) {
  const bool own =
      actor.principal && actor.principal->member_id && *actor.principal->member_id == member_id;
  if (!own) {
    throw Error::forbidden("records.not_yours",
                           action == "submit" ? "只能提交本人的述职报告" : "只能编辑本人的述职报告",
                           "your own report only");
  }
  const auto& w = duty_report_workflow();
  if (!w.is_action(action)) {
    throw Error::invalid_field("action", "操作无效", "unknown action");
  }
  // The report freezes the year's record: bring the ledger in line before reading it.
  if (action == "submit") recompute(c, ctx, member_id, year, now_ms);
  const auto stored = store::find_report(c, member_id, year);
  const std::string state = stored ? stored->status : std::string(w.initial_state());
  const auto t = w.find(state, action, {"member"});
  if (!t) {
    throw Error::conflict("records.submitted",
                          action == "save" ? "述职报告已提交，不能再修改" : "述职报告已提交",
                          "already submitted");
  }
  if (t->to == "submitted") {
    // Submitting a report never saved submits the generated draft.
    store::submit(c, member_id, year,
                  stored ? stored->text : duty_report(c, ctx, member_id, year, now_ms).text,
                  now_ms);
  } else {
    store::save_draft(c, member_id, year, text, now_ms);
  }
  audit::record(
      c, actor,
      {"duty_report." + std::string(action), "member", member_id, json::object{{"year", year}}});
  return duty_report(c, ctx, member_id, year, now_ms);
}

}  // namespace tongxin::records
