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
  static const Workflow w{
      .name = "opinion_report",
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
      .parties = party_labels(),
      .transitions =
          {
              {"edit", {"draft"}, {"author"}, kSame},
              {"submit", {"draft"}, {"author"}, "submitted"},
              {"adopt", {"submitted"}, {"staff"}, "adopted"},
              {"return", {"submitted"}, {"staff"}, "draft", {"reason"}},
              {"merge", {"submitted"}, {"staff"}, "merged"},
              {"keep", {"submitted"}, {"staff"}, "kept"},
              {"reject", {"submitted"}, {"staff"}, "not_adopted", {"reason"}},
              {"approve", {"adopted"}, {"staff", "leader"}, "approved"},
              {"issue", {"approved"}, {"staff"}, "issued"},
              {"send", {"issued"}, {"staff"}, "sent"},
              {"record_outcome", {"sent", "transferred", "handled"}, {"staff"}, kSame},
              {"transfer", {"sent"}, {"staff"}, "transferred"},
              {"reply", {"transferred"}, {"agency"}, "handled"},
          },
      .open_states = {"submitted", "adopted", "approved", "issued", "transferred"},
  };
  return w;
}

}  // namespace tongxin::outputs
