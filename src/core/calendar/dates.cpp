// src/core/calendar/dates.cpp
#include "core/calendar/dates.hpp"

#include <cstdio>
#include <stdexcept>

#include "core/calendar/calendar.hpp"
#include "core/error.hpp"

namespace tongxin::calendar {

using namespace std::chrono;

namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

bool whole_month(year_month_day from, year_month_day to) {
  return from.day() == day{1} && from.year() == to.year() && from.month() == to.month() &&
         year_month_day{year_month_day_last{to.year(), month_day_last{to.month()}}} == to;
}

bool whole_year(year_month_day from, year_month_day to) {
  return from == year_month_day{from.year() / January / 1} &&
         to == year_month_day{from.year() / December / 31};
}

}  // namespace

std::string iso_date(year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

std::optional<year_month_day> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (std::size_t k = 0; k < lengths[i]; ++k) {
      const char ch = text[starts[i] + k];
      if (ch < '0' || ch > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (ch - '0');
    }
  }
  const year_month_day ymd{year{parts[0]}, month{static_cast<unsigned>(parts[1])},
                           day{static_cast<unsigned>(parts[2])}};
  if (!ymd.ok() || parts[0] < 2000 || parts[0] > 2100) return std::nullopt;
  return ymd;
}

year_month_day required_iso_date(std::string_view text, const std::string& field) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    throw Error::invalid_field(field, "日期格式应为 YYYY-MM-DD", "dates are YYYY-MM-DD");
  }
  const auto d = parse_iso_date(text);
  if (!d) throw Error::invalid_field(field, "日期无效", "invalid date");
  return *d;
}

std::int64_t day_start_ms(year_month_day d) {
  return static_cast<std::int64_t>(sys_days{d}.time_since_epoch().count()) * kDayMs -
         kChinaOffsetMs;
}

std::int64_t day_end_ms(year_month_day d) {
  return day_start_ms(d) + kDayMs - 1;
}

std::int64_t china_ms(year_month_day d, int hour, int minute) {
  return day_start_ms(d) + (static_cast<std::int64_t>(hour) * 60 + minute) * 60000;
}

int china_minute(std::int64_t ms) {
  const auto in_day = ((ms + kChinaOffsetMs) % kDayMs + kDayMs) % kDayMs;
  return static_cast<int>(in_day / 60000);
}

std::string iso_china_time(std::int64_t ms) {
  const auto local = ms + kChinaOffsetMs;
  const auto day_number = floor_div(local, kDayMs);
  const auto in_day = local - day_number * kDayMs;
  const year_month_day d{sys_days{days{day_number}}};
  const auto secs = in_day / 1000;
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d+08:00", iso_date(d).c_str(),
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

Period Period::year(int y) {
  return {std::chrono::year{y} / January / 1, std::chrono::year{y} / December / 31};
}

Period Period::quarter(int y, int q) {
  if (q < 1 || q > 4) throw std::invalid_argument("quarter must be 1..4");
  const auto first = std::chrono::month{static_cast<unsigned>(q * 3 - 2)};
  const auto last = std::chrono::month{static_cast<unsigned>(q * 3)};
  return {std::chrono::year{y} / first / 1,
          year_month_day{year_month_day_last{std::chrono::year{y}, month_day_last{last}}}};
}

Period Period::month(int y, unsigned m) {
  if (m < 1 || m > 12) throw std::invalid_argument("month must be 1..12");
  return {std::chrono::year{y} / std::chrono::month{m} / 1,
          year_month_day{
              year_month_day_last{std::chrono::year{y}, month_day_last{std::chrono::month{m}}}}};
}

Period Period::range(year_month_day from, year_month_day to) {
  if (!from.ok() || !to.ok() || to < from) throw std::invalid_argument("period: to before from");
  return {from, to};
}

int Period::days() const {
  return static_cast<int>((sys_days{to} - sys_days{from}).count()) + 1;
}

Period Period::previous() const {
  if (whole_year(from, to)) return year(static_cast<int>(from.year()) - 1);
  if (whole_month(from, to)) {
    const auto prev = std::chrono::year_month{from.year(), from.month()} - months{1};
    return month(static_cast<int>(prev.year()), static_cast<unsigned>(prev.month()));
  }
  const auto mo = static_cast<unsigned>(from.month());
  if (from.day() == day{1} && (mo - 1) % 3 == 0 &&
      *this == quarter(static_cast<int>(from.year()), static_cast<int>((mo - 1) / 3 + 1))) {
    const int q = static_cast<int>((mo - 1) / 3 + 1);
    return q == 1 ? quarter(static_cast<int>(from.year()) - 1, 4)
                  : quarter(static_cast<int>(from.year()), q - 1);
  }
  const sys_days end = sys_days{from} - std::chrono::days{1};
  return {year_month_day{end - std::chrono::days{days() - 1}}, year_month_day{end}};
}

}  // namespace tongxin::calendar
