// src/contact/reception.cpp
//
// Reception days (委员接待日): a studio's monthly rota, the days it produces (moved to the
// next working day when the rota falls on a holiday), and the public schedule as JSON and
// as an iCalendar feed that phones subscribe to.
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

// RFC 5545 TEXT escaping.
std::string ics_text(std::string_view s) {
  std::string out;
  for (const char ch : s) {
    if (ch == '\\' || ch == ';' || ch == ',') {
      out += '\\';
      out += ch;
    } else if (ch == '\n') {
      out += "\\n";
    } else if (ch != '\r') {
      out += ch;
    }
  }
  return out;
}

// Lines are folded at 75 octets, never inside a UTF-8 sequence; CRLF ends each line.
void ics_line(std::string& out, const std::string& line) {
  std::size_t pos = 0;
  bool first = true;
  while (pos < line.size()) {
    std::size_t take = std::min<std::size_t>(first ? 75 : 74, line.size() - pos);
    while (pos + take < line.size() &&
           (static_cast<unsigned char>(line[pos + take]) & 0xC0) == 0x80) {
      --take;
    }
    if (!first) out += ' ';
    out.append(line, pos, take);
    out += "\r\n";
    pos += take;
    first = false;
  }
  if (line.empty()) out += "\r\n";
}

std::string compact_date(const std::string& iso) {  // 2026-03-11 → 20260311
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}
std::string compact_time(const std::string& hhmm) {  // 09:00 → 090000
  return hhmm.substr(0, 2) + hhmm.substr(3, 2) + "00";
}

bool valid_time(const std::string& t) {
  return t.size() == 5 && t[2] == ':' && std::isdigit(static_cast<unsigned char>(t[0])) &&
         std::isdigit(static_cast<unsigned char>(t[1])) &&
         std::isdigit(static_cast<unsigned char>(t[3])) &&
         std::isdigit(static_cast<unsigned char>(t[4])) && t.substr(0, 2) < "24" &&
         t.substr(3, 2) < "60";
}

}  // namespace

std::chrono::year_month_day rota_date(const Rota& rota, std::chrono::year_month ym,
                                      const calendar::WorkCalendar& cal) {
  using namespace std::chrono;
  // ISO weekday 1..7 → std::chrono::weekday (0 = Sunday).
  const weekday wd{static_cast<unsigned>(rota.weekday % 7)};
  year_month_day d;
  if (rota.week_of_month == 5) {
    d = year_month_day{sys_days{year_month_weekday_last{ym.year(), ym.month(), weekday_last{wd}}}};
  } else {
    d = year_month_day{sys_days{year_month_weekday{
        ym.year(), ym.month(), weekday_indexed{wd, static_cast<unsigned>(rota.week_of_month)}}}};
  }
  if (rota.skip_holidays) {
    while (!cal.is_working_day(d))
      d = year_month_day{sys_days{d} + days{1}};
  }
  return d;
}

namespace {
Rota load_rota(storage::Connection& c, std::int64_t studio_id) {
  const auto rows = c.q("SELECT * FROM reception_rotas WHERE studio_id = $1", studio_id);
  if (rows.empty()) {
    throw Error::not_found("reception.no_rota", "该工作室尚未设置接待日安排",
                           "no rota for the studio");
  }
  const auto r = rows.front();
  Rota rota;
  rota.week_of_month = static_cast<int>(r.int64("week_of_month"));
  rota.weekday = static_cast<int>(r.int64("weekday"));
  rota.start_time = r.text("start_time");
  rota.end_time = r.text("end_time");
  rota.place = r.text("place");
  rota.skip_holidays = r.boolean("skip_holidays");
  const auto members = json::parse(r.text("member_ids"));  // outlives the loop (pre-C++23)
  for (const auto& v : members.as_array()) {
    if (v.is_int64()) rota.member_ids.push_back(v.as_int64());
  }
  return rota;
}
}  // namespace

void save_rota(storage::Connection& c, std::int64_t studio_id, const Rota& rota,
               std::int64_t now_ms) {
  if (rota.week_of_month < 1 || rota.week_of_month > 5) {
    throw Error::invalid_field("week_of_month", "第几周应为1到5（5表示最后一周）",
                               "week_of_month is 1..5 (5 = last)");
  }
  if (rota.weekday < 1 || rota.weekday > 7) {
    throw Error::invalid_field("weekday", "星期应为1（周一）到7（周日）", "weekday is 1..7");
  }
  if (!valid_time(rota.start_time) || !valid_time(rota.end_time) ||
      rota.end_time <= rota.start_time) {
    throw Error::invalid_field("start_time", "接待时间格式应为HH:MM，且结束晚于开始",
                               "times are HH:MM and end after start");
  }
  json::array members;
  for (const auto m : rota.member_ids)
    members.push_back(m);
  c.x("INSERT INTO reception_rotas (studio_id, week_of_month, weekday, start_time, end_time,"
      " place, member_ids, skip_holidays, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
      " ON CONFLICT (studio_id) DO UPDATE SET week_of_month = excluded.week_of_month,"
      " weekday = excluded.weekday, start_time = excluded.start_time, end_time ="
      " excluded.end_time, place = excluded.place, member_ids = excluded.member_ids,"
      " skip_holidays = excluded.skip_holidays, updated_at = excluded.updated_at",
      studio_id, rota.week_of_month, rota.weekday, rota.start_time, rota.end_time, rota.place,
      json::serialize(members), rota.skip_holidays, now_ms);
}

