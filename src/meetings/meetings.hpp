// src/meetings/meetings.hpp
//
// Meetings and attendance (会议与出勤, product.md §7): the meetings a conference holds — the
// plenary session (全体会议), the standing committee (常委会议), the chair's council (主席会议),
// a special committee (专委会会议) or another — each with its roll of expected members, and
// what became of each of them: signed in on the day (已签到), came without signing in (到会未签到),
// excused on a leave asked before the meeting (请假), or absent (缺席). The duty points for
// meetings come from here (records: meeting.plenary, meeting.absent). Other modules use these
// functions, never the tables.
//
// Attendance moves like this (anything else is Error 409 with a Chinese message):
//   expected ──sign in, on a day of the meeting──▶ registered
//   expected ──ask for leave, before it begins──▶ excused   (excused may still sign in)
//   any      ──staff record──▶ registered | present | excused | absent (not before the
//                              meeting's first day, except excused)
//   expected ──close the roll, from the first day on──▶ absent
// A closed roll takes no more sign-ins or leave; staff may still correct it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/context.hpp"
#include "core/storage/connection.hpp"

namespace tongxin::meetings {

// plenary | standing | chair | committee | other
const std::vector<std::string>& kinds();
// expected | registered | present | excused | absent
const std::vector<std::string>& statuses();

// The daily sign-in window, China time "HH:MM"; both empty: all day.
struct SignInWindow {
  std::string from;
  std::string until;
};

struct NewMeeting {
  std::int64_t conference_id = 0;
  std::string kind;                          // one of kinds()
  std::string title;                         // not empty, at most 100 characters
  std::string held_on;                       // YYYY-MM-DD, the first day
  std::string ends_on;                       // YYYY-MM-DD, the last day; empty: held_on
  std::string place;                         // at most 100 characters
  std::optional<std::int64_t> committee_id;  // required for (only for) committee meetings
  SignInWindow sign_in;
  // The roll. nullopt: the kind's own — plenary: every live member of the conference;
  // standing: the standing members (posts standing, chair, vice_chair); chair: the chair and
  // vice chairs; committee: the committee's live members; other: none, so required.
  std::optional<std::vector<std::int64_t>> member_ids;
};

// Creates the meeting and its roll (everyone expected); audits. Error 400 naming the field:
// unknown kind, empty title, bad dates, a window that is not "HH:MM" to a later "HH:MM",
// a committee that is not the conference's, a member who is not a live member of the
// conference, an empty roll.
std::int64_t create_meeting(storage::Connection& c, const audit::Actor& actor, const NewMeeting& m,
                            std::int64_t now_ms);

struct MeetingEdit {
  std::optional<std::string> title, held_on, ends_on, place;
  std::optional<SignInWindow> sign_in;
  std::optional<std::vector<std::int64_t>> member_ids;  // the new roll
};

// Applies the fields given and returns those that changed (audited by name; no audit row when
// nothing changed). The roll: members added come in expected; members dropped leave it.
// Error 400 on a bad field or an empty edit; 404 for an unknown meeting; 409 when it is
// archived, when its dates or roll change after the roll was closed or (dates) once someone's
// attendance is recorded, or when the roll would drop a member whose attendance is recorded.
std::vector<std::string> update_meeting(storage::Connection& c, const audit::Actor& actor,
                                        std::int64_t id, const MeetingEdit& e, std::int64_t now_ms);

// Archives (withdraws) a meeting: it leaves the lists and no longer counts for anyone's
// record. Error 404 for an unknown meeting, 409 when already archived.
void archive_meeting(storage::Connection& c, const audit::Actor& actor, std::int64_t id,
                     std::int64_t now_ms);

struct Meeting {
  std::int64_t id = 0;
  std::int64_t conference_id = 0;
  std::string kind, title, held_on, ends_on, place;
  std::optional<std::int64_t> committee_id;
  SignInWindow sign_in;
  std::optional<std::int64_t> roll_closed_at;
  bool archived = false;
  std::int64_t created_at = 0, updated_at = 0;
};
// Archived ones included; nullopt when unknown.
std::optional<Meeting> find_meeting(storage::Connection& c, std::int64_t id);
// Members on the roll by status (every status present, 0 when none), and "total".
std::map<std::string, int> roll_counts(storage::Connection& c, std::int64_t meeting_id);
// The roll: each member on it with their status, by member id.
std::vector<std::pair<std::int64_t, std::string>> roll_of(storage::Connection& c,
                                                          std::int64_t meeting_id);

// What a member may do now: sign in (on the roll, a day of the meeting, inside the window,
// roll open, not yet signed in or recorded) or ask for leave (expected, before it begins).
struct MemberActions {
  bool can_sign_in = false;
  bool can_ask_leave = false;
};
MemberActions member_actions(const Meeting& m, const std::string& status, std::int64_t now_ms);

// The member signs in (→ registered). Error 404 for an unknown or archived meeting, 403 when
// the member is not on its roll, 409 when it is not a day of the meeting, outside the sign-in
// window, after the roll was closed, or when the member signed in already or staff recorded
// their attendance.
void sign_in(storage::Connection& c, const audit::Actor& actor, std::int64_t meeting_id,
             std::int64_t member_id, std::int64_t now_ms);

// The member asks for leave with a reason (→ excused). Error 400 for an empty reason or one
// over 200 characters; 404 / 403 as sign_in; 409 once the meeting has begun (its first day,
// at the window's opening when it has one), after the roll was closed, or when the member is
// not expected (already excused, signed in, recorded).
void ask_leave(storage::Connection& c, const audit::Actor& actor, std::int64_t meeting_id,
               std::int64_t member_id, const std::string& reason, std::int64_t now_ms);

// Staff record one member's attendance.
struct Mark {
  std::int64_t member_id = 0;
  std::string status;        // registered | present | excused | absent
  std::string leave_reason;  // excused only; at most 200 characters
};
// Records the marks (all or none); returns how many rows changed. Error 400 naming
// "items[i].…" for an unknown status, a member not on the roll or named twice, a reason that
// is too long; 404 for an unknown meeting; 409 when it is archived, or for any status but
// excused before the meeting's first day.
int record_attendance(storage::Connection& c, const audit::Actor& actor, std::int64_t meeting_id,
                      const std::vector<Mark>& marks, std::int64_t now_ms);

// Closes the roll: every member still expected becomes absent. Returns how many. Error 404 for
// an unknown meeting, 409 when it is archived, closed already, or before its first day.
int close_roll(storage::Connection& c, const audit::Actor& actor, std::int64_t meeting_id,
               std::int64_t now_ms);

// For the records module.
struct Attendance {
  std::int64_t meeting_id;
  std::string kind;
  std::string title;
  std::string held_on;
  std::string status;
};
// The member's attendance at meetings held between from and to (YYYY-MM-DD, inclusive),
// meetings not archived, oldest first. Every status is listed, `expected` too (a roll not yet
// closed): meeting.plenary scores kind plenary with registered (full) or present (half);
// meeting.absent scores absent.
std::vector<Attendance> attendance_of_member(storage::Connection& c, std::int64_t member_id,
                                             const std::string& from, const std::string& to);

}  // namespace tongxin::meetings
