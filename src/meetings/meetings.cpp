// src/meetings/meetings.cpp
//
// A meeting and its roll: creation with the roll its kind calls for (every member for the
// plenary session, the standing members for the standing committee, the chair and vice
// chairs for the chair's council, the committee's members for a committee meeting), edits,
// archiving, and reading it back.
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <set>

#include "core/calendar/dates.hpp"
#include "core/json/fields.hpp"
#include "meetings/internal.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::meetings {

namespace json = boost::json;

const std::vector<std::string>& kinds() {
  static const std::vector<std::string> k{"plenary", "standing", "chair", "committee", "other"};
  return k;
}

const std::vector<std::string>& statuses() {
  static const std::vector<std::string> s{"expected", "registered", "present", "excused", "absent"};
  return s;
}

namespace detail {

std::string kind_label(const std::string& kind) {
  if (kind == "plenary") return "全体会议";
  if (kind == "standing") return "常委会议";
  if (kind == "chair") return "主席会议";
  if (kind == "committee") return "专委会会议";
  return "其他会议";
}

std::string status_label(const std::string& status) {
  if (status == "expected") return "应到";
  if (status == "registered") return "已签到";
  if (status == "present") return "到会未签到";
  if (status == "excused") return "请假";
  if (status == "absent") return "缺席";
  return status;
}

Error not_found() {
  return Error::not_found("meeting.not_found", "会议不存在", "meeting not found");
}

Meeting load(storage::Connection& c, std::int64_t id) {
  auto m = find_meeting(c, id);
  if (!m) throw not_found();
  return *m;
}

void require_live(const Meeting& m) {
  if (m.archived) {
    throw Error::conflict("meeting.archived", "会议已撤销，不能再修改", "the meeting is archived");
  }
}

}  // namespace detail

namespace {

void check_text(const std::string& field, const std::string& value, std::size_t max,
                const std::string& label, bool required) {
  if (required && value.empty()) {
    throw Error::invalid_field(field, "请填写" + label, field + " is required");
  }
  if (tongxin::json::utf8_length(value) > max) {
    throw Error::invalid_field(field, label + "不能超过" + std::to_string(max) + "字",
                               field + " must be at most " + std::to_string(max) + " characters");
  }
}

bool has_post(const organisation::MemberBrief& m, std::initializer_list<std::string_view> posts) {
  return std::any_of(m.posts.begin(), m.posts.end(), [&](const std::string& p) {
    return std::find(posts.begin(), posts.end(), p) != posts.end();
  });
}

// The kind's own roll: see NewMeeting::member_ids.
std::vector<std::int64_t> default_roll(storage::Connection& c, const std::string& kind,
                                       std::int64_t conference_id,
                                       std::optional<std::int64_t> committee_id) {
  if (kind == "other") {
    throw Error::invalid_field("member_ids", "请选择应到会委员", "member_ids is required");
  }
  std::vector<std::int64_t> ids;
  for (const auto& m : organisation::members_of_conference(c, conference_id)) {
    const bool on_roll = kind == "plenary" ||
                         (kind == "standing" && has_post(m, {"standing", "chair", "vice_chair"})) ||
                         (kind == "chair" && has_post(m, {"chair", "vice_chair"})) ||
                         (kind == "committee" && m.committee_id == committee_id);
    if (on_roll) ids.push_back(m.id);
  }
  return ids;
}

// The ids once each, in order; Error 400 unless each is a live member of the conference.
std::vector<std::int64_t> checked_roll(storage::Connection& c, std::int64_t conference_id,
                                       const std::vector<std::int64_t>& ids) {
  std::set<std::int64_t> live;
  for (const auto& m : organisation::members_of_conference(c, conference_id))
    live.insert(m.id);
  std::vector<std::int64_t> out;
  std::set<std::int64_t> seen;
  for (const auto id : ids) {
    if (!live.contains(id)) {
      throw Error::invalid_field("member_ids", "委员不存在或不属于本政协", "unknown member");
    }
    if (seen.insert(id).second) out.push_back(id);
  }
  return out;
}

void add_to_roll(storage::Connection& c, std::int64_t meeting_id,
                 const std::vector<std::int64_t>& ids, std::int64_t now_ms) {
  constexpr std::size_t kChunk = 400;
  for (std::size_t start = 0; start < ids.size(); start += kChunk) {
    std::vector<storage::Value> params{meeting_id, now_ms};
    std::string values;
    for (std::size_t i = start; i < std::min(ids.size(), start + kChunk); ++i) {
      params.emplace_back(ids[i]);
      values += (values.empty() ? "($1, $" : ", ($1, $") + std::to_string(params.size()) + ", $2)";
    }
    c.execute("INSERT INTO meeting_attendance (meeting_id, member_id, updated_at) VALUES " + values,
              params);
  }
}

// The last day of a meeting moved to start on `held_on`, keeping its length.
std::string moved_end(const Meeting& m, const std::string& held_on) {
  using std::chrono::sys_days;
  const auto day = [](const std::string& s) { return sys_days{*calendar::parse_iso_date(s)}; };
  return calendar::iso_date(
      std::chrono::year_month_day{day(held_on) + (day(m.ends_on) - day(m.held_on))});
}

}  // namespace