Rota get_rota(storage::Connection& c, std::int64_t studio_id) {
  return load_rota(c, studio_id);
}

int generate_reception_days(storage::Connection& c, const ServiceContext& ctx,
                            std::int64_t studio_id, std::chrono::year_month from, int months,
                            std::int64_t now_ms) {
  const auto rota = load_rota(c, studio_id);
  int created = 0;
  auto ym = from;
  for (int i = 0; i < months; ++i, ym += std::chrono::months{1}) {
    const auto day = calendar::iso_date(rota_date(rota, ym, *ctx.calendar));
    const auto rows = c.q(
        "INSERT INTO reception_days (studio_id, held_on, start_time, end_time, place, created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (studio_id, held_on) DO NOTHING RETURNING id",
        studio_id, day, rota.start_time, rota.end_time, rota.place, now_ms);
    if (rows.empty()) continue;
    ++created;
    if (rota.member_ids.empty()) continue;
    // The members on duty, in one statement.
    std::vector<storage::Value> params{rows.front().int64(0)};
    std::string values;
    for (const auto m : rota.member_ids) {
      params.emplace_back(m);
      values += (values.empty() ? "($1, $" : ", ($1, $") + std::to_string(params.size()) + ")";
    }
    c.execute("INSERT INTO reception_duty (reception_day_id, member_id) VALUES " + values +
                  " ON CONFLICT DO NOTHING",
              params);
  }
  return created;
}

LoggedActivity hold_reception_day(storage::Connection& c, const ServiceContext& ctx,
                                  const audit::Actor& actor, std::int64_t reception_day_id,
                                  const HeldReceptionDay& held, std::int64_t now_ms) {
  const auto rows = c.q("SELECT * FROM reception_days WHERE id = $1", reception_day_id);
  if (rows.empty()) throw Error::not_found("reception_day.not_found", "接待日不存在", "not found");
  const auto d = rows.front();
  if (d.text("status") != "scheduled") {
    throw Error::conflict("reception_day.not_scheduled", "该接待日已登记或已取消",
                          "already held or cancelled");
  }
  const auto s = organisation::find_studio(c, d.int64("studio_id"));
  // Who may record it: staff over the studio's conference, the studio's own lead, or a member
  // on duty that day (any member of the studio when nobody was on the rota).
  if (actor.principal) {
    const auto& p = *actor.principal;
    const bool staff = p.has_any({auth::Role::staff, auth::Role::admin}) && s &&
                       organisation::in_scope(c, p, s->conference_id);
    const bool lead = p.has(auth::Role::studio_lead) && p.studio_id == d.int64("studio_id");
    bool on_duty = false;
    if (p.member_id) {
      const auto duty =
          c.q("SELECT member_id FROM reception_duty WHERE reception_day_id = $1", reception_day_id);
      for (const auto& m : duty)
        on_duty = on_duty || m.int64(0) == *p.member_id;
      if (duty.empty() && s) {
        if (const auto m = organisation::find_member(c, *p.member_id)) {
          for (const auto& st : m->studios)
            on_duty = on_duty || st.id == s->id;
        }
      }
    }
    if (!staff && !lead && !on_duty) {
      throw Error::forbidden("reception_day.not_yours",
                             "只有值班委员、工作室召集人或工作人员可以登记该接待日",
                             "only the members on duty, the studio's lead or staff record it");
    }
  }
  NewActivity a;
  a.kind = "reception_day";
  a.held_on = d.text("held_on");
  a.place = d.text("place");
  a.studio_id = d.int64("studio_id");
  for (const auto& m :
       c.q("SELECT member_id FROM reception_duty WHERE reception_day_id = $1 ORDER BY member_id",
           reception_day_id)) {
    a.member_ids.push_back(m.int64(0));
  }
  if (a.member_ids.empty() && held.fallback_member) a.member_ids.push_back(*held.fallback_member);
  a.key_contact_ids = held.key_contact_ids;
  a.reached_count = held.reached_count;
  a.summary = held.summary;
  a.conference_id = s ? s->conference_id : held.fallback_conference;
  const auto logged = log_activity(c, ctx, actor, a, now_ms);
  c.x("UPDATE reception_days SET status = 'held', activity_id = $2 WHERE id = $1", reception_day_id,
      logged.id);
  return logged;
}

