// src/meetings/listing.cpp
#include "meetings/listing.hpp"

#include <algorithm>

#include "meetings/internal.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::meetings {

namespace {

// Appends `ids` to `params` and returns their placeholders: "$2, $3, $4".
std::string placeholders(std::vector<storage::Value>& params,
                         const std::vector<std::int64_t>& ids) {
  std::string out;
  for (const auto id : ids) {
    params.emplace_back(id);
    out += (out.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  return out;
}

// The page of `rows` (limit + 1 fetched) with the counts of their rolls in one query.
MeetingPage page_of(storage::Connection& c, const storage::Result& rows, std::size_t limit,
                    bool with_mine) {
  const auto n = std::min(rows.size(), limit);
  std::vector<std::int64_t> ids, committee_ids;
  for (std::size_t i = 0; i < n; ++i) {
    ids.push_back(rows[i].int64("id"));
    if (const auto k = rows[i].opt_int64("committee_id")) committee_ids.push_back(*k);
  }
  std::map<std::int64_t, std::map<std::string, int>> counts;
  if (!ids.empty()) {
    std::vector<storage::Value> params;
    const auto in = placeholders(params, ids);
    for (const auto& r : c.query(
             "SELECT meeting_id, status, COUNT(*) FROM meeting_attendance WHERE meeting_id IN (" +
                 in + ") GROUP BY meeting_id, status",
             params)) {
      counts[r.int64(0)][r.text(1)] = static_cast<int>(r.int64(2));
    }
  }
  MeetingPage page;
  page.committees = organisation::names_of_committees(c, committee_ids);
  for (std::size_t i = 0; i < n; ++i) {
    MeetingListItem item{detail::meeting_from_row(rows[i]), {}, std::nullopt};
    item.counts = counts[item.meeting.id];
    int total = 0;
    for (const auto& s : statuses()) {
      total += item.counts[s];  // inserts 0 for a status nobody has
    }
    item.counts["total"] = total;
    if (with_mine) {
      item.mine = MyAttendance{rows[i].text("my_status"), rows[i].text("my_leave_reason"),
                               rows[i].opt_int64("my_signed_in_at")};
    }
    page.items.push_back(std::move(item));
  }
  if (rows.size() > limit && limit > 0) {
    page.next_cursor =
        paging::encode({rows[limit - 1].text("held_on"), rows[limit - 1].int64("id")});
  }
  return page;
}

}  // namespace

MeetingPage list_meetings(storage::Connection& c, const MeetingListQuery& q) {
  if (q.conference_ids.empty()) return {};
  const auto from = q.year ? std::to_string(*q.year) + "-01-01" : std::string();
  const auto to = q.year ? std::to_string(*q.year) + "-12-31" : std::string();
  std::vector<storage::Value> params{q.kind,
                                     from,
                                     to,
                                     q.cursor ? q.cursor->key : std::string(),
                                     q.cursor ? q.cursor->id : 0,
                                     static_cast<std::int64_t>(q.limit + 1)};
  const auto in = placeholders(params, q.conference_ids);
  const auto rows =
      c.query(std::string("SELECT * FROM meetings WHERE conference_id IN (") + in +
                  ") AND archived_at IS " + (q.archived ? "NOT NULL" : "NULL") +
                  " AND ($1 = '' OR kind = $1) AND ($2 = '' OR (held_on >= $2 AND held_on"
                  " <= $3)) AND ($4 = '' OR held_on < $4 OR (held_on = $4 AND id < $5))"
                  " ORDER BY held_on DESC, id DESC LIMIT $6",
              params);
  return page_of(c, rows, static_cast<std::size_t>(q.limit), false);
}

MeetingPage meetings_of_member(storage::Connection& c, std::int64_t member_id,
                               const std::optional<paging::Cursor>& cursor, int limit) {
  const auto rows =
      c.q("SELECT m.*, a.status AS my_status, a.leave_reason AS my_leave_reason,"
          " a.signed_in_at AS my_signed_in_at FROM meeting_attendance a JOIN meetings m"
          " ON m.id = a.meeting_id WHERE a.member_id = $1 AND m.archived_at IS NULL AND"
          " ($2 = '' OR m.held_on < $2 OR (m.held_on = $2 AND m.id < $3))"
          " ORDER BY m.held_on DESC, m.id DESC LIMIT $4",
          member_id, cursor ? cursor->key : std::string(), cursor ? cursor->id : 0, limit + 1);
  return page_of(c, rows, static_cast<std::size_t>(limit), true);
}

std::optional<MyAttendance> attendance_of(storage::Connection& c, std::int64_t meeting_id,
                                          std::int64_t member_id) {
  const auto r =
      c.q("SELECT status, leave_reason, signed_in_at FROM meeting_attendance WHERE"
          " meeting_id = $1 AND member_id = $2",
          meeting_id, member_id);
  if (r.empty()) return std::nullopt;
  return MyAttendance{r.front().text(0), r.front().text(1), r.front().opt_int64("signed_in_at")};
}

RollPage roll_page(storage::Connection& c, std::int64_t meeting_id, const std::string& status,
                   std::int64_t after_member_id, int limit) {
  const auto rows =
      c.q("SELECT member_id AS id, status, leave_reason, signed_in_at, updated_at"
          " FROM meeting_attendance WHERE meeting_id = $1 AND ($2 = '' OR status ="
          " $2) AND member_id > $3 ORDER BY member_id LIMIT $4",
          meeting_id, status, after_member_id, limit + 1);
  const auto n = std::min(rows.size(), static_cast<std::size_t>(limit));
  RollPage page;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& r = rows[i];
    page.items.push_back({r.int64("id"), r.text("status"), r.text("leave_reason"),
                          r.opt_int64("signed_in_at"), r.int64("updated_at")});
  }
  if (const auto next = paging::next_by_id(rows, n); next.is_string()) {
    page.next_cursor = std::string(next.as_string());
  }
  return page;
}

}  // namespace tongxin::meetings
