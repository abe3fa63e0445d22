// src/meetings/attendance.cpp
//
// Who came: a member signs in on the day or asks for leave before the meeting, staff record
// the rest afterwards, and closing the roll makes every member still expected absent. The
// transitions are in meetings.hpp; the refusals below are the one place that decides them,
// for the actions and for what the member's page offers.
#include <boost/json.hpp>
#include <set>

#include "core/calendar/calendar.hpp"
#include "core/calendar/dates.hpp"
#include "core/json/fields.hpp"
#include "meetings/attendance_workflow.hpp"
#include "meetings/internal.hpp"

namespace tongxin::meetings {

namespace json = boost::json;

namespace {

using detail::status_label;

constexpr std::size_t kReasonMax = 200;

bool has_window(const Meeting& m) {
  return !m.sign_in.from.empty() && !m.sign_in.until.empty();
}

// The meeting has begun: its first day, at the window's opening when it has one.
bool begun(const Meeting& m, std::int64_t now_ms) {
  const auto today = calendar::iso_date(calendar::china_date(now_ms));
  if (today != m.held_on) return today > m.held_on;
  return !has_window(m) ||
         calendar::china_minute(now_ms) >= detail::minutes_of(m.sign_in.from).value_or(0);
}

Error roll_closed() {
  return Error::conflict("meeting.roll_closed", "会议名册已关闭，如需更正请联系工作人员",
                         "the roll is closed");
}

Error recorded(const std::string& status) {
  return Error::conflict(
      "meeting.recorded",
      "工作人员已登记您的出勤情况（" + status_label(status) + "），如有疑问请联系工作人员",
      "staff recorded your attendance");
}

// Why the member may not sign in now, or nullopt.
std::optional<Error> sign_in_refusal(const Meeting& m, const std::string& status,
                                     std::int64_t now_ms) {
  if (m.roll_closed_at) return roll_closed();
  if (!attendance_workflow().find(status, "sign_in", {"member"})) {
    if (status == "registered") {
      return Error::conflict("meeting.already_signed_in", "您已签到", "already signed in");
    }
    return recorded(status);
  }
  const auto today = calendar::iso_date(calendar::china_date(now_ms));
  if (today < m.held_on) {
    return Error::conflict("meeting.not_yet", "会议尚未开始，请在会议当天签到",
                           "sign in on the day of the meeting");
  }
  if (today > m.ends_on) {
    return Error::conflict("meeting.over", "会议已结束，不能再签到", "the meeting is over");
  }
  if (has_window(m)) {
    const auto now = calendar::china_minute(now_ms);
    if (now < detail::minutes_of(m.sign_in.from).value_or(0) ||
        now > detail::minutes_of(m.sign_in.until).value_or(24 * 60)) {
      return Error::conflict("meeting.outside_window",
                             "不在签到时间内（" + m.sign_in.from + "至" + m.sign_in.until + "）",
                             "sign-in is open from " + m.sign_in.from + " to " + m.sign_in.until);
    }
  }
  return std::nullopt;
}

// Why the member may not ask for leave now, or nullopt.
std::optional<Error> leave_refusal(const Meeting& m, const std::string& status,
                                   std::int64_t now_ms) {
  if (m.roll_closed_at) return roll_closed();
  if (begun(m, now_ms)) {
    return Error::conflict("meeting.begun", "会议已开始，不能再请假；如有特殊情况请联系工作人员",
                           "the meeting has begun: leave is asked before it");
  }
  if (!attendance_workflow().find(status, "ask_leave", {"member"})) {
    if (status == "excused") {
      return Error::conflict("meeting.already_excused", "您已请假", "leave already asked");
    }
    if (status == "registered") {
      return Error::conflict("meeting.already_signed_in", "您已签到，不能再请假",
                             "already signed in");
    }
    return recorded(status);
  }
  return std::nullopt;
}

// The meeting (not archived) and the member's status on its roll; 404 / 403.
std::pair<Meeting, std::string> on_roll(storage::Connection& c, std::int64_t meeting_id,
                                        std::int64_t member_id) {
  const auto m = find_meeting(c, meeting_id);
  if (!m || m->archived) throw detail::not_found();
  const auto r =
      c.q("SELECT status FROM meeting_attendance WHERE meeting_id = $1 AND member_id = $2",
          meeting_id, member_id);
  if (r.empty()) {
    throw Error::forbidden("meeting.not_on_roll", "您不在本次会议的应到人员名单中",
                           "you are not on this meeting's roll");
  }
  return {*m, r.front().text(0)};
}

}  // namespace

MemberActions member_actions(const Meeting& m, const std::string& status, std::int64_t now_ms) {
  if (m.archived) return {};
  return {!sign_in_refusal(m, status, now_ms), !leave_refusal(m, status, now_ms)};
}

void sign_in(storage::Connection& c, const audit::Actor& actor, std::int64_t meeting_id,
             std::int64_t member_id, std::int64_t now_ms) {
  const auto [m, status] = on_roll(c, meeting_id, member_id);
  if (auto refusal = sign_in_refusal(m, status, now_ms)) throw *refusal;
  c.x("UPDATE meeting_attendance SET status = 'registered', signed_in_at = $3, leave_reason = '',"
      " recorded_by = $4, updated_at = $3 WHERE meeting_id = $1 AND member_id = $2",
      meeting_id, member_id, now_ms, actor.user_id());
  audit::record(c, actor,
                {"meeting.sign_in", "meeting", meeting_id,
                 json::object{{"member_id", member_id}, {"was", status}}});
}

void ask_leave(storage::Connection& c, const audit::Actor& actor, std::int64_t meeting_id,
               std::int64_t member_id, const std::string& reason, std::int64_t now_ms) {
  if (reason.empty()) {
    throw Error::invalid_field("reason", "请填写请假事由", "reason is required");
  }
  if (tongxin::json::utf8_length(reason) > kReasonMax) {
    throw Error::invalid_field("reason", "请假事由不能超过200字",
                               "reason must be at most 200 characters");
  }
  const auto [m, status] = on_roll(c, meeting_id, member_id);
  if (auto refusal = leave_refusal(m, status, now_ms)) throw *refusal;
  c.x("UPDATE meeting_attendance SET status = 'excused', leave_reason = $3, recorded_by = $4,"
      " updated_at = $5 WHERE meeting_id = $1 AND member_id = $2",
      meeting_id, member_id, reason, actor.user_id(), now_ms);
  // The reason may be personal (health, family): the audit row does not carry it.
  audit::record(c, actor,
                {"meeting.leave", "meeting", meeting_id, json::object{{"member_id", member_id}}});
}

int record_attendance(storage::Connection& c, const audit::Actor& actor, std::int64_t meeting_id,
                      const std::vector<Mark>& marks, std::int64_t now_ms) {
  if (marks.empty()) {
    throw Error::invalid_field("items", "请至少登记一名委员的出勤情况", "items is required");
  }
  const auto field = [](std::size_t i, const char* name) {
    return "items[" + std::to_string(i) + "]." + name;
  };
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const auto& k = marks[i];
    if (k.status != "registered" && k.status != "present" && k.status != "excused" &&
        k.status != "absent") {
      throw Error::invalid_field(field(i, "status"), "出勤情况应为已签到、到会未签到、请假或缺席",
                                 "status is registered, present, excused or absent");
    }
    if (tongxin::json::utf8_length(k.leave_reason) > kReasonMax) {
      throw Error::invalid_field(field(i, "leave_reason"), "请假事由不能超过200字",
                                 "leave_reason must be at most 200 characters");
    }
    if (!seen.insert(k.member_id).second) {
      throw Error::invalid_field(field(i, "member_id"), "同一委员只能登记一次",
                                 "a member is named twice");
    }
  }
  const auto m = detail::load(c, meeting_id);
  detail::require_live(m);
  const bool before = calendar::iso_date(calendar::china_date(now_ms)) < m.held_on;
  std::map<std::int64_t, std::pair<std::string, std::string>> roll;  // status, reason
  for (const auto& r : c.q("SELECT member_id, status, leave_reason FROM meeting_attendance"
                           " WHERE meeting_id = $1",
                           meeting_id))
    roll[r.int64(0)] = {r.text(1), r.text(2)};

