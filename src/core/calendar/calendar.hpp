// src/core/calendar/calendar.hpp
//
// The Chinese working-day calendar: which days government offices work, and deadlines
// such as "reply within 5 working days".
//
// A day is a working day when it is Monday–Friday and not a public holiday, or when it is a
// Saturday/Sunday that the State Council declared a make-up working day (调休上班). The
// holidays and make-up days come from data/holidays/YYYY.tsv (one file per yearly notice,
// see data/holidays/README.md). Outside the years those files cover only weekends are days
// off: the calendar never guesses a future year's holidays.
//
// Dates are civil dates in China (std::chrono::year_month_day); moments are milliseconds
// since the Unix epoch (UTC) as stored everywhere in Tongxin. China Standard Time is UTC+8
// all year. Invalid dates (2026-02-30) and negative day counts throw
// std::invalid_argument; results outside 0001-01-01..9999-12-31 throw std::out_of_range.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

namespace tongxin::calendar {

// China Standard Time is UTC+8 all year (no DST).
inline constexpr std::int64_t kChinaOffsetMs = 8LL * 3600 * 1000;

// One day listed in a holiday file.
struct Entry {
  bool working = false;  // false: holiday (放假); true: make-up working day (调休上班)
  std::string name;      // "春节", "春节调休上班"
};

class WorkCalendar {
 public:
  using Entry = calendar::Entry;

  // Loads every *.tsv in `dir` (named YYYY.tsv; see data/holidays/README.md). Throws
  // std::runtime_error naming file:line on a malformed line, a duplicate date (also across
  // files), a workday entry that is not a Saturday/Sunday; and on a missing or empty
  // directory, a file not named YYYY.tsv or a year missing between the first and the last.
  static std::shared_ptr<const WorkCalendar> load(const std::string& dir);

  // Built from entries directly (tests). Throws std::invalid_argument when a working entry
  // is not a Saturday/Sunday. covered_years() spans the entries' years.
  explicit WorkCalendar(std::map<std::chrono::sys_days, Entry> entries);

  // Mon–Fri unless a holiday; Sat/Sun only when a make-up working day.
  bool is_working_day(std::chrono::year_month_day d) const;
  // "春节", "春节调休上班", or nullopt for an ordinary day.
  std::optional<std::string> day_name(std::chrono::year_month_day d) const;

  // The n-th working day after `from` (n >= 1; `from` itself never counts, whether working
  // or not). n == 0 returns `from`. 3 working days after Fri 2026-02-13 is 2026-02-25
  // (Sat 2/14 is a make-up day, 2/15–2/23 is the Spring Festival).
  std::chrono::year_month_day add_working_days(std::chrono::year_month_day from, int n) const;
  // Working days in (from, to]; 0 when to <= from. For n >= 0,
  // working_days_between(d, add_working_days(d, n)) == n.
  int working_days_between(std::chrono::year_month_day from, std::chrono::year_month_day to) const;

  // Deadline for "within n working days" of a moment given as ms since the Unix epoch (UTC):
  // the end (23:59:59.999 China time) of the n-th working day after the China-time date of
  // start_ms, as ms since the epoch (UTC). n == 0: the end of that China-time day.
  std::int64_t deadline_ms(std::int64_t start_ms, int n) const;

  // Years covered by data files (first, last); outside them only weekends count as days off.
  // (0, 0) for a calendar built from no entries.
  std::pair<int, int> covered_years() const { return covered_; }

 private:
  std::int64_t working_days_in(std::chrono::sys_days after, std::chrono::sys_days upto) const;

  std::map<std::chrono::sys_days, Entry> entries_;
  std::int64_t holiday_count_ = 0;  // entries with working == false
  std::pair<int, int> covered_{0, 0};
};

// The China-time calendar date of a UTC ms timestamp.
std::chrono::year_month_day china_date(std::int64_t ms);

}  // namespace tongxin::calendar