std::optional<Meeting> find_meeting(storage::Connection& c, std::int64_t id) {
  const auto rows = c.q("SELECT * FROM meetings WHERE id = $1", id);
  if (rows.empty()) return std::nullopt;
  return detail::meeting_from_row(rows.front());
}

Meeting detail::meeting_from_row(const storage::Row& r) {
  Meeting m;
  m.id = r.int64("id");
  m.conference_id = r.int64("conference_id");
  m.kind = r.text("kind");
  m.title = r.text("title");
  m.held_on = r.text("held_on");
  m.ends_on = r.text("ends_on");
  m.place = r.text("place");
  m.committee_id = r.opt_int64("committee_id");
  m.sign_in = {r.opt_text("sign_in_from").value_or(""), r.opt_text("sign_in_until").value_or("")};
  m.roll_closed_at = r.opt_int64("roll_closed_at");
  m.archived = !r.is_null("archived_at");
  m.created_at = r.int64("created_at");
  m.updated_at = r.int64("updated_at");
  return m;
}

std::map<std::string, int> roll_counts(storage::Connection& c, std::int64_t meeting_id) {
  std::map<std::string, int> out;
  for (const auto& s : statuses())
    out[s] = 0;
  int total = 0;
  for (const auto& r : c.q("SELECT status, COUNT(*) FROM meeting_attendance WHERE meeting_id = $1"
                           " GROUP BY status",
                           meeting_id)) {
    out[r.text(0)] = static_cast<int>(r.int64(1));
    total += static_cast<int>(r.int64(1));
  }
  out["total"] = total;
  return out;
}

std::vector<std::pair<std::int64_t, std::string>> roll_of(storage::Connection& c,
                                                          std::int64_t meeting_id) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  for (const auto& r : c.q("SELECT member_id, status FROM meeting_attendance WHERE meeting_id = $1"
                           " ORDER BY member_id",
                           meeting_id))
    out.emplace_back(r.int64(0), r.text(1));
  return out;
}

