// src/contact/triggers.cpp
//
// 八必访: an occasion fires a trigger, the trigger creates visit tasks (member × key
// contact, due date), a logged contact closes them (activities.cpp).
#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "contact/contact.hpp"
#include "core/calendar/calendar.hpp"
#include "core/calendar/lunar.hpp"
#include "core/error.hpp"
#include "core/notify/notify.hpp"

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

std::vector<std::int64_t> json_ids(const std::string& text) {
  std::vector<std::int64_t> out;
  boost::system::error_code ec;
  const auto v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (x.is_int64()) out.push_back(x.as_int64());
  }
  return out;
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
  const auto fired = parse_date(t.fired_on, "fired_on");
  const auto due = iso_date(
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
      for (const auto& r :
           c.q("SELECT k.member_id, k.id FROM key_contacts k JOIN members m ON m.id = k.member_id"
               " WHERE m.sector_id = $1 AND m.conference_id = $2 AND m.archived_at IS NULL AND"
               " k.archived_at IS NULL ORDER BY k.id",
               s, t.conference_id)) {
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
          t.key_contact_id, t.sector_date_id, iso_date(fired), due, actor.user_id(), now_ms)
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
    t.fired_on = iso_date(today);
    t.due_days = 7;
    fire_trigger(c, ctx, {std::nullopt, "", "sweeper"}, t, now_ms);
    ++fired;
  }
  return fired;
}

}  // namespace tongxin::contact
