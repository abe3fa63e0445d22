// src/core/calendar/calendar.cpp
#include "core/calendar/calendar.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace tongxin::calendar {

namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
constexpr sys_days kFirstDay{std::chrono::year{1} / std::chrono::January / 1};
constexpr sys_days kLastDay{std::chrono::year{9999} / std::chrono::December / 31};
// 1970-01-05, the first Monday of the Unix epoch: the origin for counting weekdays.
constexpr sys_days kMonday{days{4}};

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

bool is_weekend(sys_days d) {
  const unsigned wd = std::chrono::weekday{d}.c_encoding();  // 0 = Sunday
  return wd == 0 || wd == 6;
}

// Monday–Friday days in [kMonday, kMonday + t) for t >= 0, minus those in [kMonday + t,
// kMonday) for t < 0; so weekdays in [a, b) = weekdays_before(b) - weekdays_before(a).
std::int64_t weekdays_before(sys_days d) {
  const std::int64_t t = (d - kMonday).count();
  const std::int64_t weeks = floor_div(t, 7);
  return 5 * weeks + std::min<std::int64_t>(t - 7 * weeks, 5);
}

sys_days checked(year_month_day d) {
  if (!d.ok()) throw std::invalid_argument("calendar: invalid date");
  return sys_days{d};
}

std::string iso(sys_days d) {
  const year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view digits) {
  int v = 0;
  for (const char c : digits)
    v = v * 10 + (c - '0');
  return v;
}

// "YYYY-MM-DD" → date; nullopt for anything else, including 2026-02-30.
std::optional<sys_days> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const auto y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  const year_month_day ymd{std::chrono::year{to_int(y)},
                           std::chrono::month{static_cast<unsigned>(to_int(m))},
                           std::chrono::day{static_cast<unsigned>(to_int(d))}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (true) {
    const auto tab = line.find('\t', pos);
    out.push_back(
        line.substr(pos, tab == std::string_view::npos ? std::string_view::npos : tab - pos));
    if (tab == std::string_view::npos) return out;
    pos = tab + 1;
  }
}

// Reads one YYYY.tsv into `entries`; `origins` remembers where each date was listed so a
// duplicate (also across files) can name both places.
void parse_file(const std::filesystem::path& path, int file_year,
                std::map<sys_days, Entry>& entries, std::map<sys_days, std::string>& origins) {
  const std::string file = path.string();
  std::ifstream in(path);
  if (!in) throw std::runtime_error("holidays: cannot read " + file);
  std::string line;
  std::size_t line_no = 0;
  bool header_seen = false;
  while (std::getline(in, line)) {
    ++line_no;
    std::string where = file;
    where += ":" + std::to_string(line_no);
    const auto fail = [&](const std::string& why) {
      throw std::runtime_error("holidays: " + where + ": " + why);
    };
    if (line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // UTF-8 BOM
    if (!line.empty() && line.back() == '\r') line.pop_back();               // CRLF
    if (line.empty() || line[0] == '#') continue;
    if (!header_seen) {
      if (line != "date\tkind\tname") fail("expected the header line \"date<TAB>kind<TAB>name\"");
      header_seen = true;
      continue;
    }
    const auto fields = split_tabs(line);
    if (fields.size() != 3) {
      fail("expected 3 tab-separated fields (date, kind, name), found " +
           std::to_string(fields.size()));
    }
    const auto date = parse_date(fields[0]);
    if (!date) fail("bad date \"" + std::string(fields[0]) + "\" (want YYYY-MM-DD)");
    const int year = static_cast<int>(year_month_day{*date}.year());
    if (year < file_year - 1 || year > file_year + 1) {
      fail("date " + iso(*date) + " is too far from the file's year " + std::to_string(file_year));
    }
    Entry entry;
    if (fields[1] == "holiday") {
      entry.working = false;
    } else if (fields[1] == "workday") {
      entry.working = true;
      if (!is_weekend(*date)) fail("workday " + iso(*date) + " is not a Saturday or Sunday");
    } else {
      fail("kind must be holiday or workday, not \"" + std::string(fields[1]) + "\"");
    }
    if (fields[2].empty()) fail("empty name");
    entry.name = std::string(fields[2]);
    if (const auto it = origins.find(*date); it != origins.end())
      fail("duplicate date " + iso(*date) + " (first listed at " + it->second + ")");
    origins.emplace(*date, where);
    entries.emplace(*date, std::move(entry));
  }
  if (!header_seen) {
    throw std::runtime_error("holidays: " + file + ":" + std::to_string(line_no + 1) +
                             ": missing the header line \"date<TAB>kind<TAB>name\"");
  }
}

}  // namespace

