// src/meetings/listing.hpp
//
// Meetings and rolls a page at a time, as structs for the routes to render: the meetings of
// conferences (staff, leaders), a member's own meetings with their attendance, a meeting's
// roll. Keyset pages: meetings newest first by (held_on, id), the roll by member id. Reads only.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/paging.hpp"
#include "core/storage/connection.hpp"
#include "meetings/meetings.hpp"

namespace tongxin::meetings {

// A member's own line of a meeting's roll.
struct MyAttendance {
  std::string status;
  std::string leave_reason;
  std::optional<std::int64_t> signed_in_at;
};

struct MeetingListItem {
  Meeting meeting;
  std::map<std::string, int> counts;  // every status and "total"
  std::optional<MyAttendance> mine;   // meetings_of_member only
};
struct MeetingPage {
  std::vector<MeetingListItem> items;
  std::map<std::int64_t, std::string> committees;  // names of the page's committees
  std::optional<std::string> next_cursor;
};

struct MeetingListQuery {
  std::vector<std::int64_t> conference_ids;  // the caller's scope; empty lists nothing
  std::string kind;                          // empty: every kind
  std::optional<int> year;
  bool archived = false;  // the archived meetings instead of the live ones
  std::optional<paging::Cursor> cursor;
  int limit = 20;
};
MeetingPage list_meetings(storage::Connection& c, const MeetingListQuery& q);

// The live meetings on whose roll the member is, with their attendance.
MeetingPage meetings_of_member(storage::Connection& c, std::int64_t member_id,
                               const std::optional<paging::Cursor>& cursor, int limit);

// The member's line of the meeting's roll; nullopt when not on it.
std::optional<MyAttendance> attendance_of(storage::Connection& c, std::int64_t meeting_id,
                                          std::int64_t member_id);

struct RollEntry {
  std::int64_t member_id = 0;
  std::string status;
  std::string leave_reason;
  std::optional<std::int64_t> signed_in_at;
  std::int64_t updated_at = 0;
};
struct RollPage {
  std::vector<RollEntry> items;
  std::optional<std::string> next_cursor;
};
// The roll by member id after `after_member_id`, filtered by status when given.
RollPage roll_page(storage::Connection& c, std::int64_t meeting_id, const std::string& status,
                   std::int64_t after_member_id, int limit);

}  // namespace tongxin::meetings