  json::array changes;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const auto& k = marks[i];
    const auto it = roll.find(k.member_id);
    if (it == roll.end()) {
      throw Error::invalid_field(field(i, "member_id"), "该委员不在本次会议的应到人员名单中",
                                 "the member is not on the roll");
    }
    // Before the first day only leave can be recorded (the guard "held").
    const workflow::GuardCheck held = [&](std::string_view g) { return g != "held" || !before; };
    if (!attendance_workflow().find(it->second.first, "mark_" + k.status, {"staff"}, held)) {
      throw Error::conflict("meeting.not_yet", "会议尚未举行，只能登记请假",
                            "before the meeting only leave can be recorded");
    }
    const auto reason = k.status == "excused" ? k.leave_reason : std::string();
    if (it->second.first == k.status && it->second.second == reason) continue;
    // signed_in_at stays the member's own sign-in, and only while they count as registered.
    c.x(std::string("UPDATE meeting_attendance SET status = $3, leave_reason = $4,"
                    " recorded_by = $5, updated_at = $6") +
            (k.status == "registered" ? "" : ", signed_in_at = NULL") +
            " WHERE meeting_id = $1 AND member_id = $2",
        meeting_id, k.member_id, k.status, reason, actor.user_id(), now_ms);
    changes.push_back(
        json::object{{"member_id", k.member_id}, {"from", it->second.first}, {"to", k.status}});
  }
  const auto changed = static_cast<int>(changes.size());
  if (changed > 0) {
    audit::record(c, actor,
                  {"meeting.attendance", "meeting", meeting_id,
                   json::object{{"changes", std::move(changes)}}});
  }
  return changed;
}