std::shared_ptr<const WorkCalendar> WorkCalendar::load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw std::runtime_error("holidays: no directory " + dir);
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".tsv") files.push_back(e.path());
  }
  if (files.empty()) throw std::runtime_error("holidays: no *.tsv files in " + dir);
  std::sort(files.begin(), files.end());

  std::map<sys_days, Entry> entries;
  std::map<sys_days, std::string> origins;
  std::vector<int> years;
  for (const auto& f : files) {
    const std::string stem = f.stem().string();
    if (stem.size() != 4 || !all_digits(stem))
      throw std::runtime_error("holidays: " + f.string() + ": file name must be YYYY.tsv");
    const int year = to_int(stem);
    if (!years.empty() && year != years.back() + 1) {
      throw std::runtime_error("holidays: " + dir + ": missing " +
                               std::to_string(years.back() + 1) + ".tsv between " +
                               std::to_string(years.back()) + ".tsv and " + f.filename().string());
    }
    years.push_back(year);
    parse_file(f, year, entries, origins);
  }
  auto calendar = std::make_shared<WorkCalendar>(std::move(entries));
  calendar->covered_ = {years.front(), years.back()};
  return calendar;
}

WorkCalendar::WorkCalendar(std::map<sys_days, Entry> entries) : entries_(std::move(entries)) {
  for (const auto& [date, entry] : entries_) {
    if (entry.working && !is_weekend(date))
      throw std::invalid_argument("calendar: working entry " + iso(date) + " is not a weekend");
    if (!entry.working) ++holiday_count_;
  }
  if (!entries_.empty()) {
    covered_ = {static_cast<int>(year_month_day{entries_.begin()->first}.year()),
                static_cast<int>(year_month_day{entries_.rbegin()->first}.year())};
  }
}

bool WorkCalendar::is_working_day(year_month_day d) const {
  const sys_days day = checked(d);
  const auto it = entries_.find(day);
  return it != entries_.end() ? it->second.working : !is_weekend(day);
}

std::optional<std::string> WorkCalendar::day_name(year_month_day d) const {
  const auto it = entries_.find(checked(d));
  if (it == entries_.end()) return std::nullopt;
  return it->second.name;
}

std::int64_t WorkCalendar::working_days_in(sys_days after, sys_days upto) const {
  if (upto <= after) return 0;
  std::int64_t n = weekdays_before(upto + days{1}) - weekdays_before(after + days{1});
  // Listed days differ from the weekday rule: holidays on Mon–Fri, make-up Sat/Sun.
  for (auto it = entries_.upper_bound(after); it != entries_.end() && it->first <= upto; ++it) {
    const bool weekday = !is_weekend(it->first);
    if (weekday && !it->second.working) --n;
    if (!weekday && it->second.working) ++n;
  }
  return n;
}

year_month_day WorkCalendar::add_working_days(year_month_day from, int n) const {
  const sys_days start = checked(from);
  if (n < 0) throw std::invalid_argument("calendar: negative number of working days");
  if (n == 0) return from;
  // Every full week has 5 weekdays and at most holiday_count_ of all weekdays are holidays,
  // so the n-th working day lies within 7 * ((n + holiday_count_) / 5 + 1) days. Binary
  // search for the first day by which n working days have passed.
  std::int64_t lo = 1;
  std::int64_t hi = 7 * ((n + holiday_count_) / 5 + 1);
  if (start >= kLastDay || working_days_in(start, std::min(start + days{hi}, kLastDay)) < n)
    throw std::out_of_range("calendar: working day beyond 9999-12-31");
  while (lo < hi) {
    const std::int64_t mid = lo + (hi - lo) / 2;
    if (working_days_in(start, start + days{mid}) >= n) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return year_month_day{start + days{lo}};
}

int WorkCalendar::working_days_between(year_month_day from, year_month_day to) const {
  return static_cast<int>(working_days_in(checked(from), checked(to)));
}

std::int64_t WorkCalendar::deadline_ms(std::int64_t start_ms, int n) const {
  const sys_days last = sys_days{add_working_days(china_date(start_ms), n)};
  return (last.time_since_epoch().count() + 1) * kDayMs - 1 - kChinaOffsetMs;
}

year_month_day china_date(std::int64_t ms) {
  constexpr std::int64_t kMinMs = kFirstDay.time_since_epoch().count() * kDayMs - kChinaOffsetMs;
  constexpr std::int64_t kMaxMs =
      (kLastDay.time_since_epoch().count() + 1) * kDayMs - 1 - kChinaOffsetMs;
  if (ms < kMinMs || ms > kMaxMs)
    throw std::out_of_range("calendar: timestamp outside 0001-01-01..9999-12-31");
  return year_month_day{sys_days{days{floor_div(ms + kChinaOffsetMs, kDayMs)}}};
}

}  // namespace tongxin::calendar
