// src/core/calendar/dates.hpp
//
// Civil dates in China and the periods reports count over. The one place that writes and
// reads "YYYY-MM-DD" and turns a China-time day into epoch milliseconds (every module used
// to carry its own copy). Moments are ms since the Unix epoch (UTC), as stored everywhere;
// China Standard Time is UTC+8 all year.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tongxin::calendar {

// "2026-03-05".
std::string iso_date(std::chrono::year_month_day d);
// The date of "YYYY-MM-DD" (exactly ten characters, a real date, year 2000–2100), or nullopt.
std::optional<std::chrono::year_month_day> parse_iso_date(std::string_view text);
// As parse_iso_date, but throws tongxin::Error 400 validation.invalid_field naming `field`
// with a Chinese message ("日期格式应为 YYYY-MM-DD" or "日期无效").
std::chrono::year_month_day required_iso_date(std::string_view text, const std::string& field);

// The first millisecond (00:00 China time) of day d, as ms since the epoch (UTC).
std::int64_t day_start_ms(std::chrono::year_month_day d);
// The last millisecond (23:59:59.999 China time) of day d.
std::int64_t day_end_ms(std::chrono::year_month_day d);
// A moment of a China-time day, hh:mm.
std::int64_t china_ms(std::chrono::year_month_day d, int hour, int minute);
// Minutes since 00:00 China time of a moment (0–1439).
int china_minute(std::int64_t ms);
// "2026-03-05T14:30:00+08:00": a moment in China time with its offset (exports, feeds).
std::string iso_china_time(std::int64_t ms);

// A closed range of China-time days [from, to] that figures are counted over: a year, a
// quarter, a month or any custom range. REQUIRES: from <= to (the factories check it).
struct Period {
  std::chrono::year_month_day from;
  std::chrono::year_month_day to;

  static Period year(int y);
  static Period quarter(int y, int q);  // q in 1..4, else std::invalid_argument
  static Period month(int y, unsigned m);
  // Throws std::invalid_argument when to < from.
  static Period range(std::chrono::year_month_day from, std::chrono::year_month_day to);

  // The period of the same length that ends the day before `from` (a year's previous is
  // the previous year, a month's the previous month when both are whole calendar units).
  Period previous() const;
  int days() const;  // number of days, from and to included
  bool contains(std::chrono::year_month_day d) const { return from <= d && d <= to; }
  std::int64_t from_ms() const { return day_start_ms(from); }
  std::int64_t to_ms() const { return day_end_ms(to); }
  bool operator==(const Period&) const = default;
};

}  // namespace tongxin::calendar
