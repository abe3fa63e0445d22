// src/outputs/opinion_report_flow.cpp
//
// workflows.md §4, opinion report (社情民意信息):
//
//   draft ─submit▶ submitted ─adopt▶ adopted | ─merge▶ merged | ─keep▶ kept | ─reject▶ not_adopted
//   submitted ─return▶ draft
//   adopted ─approve▶ approved ─issue (numbered issue of the bulletin)▶ issued ─send▶ sent
//   sent: record_outcome, many each — adopted by a level above, a leader's instruction (批示)
//         at a level, an agency's adoption
//   sent ─transfer (to an agency)▶ transferred ─reply▶ handled
#include "outputs/workflow.hpp"

namespace tongxin::outputs {

const Workflow& opinion_report_flow() {
  using P = Party;
  static const Workflow w{
      .kind = Kind::opinion_report,
      .states = {{"draft", "草稿"},
                 {"submitted", "待编审"},
                 {"adopted", "已采用"},
                 {"approved", "已审签"},
                 {"issued", "已编发"},
                 {"sent", "已报送"},
                 {"transferred", "已转办"},
                 {"handled", "已办理"},
                 {"merged", "已合并"},
                 {"kept", "留存备查"},
                 {"not_adopted", "未采用"}},
      .actions = {{"edit", "修改"},
                  {"submit", "提交"},
                  {"adopt", "采用"},
                  {"return", "退回修改"},
                  {"merge", "合并编发"},
                  {"keep", "留存备查"},
                  {"reject", "不采用"},
                  {"approve", "审签"},
                  {"issue", "编发"},
                  {"send", "报送"},
                  {"record_outcome", "登记采用/批示"},
                  {"transfer", "转办"},
                  {"reply", "答复"}},
      .transitions =
          {
              {"edit", {"draft"}, {P::author}, kSame},
              {"submit", {"draft"}, {P::author}, "submitted"},
              {"adopt", {"submitted"}, {P::staff}, "adopted"},
              {"return", {"submitted"}, {P::staff}, "draft"},
              {"merge", {"submitted"}, {P::staff}, "merged"},
              {"keep", {"submitted"}, {P::staff}, "kept"},
              {"reject", {"submitted"}, {P::staff}, "not_adopted"},
              {"approve", {"adopted"}, {P::staff, P::leader}, "approved"},
              {"issue", {"approved"}, {P::staff}, "issued"},
              {"send", {"issued"}, {P::staff}, "sent"},
              {"record_outcome", {"sent", "transferred", "handled"}, {P::staff}, kSame},
              {"transfer", {"sent"}, {P::staff}, "transferred"},
              {"reply", {"transferred"}, {P::agency}, "handled"},
          },
      .open_states = {"submitted", "adopted", "approved", "issued", "transferred"},
  };
  return w;
}

}  // namespace tongxin::outputs