std::int64_t create_meeting(storage::Connection& c, const audit::Actor& actor, const NewMeeting& m,
                            std::int64_t now_ms) {
  if (std::find(kinds().begin(), kinds().end(), m.kind) == kinds().end()) {
    throw Error::invalid_field("kind",
                               "请选择会议类型（全体会议、常委会议、主席会议、专委会会议、其他）",
                               "unknown meeting kind");
  }
  check_text("title", m.title, 100, "会议名称", true);
  check_text("place", m.place, 100, "会议地点", false);
  calendar::required_iso_date(m.held_on, "held_on");
  if (!m.ends_on.empty()) calendar::required_iso_date(m.ends_on, "ends_on");
  const auto held_on = m.held_on;
  const auto ends_on = m.ends_on.empty() ? held_on : m.ends_on;
  if (ends_on < held_on) {
    throw Error::invalid_field("ends_on", "结束日期不能早于开始日期", "ends_on is before held_on");
  }
  detail::check_window(m.sign_in);
  if (m.kind == "committee") {
    if (!m.committee_id) {
      throw Error::invalid_field("committee_id", "请选择召开会议的专委会",
                                 "committee_id is required");
    }
    const auto k = organisation::find_committee(c, *m.committee_id);
    if (!k || k->conference_id != m.conference_id) {
      throw Error::invalid_field("committee_id", "专委会不存在或不属于本政协", "unknown committee");
    }
  } else if (m.committee_id) {
    throw Error::invalid_field("committee_id", "只有专委会会议需要选择专委会",
                               "committee_id is for committee meetings only");
  }
  const auto roll = m.member_ids ? checked_roll(c, m.conference_id, *m.member_ids)
                                 : default_roll(c, m.kind, m.conference_id, m.committee_id);
  if (roll.empty()) {
    throw Error::invalid_field(
        m.member_ids || m.kind != "committee" ? "member_ids" : "committee_id", "应到会委员名单为空",
        "the roll is empty");
  }
  const auto window = [](const std::string& s) {
    return s.empty() ? storage::Value(storage::Null{}) : storage::Value(s);
  };
  const auto id =
      c.q("INSERT INTO meetings (conference_id, kind, title, held_on, ends_on, place, committee_id,"
          " sign_in_from, sign_in_until, created_by, created_at, updated_at)"
          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
          m.conference_id, m.kind, m.title, held_on, ends_on, m.place, m.committee_id,
          window(m.sign_in.from), window(m.sign_in.until), actor.user_id(), now_ms)
          .front()
          .int64(0);
  add_to_roll(c, id, roll, now_ms);
  audit::record(c, actor,
                {"meeting.create", "meeting", id,
                 json::object{{"kind", m.kind}, {"held_on", held_on}, {"expected", roll.size()}}});
  return id;
}

