// src/contact/triggers.cpp
//
// 八必访: an occasion fires a trigger, the trigger creates visit tasks (member × key
// contact, due date), a logged contact closes them (activities.cpp).
#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "contact/internal.hpp"
#include "core/calendar/calendar.hpp"
#include "core/calendar/dates.hpp"
#include "core/calendar/lunar.hpp"
#include "core/error.hpp"
#include "core/notify/notify.hpp"
#include "organisation/briefs.hpp"
#include "organisation/roster.hpp"

namespace tongxin::contact {

namespace json = boost::json;

namespace {

constexpr std::string_view kOccasions[] = {"speech",      "congress", "policy",     "plenary",
                                           "life_change", "demand",   "difficulty", "sector_day"};

std::string occasion_label(std::string_view o) {
  if (o == "speech") return "重要讲话或指示后";
  if (o == "congress") return "重要会议闭幕后";
  if (o == "policy") return "相关政策出台后";
  if (o == "plenary") return "全会召开前";
  if (o == "life_change") return "联系人工作生活发生重大变化时";
  if (o == "demand") return "联系人提出重要诉求时";
  if (o == "difficulty") return "联系人遇到严重困难时";
  return "界别节日纪念日";
}

}  // namespace

FiredTrigger fire_trigger(storage::Connection& c, const ServiceContext& ctx,
                          const audit::Actor& actor, const NewTrigger& t, std::int64_t now_ms) {
  (void)ctx;
  if (std::find(std::begin(kOccasions), std::end(kOccasions), t.occasion) == std::end(kOccasions)) {
    throw Error::invalid_field("occasion", "未知的必访情形", "unknown occasion");
  }
  if (t.title.empty()) throw Error::invalid_field("title", "请填写事由", "title is required");
  if (t.due_days < 1 || t.due_days > 90) {
    throw Error::invalid_field("due_days", "完成期限应为1到90天", "due_days must be 1..90");
  }
  const auto fired = calendar::required_iso_date(t.fired_on, "fired_on");
  const auto due = calendar::iso_date(
      std::chrono::year_month_day{std::chrono::sys_days(fired) + std::chrono::days{t.due_days}});
  // Who is concerned: (member, key contact) pairs.
  std::vector<std::pair<std::int64_t, std::int64_t>> pairs;
  if (t.key_contact_id) {
    const auto r = c.q("SELECT member_id FROM key_contacts WHERE id = $1 AND archived_at IS NULL",
                       *t.key_contact_id);
    if (r.empty()) throw Error::invalid_field("key_contact_id", "联系人不存在", "unknown contact");
    pairs.emplace_back(r.front().int64(0), *t.key_contact_id);
  } else {
    if (t.sector_ids.empty()) {
      throw Error::invalid_field("sector_ids", "请选择涉及的界别", "sector_ids is required");
    }
    for (const auto s : t.sector_ids) {
      const auto members = organisation::live_members_of_sector(c, t.conference_id, s);
      if (members.empty()) continue;
      std::vector<storage::Value> params;
      const auto in = placeholders(params, members);
      for (const auto& r : c.query("SELECT member_id, id FROM key_contacts WHERE member_id IN (" +
                                       in + ") AND archived_at IS NULL ORDER BY id",
                                   params)) {
        pairs.emplace_back(r.int64(0), r.int64(1));
      }
    }
  }
  json::array sectors;
  for (const auto s : t.sector_ids)
    sectors.push_back(s);
  const auto id =
      c.q("INSERT INTO visit_triggers (conference_id, occasion, title, source, sector_ids,"
          " key_contact_id, sector_date_id, fired_on, due_on, created_by, created_at)"
          " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
          t.conference_id, t.occasion, t.title, t.source, json::serialize(sectors),
          t.key_contact_id, t.sector_date_id, calendar::iso_date(fired), due, actor.user_id(),
          now_ms)
          .front()
          .int64(0);
  FiredTrigger out{id, 0};
  std::map<std::int64_t, int> per_member;
  for (const auto& [member, contact] : pairs) {
    out.tasks += static_cast<int>(
        c.x("INSERT INTO visit_tasks (trigger_id, member_id, key_contact_id, due_on, created_at)"
            " VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            id, member, contact, due, now_ms));
    ++per_member[member];
  }
  for (const auto& [member, n] : per_member) {
    notify::send_all(c, notify::users_of_member(c, member),
                     {"visit.tasks", "八必访：" + occasion_label(t.occasion),
                      t.title + "。请在" + due + "前走访" + std::to_string(n) + "位联系人。",
                      "/my/visits", "visit_trigger", id},
                     now_ms);
  }
  audit::record(c, actor,
                {"visit_trigger.fire", "visit_trigger", id,
                 json::object{{"occasion", t.occasion}, {"tasks", out.tasks}}});
  return out;
}

int fire_sector_days(storage::Connection& c, const ServiceContext& ctx,
                     std::chrono::year_month_day today, std::int64_t now_ms) {
  const int year = static_cast<int>(today.year());
  int fired = 0;
  for (const auto& r :
       c.q("SELECT id, conference_id, title, sector_ids, calendar, month, day FROM sector_dates"
           " WHERE (last_fired_year IS NULL OR last_fired_year < $1) AND archived_at IS NULL",
           year)) {
    const int month = static_cast<int>(r.int64("month"));
    const int day = static_cast<int>(r.int64("day"));
    bool due = false;
    if (r.text("calendar") == "solar") {
      due = static_cast<unsigned>(today.month()) == static_cast<unsigned>(month) &&
            static_cast<unsigned>(today.day()) == static_cast<unsigned>(day);
    } else {
      for (const auto d : calendar::lunar_in_year(year, month, day))
        due = due || d == today;
    }
    if (!due) continue;
    if (c.x("UPDATE sector_dates SET last_fired_year = $2 WHERE id = $1 AND"
            " (last_fired_year IS NULL OR last_fired_year < $2)",
            r.int64("id"), year) == 0) {
      continue;
    }
    NewTrigger t;
    t.conference_id = r.int64("conference_id");
    t.occasion = "sector_day";
    t.title = r.text("title");
    t.source = "calendar";
    t.sector_ids = json_ids(r.text("sector_ids"));
    t.sector_date_id = r.int64("id");
    t.fired_on = calendar::iso_date(today);
    t.due_days = 7;
    fire_trigger(c, ctx, {std::nullopt, "", "sweeper"}, t, now_ms);
    ++fired;
  }
  return fired;
}

std::vector<VisitTrigger> visit_triggers_in_scope(storage::Connection& c,
                                                  const auth::Principal& p) {
  std::vector<VisitTrigger> out;
  const auto scope = organisation::conferences_in_scope(c, p);
  if (scope.empty()) return out;
  std::vector<storage::Value> params;
  const auto in = placeholders(params, scope);
  for (const auto& r : c.query("SELECT t.*, (SELECT COUNT(*) FROM visit_tasks v WHERE"
                               " v.trigger_id = t.id) AS tasks, (SELECT COUNT(*) FROM visit_tasks v"
                               " WHERE v.trigger_id = t.id AND v.status = 'done') AS done FROM"
                               " visit_triggers t WHERE t.conference_id IN (" +
                                   in + ") ORDER BY t.id DESC LIMIT 100",
                               params)) {
    out.push_back({r.int64("id"), r.text("occasion"), r.text("title"), r.text("source"),
                   r.text("fired_on"), r.text("due_on"), r.int64("tasks"), r.int64("done")});
  }
  return out;
}

std::vector<VisitTask> visit_tasks_of_member(storage::Connection& c, std::int64_t member_id,
                                             const std::string& status, const std::string& today) {
  std::vector<VisitTask> out;
  // Tasks cancelled with their contact show only when asked for.
  for (const auto& r :
       c.q("SELECT v.id, v.due_on, v.status, v.done_activity_id, t.title, t.occasion,"
           " k.id AS contact_id, k.name_masked FROM visit_tasks v JOIN visit_triggers t ON"
           " t.id = v.trigger_id JOIN key_contacts k ON k.id = v.key_contact_id WHERE"
           " v.member_id = $1 AND (($2 = '' AND v.status <> 'cancelled') OR ($2 ="
           " 'overdue' AND v.status = 'open' AND v.due_on < $3) OR v.status = $2)"
           " ORDER BY v.status DESC, v.due_on, v.id LIMIT 200",
           member_id, status, today)) {
    VisitTask v;
    v.id = r.int64("id");
    v.due_on = r.text("due_on");
    v.status = r.text("status");
    v.overdue = v.status == "open" && v.due_on < today;
    v.title = r.text("title");
    v.occasion = r.text("occasion");
    v.key_contact_id = r.int64("contact_id");
    v.key_contact = r.text("name_masked");
    v.done_activity_id = r.opt_int64("done_activity_id");
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace tongxin::contact
