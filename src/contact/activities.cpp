// src/contact/activities.cpp
//
// Logging an activity — the 30-second path from a member's phone — and what it settles:
// the visit tasks it fulfils.
#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "contact/internal.hpp"
#include "core/calendar/calendar.hpp"
#include "core/calendar/dates.hpp"
#include "core/error.hpp"
#include "organisation/briefs.hpp"
#include "organisation/roster.hpp"

namespace tongxin::contact {

namespace json = boost::json;

namespace {

constexpr std::string_view kKinds[] = {"reception_day", "visit",       "talk",       "briefing",
                                       "training",      "reading",     "inspection", "consultation",
                                       "service",       "matchmaking", "salon"};
constexpr std::string_view kChannels[] = {"face_to_face", "regular_work", "online", "service",
                                          "innovative"};

template <std::size_t N>
bool one_of(const std::string_view (&list)[N], std::string_view v) {
  for (const auto x : list) {
    if (x == v) return true;
  }
  return false;
}

// The ids once each, in their first order.
std::vector<std::int64_t> distinct(const std::vector<std::int64_t>& ids) {
  std::vector<std::int64_t> out;
  for (const auto id : ids) {
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return out;
}

}  // namespace

std::string default_channel(std::string_view kind) {
  if (kind == "visit" || kind == "talk" || kind == "reception_day") return "face_to_face";
  if (kind == "briefing" || kind == "inspection" || kind == "consultation") return "regular_work";
  if (kind == "service" || kind == "training" || kind == "matchmaking") return "service";
  return "innovative";  // reading, salon
}

LoggedActivity log_activity(storage::Connection& c, const ServiceContext& ctx,
                            const audit::Actor& actor, const NewActivity& a, std::int64_t now_ms) {
  (void)ctx;
  if (!one_of(kKinds, a.kind)) {
    throw Error::invalid_field("kind", "未知的活动类型", "unknown activity kind");
  }
  const auto channel = a.channel.empty() ? default_channel(a.kind) : a.channel;
  if (!one_of(kChannels, channel)) {
    throw Error::invalid_field("channel", "未知的联系渠道", "unknown channel");
  }
  const auto held_on = a.held_on.empty()
                           ? today_of(now_ms)
                           : calendar::iso_date(calendar::required_iso_date(a.held_on, "held_on"));
  if (held_on > today_of(now_ms)) {
    throw Error::invalid_field("held_on", "不能登记未来日期的活动",
                               "activity date is in the future");
  }
  if (a.member_ids.empty()) {
    throw Error::invalid_field("member_ids", "请选择参加活动的委员", "member_ids is required");
  }
  if (a.reached_count < 0 || a.reached_count > 100000) {
    throw Error::invalid_field("reached_count", "联系群众人数应在0到100000之间",
                               "reached_count out of range");
  }
  // One statement each for the checks and the links, whatever the number of members and
  // contacts (the demo logs thousands of activities in one transaction).
  const auto members = distinct(a.member_ids);
  const auto contacts = distinct(a.key_contact_ids);
  if (organisation::count_members_of_conference(c, a.conference_id, members) !=
      static_cast<std::int64_t>(members.size())) {
    throw Error::invalid_field("member_ids", "委员不存在或不属于本政协", "unknown member");
  }
  if (!contacts.empty()) {
    std::vector<storage::Value> params{a.conference_id};
    const auto in = placeholders(params, contacts);
    if (c.query("SELECT COUNT(*) FROM key_contacts WHERE conference_id = $1 AND archived_at IS"
                " NULL AND id IN (" +
                    in + ")",
                params)
            .front()
            .int64(0) != static_cast<std::int64_t>(contacts.size())) {
      throw Error::invalid_field("key_contact_ids", "联系人不存在", "unknown key contact");
    }
  }
  const auto id =
      c.q("INSERT INTO activities (conference_id, kind, channel, held_on, place, studio_id,"
          " reached_count, summary, created_by, created_at, updated_at)"
          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING id",
          a.conference_id, a.kind, channel, held_on, a.place, a.studio_id,
          std::max(a.reached_count, static_cast<int>(contacts.size())), a.summary, actor.user_id(),
          now_ms)
          .front()
          .int64(0);
  const auto link_rows = [&](const char* table, const char* column,
                             const std::vector<std::int64_t>& ids) {
    std::vector<storage::Value> params{id};
    std::string values;
    for (const auto v : ids) {
      params.emplace_back(v);
      values += (values.empty() ? "($1, $" : ", ($1, $") + std::to_string(params.size()) + ")";
    }
    c.execute(std::string("INSERT INTO ") + table + " (activity_id, " + column + ") VALUES " +
                  values + " ON CONFLICT DO NOTHING",
              params);
  };
  link_rows("activity_members", "member_id", members);
  LoggedActivity out{id, 0};
  if (!contacts.empty()) {
    link_rows("activity_contacts", "key_contact_id", contacts);
    // A visit task is done when one of its members met its contact on or after the trigger.
    std::vector<storage::Value> params{id, now_ms, held_on};
    const auto member_in = placeholders(params, members);
    const auto contact_in = placeholders(params, contacts);
    out.tasks_closed = static_cast<int>(
        c.execute("UPDATE visit_tasks SET status = 'done', done_activity_id = $1, done_at = $2"
                  " WHERE status = 'open' AND member_id IN (" +
                      member_in + ") AND key_contact_id IN (" + contact_in +
                      ") AND trigger_id IN (SELECT id FROM visit_triggers WHERE fired_on <= $3)",
                  params));
  }
  audit::record(c, actor,
                {"activity.create", "activity", id,
                 json::object{{"kind", a.kind},
                              {"members", a.member_ids.size()},
                              {"tasks_closed", out.tasks_closed}}});
  return out;
}

Page<Activity> activities_in_scope(storage::Connection& c, const auth::Principal& p,
                                   std::int64_t member_id, std::int64_t studio_id,
                                   std::int64_t before, int limit) {
  const auto scope = organisation::conferences_in_scope(c, p);
  Page<Activity> page;
  if (scope.empty()) return page;
  std::vector<storage::Value> params{member_id, studio_id, before,
                                     static_cast<std::int64_t>(limit) + 1};
  const auto in = placeholders(params, scope);
  const auto rows = c.query(
      "SELECT a.* FROM activities a WHERE a.conference_id IN (" + in +
          ") AND a.revoked_at IS NULL AND ($1 = 0 OR a.id IN (SELECT activity_id FROM"
          " activity_members WHERE member_id = $1)) AND ($2 = 0 OR a.studio_id = $2) AND ($3 = 0"
          " OR a.id < $3) ORDER BY a.id DESC LIMIT $4",
      params);
  const auto n = std::min(rows.size(), static_cast<std::size_t>(limit));
  if (rows.size() > n) page.next_after = rows[n - 1].int64("id");
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < n; ++i)
    ids.push_back(rows[i].int64("id"));
  // The members of the whole page in one query, their names in another.
  std::map<std::int64_t, std::vector<std::int64_t>> members_of;
  std::vector<std::int64_t> all_members;
  if (!ids.empty()) {
    std::vector<storage::Value> mp;
    const auto ain = placeholders(mp, ids);
    for (const auto& r : c.query("SELECT activity_id, member_id FROM activity_members WHERE"
                                 " activity_id IN (" +
                                     ain + ") ORDER BY activity_id, member_id",
                                 mp)) {
      members_of[r.int64(0)].push_back(r.int64(1));
      all_members.push_back(r.int64(1));
    }
  }
  const auto names = organisation::names_of_members(c, distinct(all_members));
  for (std::size_t i = 0; i < n; ++i) {
    const auto r = rows[i];
    Activity a;
    a.id = r.int64("id");
    a.kind = r.text("kind");
    a.channel = r.text("channel");
    a.held_on = r.text("held_on");
    a.place = r.text("place");
    a.studio_id = r.opt_int64("studio_id");
    a.reached_count = r.int64("reached_count");
    a.summary = r.text("summary");
    for (const auto m : members_of[a.id]) {
      // A member row always exists for a link (foreign key); names of archived ones too.
      if (const auto it = names.find(m); it != names.end()) a.members.push_back({m, it->second});
    }
    page.items.push_back(std::move(a));
  }
  return page;
}

std::vector<MemberActivity> activities_of_member(storage::Connection& c, std::int64_t member_id,
                                                 const std::string& from, const std::string& to) {
  std::vector<MemberActivity> out;
  for (const auto& r :
       c.q("SELECT a.id, a.kind, a.channel, a.held_on, a.summary, a.reached_count, a.revoked_at,"
           " (SELECT COUNT(*) FROM activity_members x WHERE x.activity_id = a.id) AS participants"
           " FROM activities a JOIN activity_members am ON am.activity_id = a.id WHERE"
           " am.member_id = $1 AND a.held_on >= $2 AND a.held_on <= $3 ORDER BY a.held_on, a.id",
           member_id, from, to)) {
    out.push_back({r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4),
                   static_cast<int>(r.int64(5)), static_cast<int>(r.int64(7)), !r.is_null(6)});
  }
  return out;
}

VisitTaskCounts visit_task_counts(storage::Connection& c, std::int64_t member_id,
                                  const std::string& from, const std::string& to,
                                  const std::string& today) {
  const auto r =
      c.q("SELECT COALESCE(SUM(CASE WHEN status = 'done' THEN 1 ELSE 0 END), 0),"
          " COALESCE(SUM(CASE WHEN status = 'open' AND due_on < $4 THEN 1 ELSE 0 END), 0)"
          " FROM visit_tasks WHERE member_id = $1 AND due_on >= $2 AND due_on <= $3",
          member_id, from, to, today);
  return {static_cast<int>(r.front().int64(0)), static_cast<int>(r.front().int64(1))};
}

}  // namespace tongxin::contact