std::vector<std::string> update_meeting(storage::Connection& c, const audit::Actor& actor,
                                        std::int64_t id, const MeetingEdit& e,
                                        std::int64_t now_ms) {
  if (!e.title && !e.held_on && !e.ends_on && !e.place && !e.sign_in && !e.member_ids) {
    throw Error::bad_request("meeting.nothing_to_change", "请至少修改一项", "nothing to change");
  }
  if (e.title) check_text("title", *e.title, 100, "会议名称", true);
  if (e.place) check_text("place", *e.place, 100, "会议地点", false);
  if (e.held_on) calendar::required_iso_date(*e.held_on, "held_on");
  if (e.ends_on) calendar::required_iso_date(*e.ends_on, "ends_on");
  if (e.sign_in) detail::check_window(*e.sign_in);

  const auto m = detail::load(c, id);
  detail::require_live(m);
  const auto held_on = e.held_on.value_or(m.held_on);
  // Moving the first day keeps the meeting's length unless its last day is given too.
  const auto ends_on = e.ends_on ? *e.ends_on : (e.held_on ? moved_end(m, held_on) : m.ends_on);
  if (ends_on < held_on) {
    throw Error::invalid_field("ends_on", "结束日期不能早于开始日期", "ends_on is before held_on");
  }
  const bool dates_change = held_on != m.held_on || ends_on != m.ends_on;
  const auto closed = [&] {
    return Error::conflict("meeting.roll_closed", "会议名册已关闭，不能再修改会议日期或应到名单",
                           "the roll is closed: dates and roll are fixed");
  };
  if (dates_change) {
    if (m.roll_closed_at) throw closed();
    if (c.q("SELECT 1 FROM meeting_attendance WHERE meeting_id = $1 AND status IN ('registered',"
            " 'present', 'absent') LIMIT 1",
            id)
            .size() > 0) {
      throw Error::conflict("meeting.attendance_recorded",
                            "已有委员签到或已登记出勤，不能再修改会议日期",
                            "attendance is recorded: the dates are fixed");
    }
  }

  std::vector<std::string> changed;
  std::string sets;
  std::vector<storage::Value> params{now_ms};
  const auto set = [&](const std::string& column, storage::Value v) {
    params.push_back(std::move(v));
    sets += ", " + column + " = $" + std::to_string(params.size());
  };
  if (e.title && *e.title != m.title) {
    set("title", *e.title);
    changed.emplace_back("title");
  }
  if (e.place && *e.place != m.place) {
    set("place", *e.place);
    changed.emplace_back("place");
  }
  if (held_on != m.held_on) {
    set("held_on", held_on);
    changed.emplace_back("held_on");
  }
  if (ends_on != m.ends_on) {
    set("ends_on", ends_on);
    changed.emplace_back("ends_on");
  }
  if (e.sign_in && (e.sign_in->from != m.sign_in.from || e.sign_in->until != m.sign_in.until)) {
    const auto v = [](const std::string& s) {
      return s.empty() ? storage::Value(storage::Null{}) : storage::Value(s);
    };
    set("sign_in_from", v(e.sign_in->from));
    set("sign_in_until", v(e.sign_in->until));
    changed.emplace_back("sign_in");
  }

  std::vector<std::int64_t> added, removed;
  if (e.member_ids) {
    const auto roll = checked_roll(c, m.conference_id, *e.member_ids);
    if (roll.empty()) {
      throw Error::invalid_field("member_ids", "应到会委员名单为空", "the roll is empty");
    }
    std::map<std::int64_t, std::string> current;
    for (const auto& r :
         c.q("SELECT member_id, status FROM meeting_attendance WHERE meeting_id = $1", id))
      current[r.int64(0)] = r.text(1);
    const std::set<std::int64_t> wanted(roll.begin(), roll.end());
    for (const auto mid : roll) {
      if (!current.contains(mid)) added.push_back(mid);
    }
    for (const auto& [mid, status] : current) {
      if (wanted.contains(mid)) continue;
      if (status != "expected") {
        throw Error::conflict(
            "meeting.attendance_recorded",
            "名单中有委员已" + detail::status_label(status) + "，不能移出应到名单",
            "a member with recorded attendance cannot leave the roll");
      }
      removed.push_back(mid);
    }
    if ((!added.empty() || !removed.empty()) && m.roll_closed_at) throw closed();
    if (!added.empty() || !removed.empty()) changed.emplace_back("member_ids");
  }
  if (changed.empty()) return changed;

  params.push_back(id);
  c.execute("UPDATE meetings SET updated_at = $1" + sets + " WHERE id = $" +
                std::to_string(params.size()),
            params);
  add_to_roll(c, id, added, now_ms);
  for (const auto mid : removed) {
    c.x("DELETE FROM meeting_attendance WHERE meeting_id = $1 AND member_id = $2", id, mid);
  }
  json::array fields;
  for (const auto& f : changed)
    fields.emplace_back(f);
  json::object detail{{"fields", std::move(fields)}};
  if (!added.empty() || !removed.empty()) {
    detail["added"] = added.size();
    detail["removed"] = removed.size();
  }
  audit::record(c, actor, {"meeting.update", "meeting", id, std::move(detail)});
  return changed;
}

void archive_meeting(storage::Connection& c, const audit::Actor& actor, std::int64_t id,
                     std::int64_t now_ms) {
  if (c.x("UPDATE meetings SET archived_at = $2, updated_at = $2 WHERE id = $1 AND archived_at IS"
          " NULL",
          id, now_ms) == 0) {
    if (!find_meeting(c, id)) throw detail::not_found();
    throw Error::conflict("meeting.archived", "会议已撤销", "already archived");
  }
  audit::record(c, actor, {"meeting.archive", "meeting", id, nullptr});
}

}  // namespace tongxin::meetings
