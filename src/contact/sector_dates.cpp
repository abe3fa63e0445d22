// src/contact/sector_dates.cpp
//
// Sector days (界别节日): when one next falls, on the solar or the lunar calendar, and
// archiving one. Firing them is triggers.cpp's work.
#include <map>
#include <mutex>
#include <tuple>

#include "contact/contact.hpp"
#include "core/calendar/lunar.hpp"
#include "core/error.hpp"

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

}  // namespace

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