json::array upcoming_reception_days(storage::Connection& c, std::int64_t studio_id,
                                    const std::string& from, int limit) {
  const auto days =
      c.q("SELECT id, held_on, start_time, end_time, place, status FROM reception_days WHERE"
          " studio_id = $1 AND held_on >= $2 AND status = 'scheduled' ORDER BY held_on LIMIT $3",
          studio_id, from, limit);
  // The members on duty of all these days in one query, their public names in another.
  std::vector<std::int64_t> ids;
  for (const auto& r : days)
    ids.push_back(r.int64(0));
  std::map<std::int64_t, std::vector<std::int64_t>> duty;
  std::vector<std::int64_t> members;
  if (!ids.empty()) {
    std::vector<storage::Value> params;
    const auto in = placeholders(params, ids);
    for (const auto& r : c.query("SELECT reception_day_id, member_id FROM reception_duty WHERE"
                                 " reception_day_id IN (" +
                                     in + ") ORDER BY reception_day_id, member_id",
                                 params)) {
      duty[r.int64(0)].push_back(r.int64(1));
      members.push_back(r.int64(1));
    }
  }
  const auto names = organisation::public_names_of_members(c, members);
  json::array out;
  for (const auto& r : days) {
    json::array on_duty;
    for (const auto m : duty[r.int64(0)]) {
      if (const auto it = names.find(m); it != names.end())
        on_duty.push_back(json::object{{"id", m}, {"name", it->second}});
    }
    out.push_back(json::object{{"id", r.int64(0)},
                               {"date", r.text(1)},
                               {"start_time", r.text(2)},
                               {"end_time", r.text(3)},
                               {"place", r.text(4)},
                               {"members", std::move(on_duty)}});
  }
  return out;
}

std::string reception_days_ics(storage::Connection& c, const ServiceContext& ctx,
                               std::int64_t studio_id, const std::string& from) {
  const auto studio = organisation::find_studio(c, studio_id);
  if (!studio) throw Error::not_found("studio.not_found", "委员工作室不存在", "studio not found");
  std::string host = ctx.config.public_base_url;
  if (const auto p = host.find("://"); p != std::string::npos) host = host.substr(p + 3);
  if (const auto p = host.find_first_of(":/"); p != std::string::npos) host = host.substr(0, p);
  std::string out;
  ics_line(out, "BEGIN:VCALENDAR");
  ics_line(out, "VERSION:2.0");
  ics_line(out, "PRODID:-//Tongxin//Reception days//ZH");
  ics_line(out, "CALSCALE:GREGORIAN");
  ics_line(out, "X-WR-CALNAME:" + ics_text(studio->name + " 委员接待日"));
  ics_line(out, "X-WR-TIMEZONE:Asia/Shanghai");
  // China Standard Time has had no daylight saving since 1991.
  ics_line(out, "BEGIN:VTIMEZONE");
  ics_line(out, "TZID:Asia/Shanghai");
  ics_line(out, "BEGIN:STANDARD");
  ics_line(out, "DTSTART:19910915T000000");
  ics_line(out, "TZOFFSETFROM:+0800");
  ics_line(out, "TZOFFSETTO:+0800");
  ics_line(out, "TZNAME:CST");
  ics_line(out, "END:STANDARD");
  ics_line(out, "END:VTIMEZONE");
  const auto stamp = calendar::iso_date(calendar::china_date(audit::now_ms()));
  for (const auto& v : upcoming_reception_days(c, studio_id, from, 24)) {
    const auto& d = v.as_object();
    std::string names;
    for (const auto& m : d.at("members").as_array()) {
      names += (names.empty() ? "" : "、") + std::string(m.at("name").as_string());
    }
    const std::string date(d.at("date").as_string());
    ics_line(out, "BEGIN:VEVENT");
    ics_line(out, "UID:reception-day-" + std::to_string(d.at("id").as_int64()) + "@" + host);
    ics_line(out, "DTSTAMP:" + compact_date(stamp) + "T000000Z");
    ics_line(out, "DTSTART;TZID=Asia/Shanghai:" + compact_date(date) + "T" +
                      compact_time(std::string(d.at("start_time").as_string())));
    ics_line(out, "DTEND;TZID=Asia/Shanghai:" + compact_date(date) + "T" +
                      compact_time(std::string(d.at("end_time").as_string())));
    ics_line(out, "SUMMARY:" + ics_text(studio->name + " 委员接待日"));
    const std::string place(d.at("place").as_string());
    ics_line(out, "LOCATION:" + ics_text(place.empty() ? studio->name : place));
    ics_line(out, "DESCRIPTION:" + ics_text(names.empty()
                                                ? "委员接待群众，欢迎来访反映问题。"
                                                : "接待委员：" + names + "。欢迎来访反映问题。"));
    ics_line(out, "URL:" + ctx.config.public_base_url + "/s/" + std::to_string(studio_id));
    ics_line(out, "END:VEVENT");
  }
  ics_line(out, "END:VCALENDAR");
  return out;
}

}  // namespace tongxin::contact
