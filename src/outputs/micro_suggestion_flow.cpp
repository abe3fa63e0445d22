// src/outputs/micro_suggestion_flow.cpp
//
// workflows.md §2, micro-suggestion (微建议):
//
//   draft ─submit▶ submitted ─accept▶ accepted ─dispatch▶ dispatched ─sign▶ signed ─reply▶ replied
//   submitted ─return (reason)▶ draft | ─convert▶ converted | ─reject (reason)▶ not_accepted
//   dispatched ─ask_back (reason)▶ return_review ─dispatch▶ dispatched (same or another agency)
//   replied ─verify▶ verified ─rate▶ rated ─(不满意, once)▶ signed (redo)   rated ─▶ closed
//   verified ─close▶ closed when the author does not rate in time
//   signed ─extend▶ (one extension of up to 10 working days, approved by staff)
//   dispatched/signed ─supervise▶ (督办: a recorded reminder to the agency)
#include "outputs/workflow.hpp"

namespace tongxin::outputs {

const Workflow& micro_suggestion_flow() {
  static const Workflow w{
      .name = "micro_suggestion",
      .states = {{"draft", "草稿"},
                 {"submitted", "待审核"},
                 {"accepted", "已采纳"},
                 {"dispatched", "已交办"},
                 {"return_review", "退回待审"},
                 {"signed", "办理中"},
                 {"replied", "已答复"},
                 {"verified", "已审核答复"},
                 {"rated", "已评价"},
                 {"closed", "已办结"},
                 {"converted", "已转化"},
                 {"not_accepted", "不予采纳"}},
      .actions = {{"edit", "修改"},
                  {"submit", "提交"},
                  {"accept", "审核采纳"},
                  {"return", "退回修改"},
                  {"reject", "不予采纳"},
                  {"convert", "转化"},
                  {"dispatch", "交办"},
                  {"sign", "签收"},
                  {"ask_back", "申请退回"},
                  {"extend", "批准延期"},
                  {"supervise", "督办"},
                  {"reply", "答复"},
                  {"verify", "审核答复"},
                  {"rate", "评价"},
                  {"redo", "重新办理"},
                  {"close", "办结"}},
      .parties = party_labels(),
      .transitions =
          {
              {"edit", {"draft"}, {"author"}, kSame},
              {"submit", {"draft"}, {"author"}, "submitted"},
              {"accept", {"submitted"}, {"staff"}, "accepted"},
              {"return", {"submitted"}, {"staff"}, "draft", {"reason"}},
              {"reject", {"submitted"}, {"staff"}, "not_accepted", {"reason"}},
              {"convert", {"submitted"}, {"staff"}, "converted"},
              {"dispatch", {"accepted", "return_review"}, {"staff"}, "dispatched"},
              {"sign", {"dispatched"}, {"agency"}, "signed"},
              {"ask_back", {"dispatched"}, {"agency"}, "return_review", {"reason"}},
              {"extend", {"signed"}, {"staff"}, kSame, {"reason", "once"}},
              {"supervise", {"dispatched", "signed"}, {"staff", "leader"}, kSame},
              {"supervise", {"dispatched", "signed"}, {"system"}, kSame, {"overdue"}},
              {"reply", {"signed"}, {"agency"}, "replied"},
              {"verify", {"replied"}, {"staff"}, "verified"},
              {"rate", {"verified"}, {"author"}, "rated"},
              {"redo", {"rated"}, {"system"}, "signed", {"unsatisfied", "once"}},
              {"close", {"rated"}, {"system"}, "closed"},
              {"close", {"verified"}, {"staff"}, "closed"},
              {"close", {"verified"}, {"system"}, "closed", {"rating_overdue"}},
          },
      .open_states = {"submitted", "accepted", "dispatched", "return_review", "signed", "replied",
                      "verified"},
  };
  return w;
}

}  // namespace tongxin::outputs