int close_roll(storage::Connection& c, const audit::Actor& actor, std::int64_t meeting_id,
               std::int64_t now_ms) {
  const auto m = detail::load(c, meeting_id);
  detail::require_live(m);
  if (m.roll_closed_at) {
    throw Error::conflict("meeting.roll_closed", "会议名册已关闭", "the roll is closed already");
  }
  if (calendar::iso_date(calendar::china_date(now_ms)) < m.held_on) {
    throw Error::conflict("meeting.not_yet", "会议尚未举行，不能关闭名册",
                          "the roll closes on or after the meeting's first day");
  }
  const auto absent = static_cast<int>(
      c.x("UPDATE meeting_attendance SET status = 'absent', recorded_by = $2, updated_at = $3"
          " WHERE meeting_id = $1 AND status = 'expected'",
          meeting_id, actor.user_id(), now_ms));
  c.x("UPDATE meetings SET roll_closed_at = $2, updated_at = $2 WHERE id = $1", meeting_id, now_ms);
  audit::record(c, actor,
                {"meeting.close_roll", "meeting", meeting_id, json::object{{"absent", absent}}});
  return absent;
}

std::vector<Attendance> attendance_of_member(storage::Connection& c, std::int64_t member_id,
                                             const std::string& from, const std::string& to) {
  std::vector<Attendance> out;
  for (const auto& r :
       c.q("SELECT m.id, m.kind, m.title, m.held_on, a.status FROM meeting_attendance a"
           " JOIN meetings m ON m.id = a.meeting_id WHERE a.member_id = $1 AND"
           " m.archived_at IS NULL AND m.held_on >= $2 AND m.held_on <= $3"
           " ORDER BY m.held_on, m.id",
           member_id, from, to)) {
    out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4)});
  }
  return out;
}

}  // namespace tongxin::meetings
