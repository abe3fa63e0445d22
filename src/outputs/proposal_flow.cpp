// src/outputs/proposal_flow.cpp
//
// workflows.md §3, proposal (提案):
//
//   draft ─submit▶ submitted ─register▶ registered (立案: numbered, categorised)
//     (joint: every co-signer confirms before submit)
//   submitted ─merge▶ merged | ─convert▶ converted | ─reject (statutory reason)▶ not_registered
//             ─return▶ draft
//   registered ─assign (lead + assisting agencies)▶ assigned ─sign▶ signed
//   assigned ─ask_back▶ return_review ─assign▶ assigned
//   signed ─consult (办前面商)▶ handling ─reply (class A/B/C)▶ replied ─review▶ reviewed
//   reviewed ─rate▶ rated ─(不满意)▶ handling (re-handle)   rated ─▶ closed ─publish▶ published
//   reviewed ─close▶ closed when the proposers do not rate in time
//   flag: key (重点督办), excellent (优秀) — any time after registration
#include "outputs/workflow.hpp"

namespace tongxin::outputs {

const Workflow& proposal_flow() {
  static const Workflow w{
      .name = "proposal",
      .states = {{"draft", "草稿"},
                 {"submitted", "待审查"},
                 {"registered", "已立案"},
                 {"assigned", "已交办"},
                 {"return_review", "退回待审"},
                 {"signed", "已签收"},
                 {"handling", "办理中"},
                 {"replied", "已答复"},
                 {"reviewed", "已审核答复"},
                 {"rated", "已评价"},
                 {"closed", "已办结"},
                 {"published", "已公开"},
                 {"merged", "已并案"},
                 {"converted", "已转化"},
                 {"not_registered", "不予立案"}},
      .actions = {{"edit", "修改"},
                  {"confirm", "确认联名"},
                  {"submit", "提交"},
                  {"register", "立案"},
                  {"return", "退回修改"},
                  {"merge", "并案"},
                  {"convert", "转为社情民意"},
                  {"reject", "不予立案"},
                  {"assign", "交办"},
                  {"sign", "签收"},
                  {"ask_back", "申请退回"},
                  {"consult", "办前面商"},
                  {"supervise", "督办"},
                  {"reply", "答复"},
                  {"review", "审核答复"},
                  {"rate", "评价"},
                  {"rehandle", "重新办理"},
                  {"close", "办结"},
                  {"publish", "公开"},
                  {"flag", "标记"}},
      .parties = party_labels(),
      .transitions =
          {
              {"edit", {"draft"}, {"author"}, kSame},
              {"confirm", {"draft"}, {"coauthor"}, kSame},
              {"submit", {"draft"}, {"author"}, "submitted", {"cosigners_confirmed"}},
              {"register", {"submitted"}, {"staff"}, "registered"},
              {"return", {"submitted"}, {"staff"}, "draft", {"reason"}},
              {"merge", {"submitted"}, {"staff"}, "merged"},
              {"convert", {"submitted"}, {"staff"}, "converted"},
              {"reject", {"submitted"}, {"staff"}, "not_registered", {"ground", "reason"}},
              {"assign", {"registered", "return_review"}, {"staff"}, "assigned"},
              {"sign", {"assigned"}, {"agency"}, "signed"},
              {"ask_back",
               {"assigned"},
               {"agency"},
               "return_review",
               {"reason", "within_ask_back_days"}},
              {"consult", {"signed"}, {"agency"}, "handling"},
              {"supervise", {"assigned", "signed", "handling"}, {"staff", "leader"}, kSame},
              {"supervise", {"assigned", "signed", "handling"}, {"system"}, kSame, {"overdue"}},
              {"reply", {"handling"}, {"agency"}, "replied"},
              {"review", {"replied"}, {"staff"}, "reviewed"},
              {"rate", {"reviewed"}, {"author", "coauthor"}, "rated"},
              {"rehandle", {"rated"}, {"system"}, "handling", {"unsatisfied", "once"}},
              {"close", {"rated"}, {"system"}, "closed"},
              {"close", {"reviewed"}, {"staff"}, "closed"},
              {"close", {"reviewed"}, {"system"}, "closed", {"rating_overdue"}},
              {"publish", {"closed"}, {"staff"}, "published"},
              {"flag",
               {"registered", "assigned", "return_review", "signed", "handling", "replied",
                "reviewed", "rated", "closed", "published"},
               {"staff"},
               kSame},
          },
      .open_states = {"submitted", "registered", "assigned", "return_review", "signed", "handling",
                      "replied", "reviewed"},
  };
  return w;
}

}  // namespace tongxin::outputs
