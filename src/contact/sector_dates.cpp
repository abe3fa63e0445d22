// src/contact/sector_dates.cpp
//
// Sector days (界别节日): when one next falls, on the solar or the lunar calendar, and
// archiving one. Firing them is triggers.cpp's work.
#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <mutex>
#include <tuple>

#include "contact/internal.hpp"
#include "core/calendar/dates.hpp"
#include "core/calendar/lunar.hpp"
#include "core/error.hpp"
#include "organisation/briefs.hpp"
#include "organisation/roster.hpp"

namespace tongxin::contact {

namespace {

// calendar::lunar_in_year walks the whole year through ICU; a list of sector days asks for
// the same few dates again and again, and their answers never change.
std::vector<std::chrono::year_month_day> lunar_dates(int year, int month, int day) {
  static std::mutex mutex;
  static std::map<std::tuple<int, int, int>, std::vector<std::chrono::year_month_day>> cache;
  const auto key = std::make_tuple(year, month, day);
  {
    const std::lock_guard lock(mutex);
    if (const auto it = cache.find(key); it != cache.end()) return it->second;
  }
  auto dates = calendar::lunar_in_year(year, month, day);
  const std::lock_guard lock(mutex);
  if (cache.size() > 4096) cache.clear();
  cache.emplace(key, dates);
  return dates;
}

SectorDate from_row(const storage::Row& r, const std::map<std::int64_t, std::string>& names,
                    std::chrono::year_month_day today) {
  SectorDate d;
  d.id = r.int64("id");
  d.conference_id = r.int64("conference_id");
  d.title = r.text("title");
  d.calendar = r.text("calendar");
  d.month = static_cast<int>(r.int64("month"));
  d.day = static_cast<int>(r.int64("day"));
  d.sector_ids = json_ids(r.text("sector_ids"));
  for (const auto id : d.sector_ids) {
    if (const auto it = names.find(id); it != names.end()) d.sectors.push_back({id, it->second});
  }
  d.archived = !r.is_null("archived_at");
  if (!d.archived) {
    if (const auto next = next_sector_day(d.calendar, d.month, d.day, today)) {
      d.next_on = calendar::iso_date(*next);
    }
  }
  d.last_fired_year = r.opt_int64("last_fired_year");
  d.created_at = r.int64("created_at");
  return d;
}

}  // namespace

SectorDate create_sector_date(storage::Connection& c, const audit::Actor& actor,
                              std::int64_t conference_id, const NewSectorDate& d,
                              std::chrono::year_month_day today, std::int64_t now_ms) {
  // A solar day must exist in its month (29 Feb in leap years); a lunar month has 29 or 30
  // days.
  const bool valid =
      d.month >= 1 && d.month <= 12 && d.day >= 1 &&
      (d.calendar == "lunar"
           ? d.day <= 30
           : std::chrono::year_month_day{std::chrono::year{2024},
                                         std::chrono::month{static_cast<unsigned>(d.month)},
                                         std::chrono::day{static_cast<unsigned>(d.day)}}
                 .ok());
  if (!valid) throw Error::invalid_field("day", "日期无效", "invalid month/day");
  auto sectors = d.sector_ids;
  std::sort(sectors.begin(), sectors.end());
  sectors.erase(std::unique(sectors.begin(), sectors.end()), sectors.end());
  if (sectors.empty()) {
    throw Error::invalid_field("sector_ids", "请选择涉及的界别", "sector_ids is required");
  }
  const auto names = organisation::live_sector_names(c, sectors, conference_id);
  if (names.size() != sectors.size()) {
    throw Error::invalid_field("sector_ids", "界别不存在或不属于本政协", "unknown sector");
  }
  boost::json::array ids;
  for (const auto s : sectors)
    ids.push_back(s);
  const auto id =
      c.q("INSERT INTO sector_dates (conference_id, title, sector_ids, calendar, month, day,"
          " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
          conference_id, d.title, boost::json::serialize(ids), d.calendar, d.month, d.day, now_ms)
          .front()
          .int64(0);
  audit::record(c, actor, {"sector_date.create", "sector_date", id, nullptr});
  return from_row(c.q("SELECT * FROM sector_dates WHERE id = $1", id).front(), names, today);
}

Page<SectorDate> sector_dates_in_scope(storage::Connection& c, const auth::Principal& p,
                                       bool archived, const std::string& calendar,
                                       std::int64_t after, int limit,
                                       std::chrono::year_month_day today) {
  Page<SectorDate> page;
  const auto scope = organisation::conferences_in_scope(c, p);
  if (scope.empty()) return page;
  std::vector<storage::Value> params{calendar, after, static_cast<std::int64_t>(limit) + 1};
  const auto in = placeholders(params, scope);
  const auto rows = c.query(std::string("SELECT * FROM sector_dates WHERE conference_id IN (") +
                                in + ") AND archived_at IS " + (archived ? "NOT NULL" : "NULL") +
                                " AND ($1 = '' OR calendar = $1) AND id > $2 ORDER BY id LIMIT $3",
                            params);
  const auto n = std::min(rows.size(), static_cast<std::size_t>(limit));
  if (rows.size() > n) page.next_after = rows[n - 1].int64("id");
  // The sectors' names of the whole page in one query.
  std::vector<std::int64_t> all;
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto id : json_ids(rows[i].text("sector_ids")))
      all.push_back(id);
  }
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  const auto names = organisation::names_of_sectors(c, all);
  for (std::size_t i = 0; i < n; ++i)
    page.items.push_back(from_row(rows[i], names, today));
  return page;
}

std::optional<SectorDate> find_sector_date(storage::Connection& c, std::int64_t id,
                                           std::chrono::year_month_day today) {
  const auto rows = c.q("SELECT * FROM sector_dates WHERE id = $1", id);
  if (rows.empty()) return std::nullopt;
  const auto r = rows.front();
  return from_row(r, organisation::names_of_sectors(c, json_ids(r.text("sector_ids"))), today);
}

std::optional<std::chrono::year_month_day> next_sector_day(std::string_view calendar, int month,
                                                           int day,
                                                           std::chrono::year_month_day from) {
  using namespace std::chrono;
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const int first = static_cast<int>(from.year());
  for (int y = first; y <= first + 10; ++y) {
    if (calendar == "solar") {
      const year_month_day d{year{y}, std::chrono::month{static_cast<unsigned>(month)},
                             std::chrono::day{static_cast<unsigned>(day)}};
      if (d.ok() && d >= from) return d;
    } else if (calendar == "lunar") {
      // At most two dates in a Gregorian year, in order.
      for (const auto d : lunar_dates(y, month, day)) {
        if (d >= from) return d;
      }
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt;
}

void archive_sector_date(storage::Connection& c, const audit::Actor& actor, std::int64_t id,
                         std::int64_t now_ms) {
  if (c.x("UPDATE sector_dates SET archived_at = $2 WHERE id = $1 AND archived_at IS NULL", id,
          now_ms) == 0) {
    if (c.q("SELECT 1 FROM sector_dates WHERE id = $1", id).empty()) {
      throw Error::not_found("sector_date.not_found", "界别节日不存在", "not found");
    }
    throw Error::conflict("sector_date.archived", "该界别节日已归档", "already archived");
  }
  audit::record(c, actor, {"sector_date.archive", "sector_date", id, nullptr});
}

}  // namespace tongxin::contact
