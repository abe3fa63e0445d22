// src/meetings/attendance_workflow.cpp
#include "meetings/attendance_workflow.hpp"

namespace tongxin::meetings {

const workflow::Definition& attendance_workflow() {
  static const workflow::Definition d = [] {
    const std::vector<std::string_view> any{"expected", "registered", "present", "excused",
                                            "absent"};
    workflow::Definition w{
        .name = "meeting_roll",
        .states = {{"expected", "应到"},
                   {"registered", "已签到"},
                   {"present", "到会未签到"},
                   {"excused", "请假"},
                   {"absent", "缺席"}},
        .actions = {{"sign_in", "签到"},
                    {"ask_leave", "请假"},
                    {"mark_registered", "登记已签到"},
                    {"mark_present", "登记到会未签到"},
                    {"mark_excused", "登记请假"},
                    {"mark_absent", "登记缺席"},
                    {"close_roll", "关闭名册"}},
        .parties = {{"member", "委员本人"}, {"staff", "工作人员"}},
        .transitions =
            {// An excused member who comes after all may still sign in.
             {"sign_in",
              {"expected", "excused"},
              {"member"},
              "registered",
              {"roll_open", "meeting_day", "in_window"}},
             {"ask_leave",
              {"expected"},
              {"member"},
              "excused",
              {"roll_open", "not_begun", "reason"}},
             // Staff correct any line, also after the roll is closed; only leave before the day.
             {"mark_registered", any, {"staff"}, "registered", {"held"}},
             {"mark_present", any, {"staff"}, "present", {"held"}},
             {"mark_excused", any, {"staff"}, "excused"},
             {"mark_absent", any, {"staff"}, "absent", {"held"}},
             {"close_roll", {"expected"}, {"staff"}, "absent", {"roll_open", "held"}}},
        .open_states = {"expected"}};
    workflow::validate(w);
    return w;
  }();
  return d;
}

}  // namespace tongxin::meetings
