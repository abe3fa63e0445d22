// src/core/calendar/calendar_test.cpp
//
// The working-day calendar as a specification: the real holiday files for 2024–2026, day
// arithmetic around the long holidays, deadlines at China-time midnight, and the loader's
// errors. Dates are written as ISO strings so that each expectation reads like the notice.
#include "core/calendar/calendar.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace tongxin::calendar {
namespace {

using std::chrono::sys_days;
using std::chrono::year_month_day;
using ::testing::HasSubstr;

// "2026-02-13" → date.
year_month_day date(const std::string& iso) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%d-%u-%u", &y, &m, &d) != 3) throw std::invalid_argument(iso);
  return year_month_day{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// date → "2026-02-13".
std::string iso(year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

// "2026-02-13T16:30:00.000Z" → ms since the epoch.
std::int64_t utc_ms(const std::string& text) {
  int hh = 0, mm = 0, ss = 0, ms = 0;
  if (text.size() != 24 ||
      std::sscanf(text.c_str() + 11, "%d:%d:%d.%dZ", &hh, &mm, &ss, &ms) != 4) {
    throw std::invalid_argument(text);
  }
  const auto day = sys_days{date(text.substr(0, 10))}.time_since_epoch().count();
  return ((day * 24 + hh) * 60 + mm) * 60 * 1000LL + ss * 1000LL + ms;
}

// ms since the epoch → "2026-02-24T15:59:59.999Z".
std::string utc_iso(std::int64_t ms) {
  constexpr std::int64_t kDay = 24LL * 3600 * 1000;
  std::int64_t day = ms / kDay;
  if (ms % kDay < 0) --day;
  const std::int64_t in_day = ms - day * kDay;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d.%03dZ",
                iso(year_month_day{sys_days{std::chrono::days{day}}}).c_str(),
                static_cast<int>(in_day / 3600000), static_cast<int>(in_day / 60000 % 60),
                static_cast<int>(in_day / 1000 % 60), static_cast<int>(in_day % 1000));
  return buf;
}

const WorkCalendar& cal() {
  static const auto loaded = [] {
    const char* src = std::getenv("TONGXIN_SOURCE_DIR");
    return WorkCalendar::load(std::string(src ? src : ".") + "/data/holidays");
  }();
  return *loaded;
}

bool working(const std::string& d) {
  return cal().is_working_day(date(d));
}
std::string name(const std::string& d) {
  return cal().day_name(date(d)).value_or("(none)");
}
std::string after(const std::string& from, int n) {
  return iso(cal().add_working_days(date(from), n));
}
int between(const std::string& from, const std::string& to) {
  return cal().working_days_between(date(from), date(to));
}
std::string deadline(const std::string& start_utc, int n) {
  return utc_iso(cal().deadline_ms(utc_ms(start_utc), n));
}

// ---------------------------------------------------------------------------------------
// The real data files.

TEST(CalendarData, CoversTheYearsWithNotices) {
  EXPECT_EQ(cal().covered_years(), std::make_pair(2024, 2026));
}

TEST(CalendarData, SpringFestival2024) {
  EXPECT_TRUE(working("2024-02-04")) << "Sunday, make-up day";
  EXPECT_EQ(name("2024-02-04"), "春节调休上班");
  EXPECT_TRUE(working("2024-02-09")) << "除夕 is only 'encouraged' off, not a holiday";
  for (const char* d : {"2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14",
                        "2024-02-15", "2024-02-16", "2024-02-17"}) {
    EXPECT_FALSE(working(d)) << d;
    EXPECT_EQ(name(d), "春节") << d;
  }
  EXPECT_TRUE(working("2024-02-18")) << "Sunday, make-up day";
  EXPECT_EQ(name("2024-02-18"), "春节调休上班");
  EXPECT_TRUE(working("2024-02-19"));
}

TEST(CalendarData, SpringFestival2025) {
  EXPECT_TRUE(working("2025-01-26")) << "Sunday, make-up day";
  EXPECT_EQ(name("2025-01-26"), "春节调休上班");
  EXPECT_TRUE(working("2025-01-27"));
  for (const char* d : {"2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01",
                        "2025-02-02", "2025-02-03", "2025-02-04"}) {
    EXPECT_FALSE(working(d)) << d;
    EXPECT_EQ(name(d), "春节") << d;
  }
  EXPECT_TRUE(working("2025-02-05"));
  EXPECT_TRUE(working("2025-02-07"));
  EXPECT_TRUE(working("2025-02-08")) << "Saturday, make-up day";
  EXPECT_EQ(name("2025-02-08"), "春节调休上班");
  EXPECT_FALSE(working("2025-02-09")) << "an ordinary Sunday";
  EXPECT_EQ(name("2025-02-09"), "(none)");
}

TEST(CalendarData, SpringFestival2026) {
  EXPECT_TRUE(working("2026-02-13"));
  EXPECT_TRUE(working("2026-02-14")) << "Saturday, make-up day";
  EXPECT_EQ(name("2026-02-14"), "春节调休上班");
  for (const char* d : {"2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
                        "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23"}) {
    EXPECT_FALSE(working(d)) << d;
    EXPECT_EQ(name(d), "春节") << d;
  }
  EXPECT_TRUE(working("2026-02-24"));
  EXPECT_TRUE(working("2026-02-28")) << "Saturday, make-up day";
  EXPECT_EQ(name("2026-02-28"), "春节调休上班");
  EXPECT_FALSE(working("2026-03-01")) << "an ordinary Sunday";
}

TEST(CalendarData, NationalDay2024) {
  EXPECT_TRUE(working("2024-09-29")) << "Sunday, make-up day";
  EXPECT_EQ(name("2024-09-29"), "国庆节调休上班");
  EXPECT_TRUE(working("2024-09-30"));
  for (int d = 1; d <= 7; ++d) {
    const std::string day = "2024-10-0" + std::to_string(d);
    EXPECT_FALSE(working(day)) << day;
    EXPECT_EQ(name(day), "国庆节") << day;
  }
  EXPECT_TRUE(working("2024-10-08"));
  EXPECT_TRUE(working("2024-10-12")) << "Saturday, make-up day";
  EXPECT_EQ(name("2024-10-12"), "国庆节调休上班");
}

TEST(CalendarData, NationalDayAndMidAutumn2025AreMerged) {
  EXPECT_TRUE(working("2025-09-28")) << "Sunday, make-up day";
  EXPECT_EQ(name("2025-09-28"), "国庆节、中秋节调休上班");
  for (int d = 1; d <= 8; ++d) {
    const std::string day = "2025-10-0" + std::to_string(d);
    EXPECT_FALSE(working(day)) << day;
    EXPECT_EQ(name(day), "国庆节、中秋节") << day;
  }
  EXPECT_TRUE(working("2025-10-09"));
  EXPECT_TRUE(working("2025-10-11")) << "Saturday, make-up day";
}

TEST(CalendarData, NationalDay2026) {
  EXPECT_TRUE(working("2026-09-20")) << "Sunday, make-up day";
  EXPECT_EQ(name("2026-09-20"), "国庆节调休上班");
  EXPECT_FALSE(working("2026-09-25"));
  EXPECT_EQ(name("2026-09-25"), "中秋节");
  for (int d = 1; d <= 7; ++d) {
    const std::string day = "2026-10-0" + std::to_string(d);
    EXPECT_FALSE(working(day)) << day;
    EXPECT_EQ(name(day), "国庆节") << day;
  }
  EXPECT_TRUE(working("2026-10-08"));
  EXPECT_TRUE(working("2026-10-10")) << "Saturday, make-up day";
  EXPECT_EQ(name("2026-10-10"), "国庆节调休上班");
}

// Each notice in full, as its spans; every day of 2024–2026 that no span or make-up day
// mentions must follow the weekday rule.
struct Festival {
  std::string name, first, last;
  std::vector<std::string> make_up_days;
};

TEST(CalendarData, EveryDayOf2024To2026MatchesTheNotices) {
  const std::vector<Festival> notices = {
      {"元旦", "2024-01-01", "2024-01-01", {}},
      {"春节", "2024-02-10", "2024-02-17", {"2024-02-04", "2024-02-18"}},
      {"清明节", "2024-04-04", "2024-04-06", {"2024-04-07"}},
      {"劳动节", "2024-05-01", "2024-05-05", {"2024-04-28", "2024-05-11"}},
      {"端午节", "2024-06-08", "2024-06-10", {}},
      {"中秋节", "2024-09-15", "2024-09-17", {"2024-09-14"}},
      {"国庆节", "2024-10-01", "2024-10-07", {"2024-09-29", "2024-10-12"}},
      {"元旦", "2025-01-01", "2025-01-01", {}},
      {"春节", "2025-01-28", "2025-02-04", {"2025-01-26", "2025-02-08"}},
      {"清明节", "2025-04-04", "2025-04-06", {}},
      {"劳动节", "2025-05-01", "2025-05-05", {"2025-04-27"}},
      {"端午节", "2025-05-31", "2025-06-02", {}},
      {"国庆节、中秋节", "2025-10-01", "2025-10-08", {"2025-09-28", "2025-10-11"}},
      {"元旦", "2026-01-01", "2026-01-03", {"2026-01-04"}},
      {"春节", "2026-02-15", "2026-02-23", {"2026-02-14", "2026-02-28"}},
      {"清明节", "2026-04-04", "2026-04-06", {}},
      {"劳动节", "2026-05-01", "2026-05-05", {"2026-05-09"}},
      {"端午节", "2026-06-19", "2026-06-21", {}},
      {"中秋节", "2026-09-25", "2026-09-27", {}},
      {"国庆节", "2026-10-01", "2026-10-07", {"2026-09-20", "2026-10-10"}},
  };
  std::map<sys_days, std::pair<bool, std::string>> expected;  // working, name
  for (const auto& f : notices) {
    for (auto d = sys_days{date(f.first)}; d <= sys_days{date(f.last)}; d += std::chrono::days{1})
      expected[d] = {false, f.name};
    for (const auto& m : f.make_up_days) {
      const std::chrono::weekday wd{sys_days{date(m)}};
      EXPECT_TRUE(wd == std::chrono::Saturday || wd == std::chrono::Sunday) << m;
      expected[sys_days{date(m)}] = {true, f.name + "调休上班"};
    }
  }
  for (auto d = sys_days{date("2024-01-01")}; d <= sys_days{date("2026-12-31")};
       d += std::chrono::days{1}) {
    const year_month_day ymd{d};
    const auto it = expected.find(d);
    if (it != expected.end()) {
      EXPECT_EQ(cal().is_working_day(ymd), it->second.first) << iso(ymd);
      EXPECT_EQ(cal().day_name(ymd), it->second.second) << iso(ymd);
    } else {
      const std::chrono::weekday wd{d};
      EXPECT_EQ(cal().is_working_day(ymd), wd != std::chrono::Saturday && wd != std::chrono::Sunday)
          << iso(ymd);
      EXPECT_EQ(cal().day_name(ymd), std::nullopt) << iso(ymd);
    }
  }
}

TEST(CalendarData, WorkingDaysPerYear) {
  // 365/366 days minus weekends minus statutory holidays (11 until 2024, 13 from 2025).
  EXPECT_EQ(between("2023-12-31", "2024-12-31"), 251);
  EXPECT_EQ(between("2024-12-31", "2025-12-31"), 248);
  EXPECT_EQ(between("2025-12-31", "2026-12-31"), 248);
}

TEST(CalendarData, OutsideTheCoveredYearsOnlyWeekendsAreOff) {
  EXPECT_TRUE(working("2030-01-01")) << "no 2030 notice yet: a plain Tuesday";
  EXPECT_EQ(name("2030-01-01"), "(none)");
  EXPECT_FALSE(working("2030-01-05"));
  EXPECT_EQ(between("2029-12-31", "2030-12-31"), 261);
  EXPECT_EQ(after("2030-01-01", 5), "2030-01-08");
}

// ---------------------------------------------------------------------------------------
// Counting working days.

TEST(CalendarArithmetic, ThreeWorkingDaysAfterTheFridayBeforeSpringFestival2026) {
  // 2/14 (Sat) is a make-up day → 1; 2/15–2/23 holiday; 2/24 → 2; 2/25 → 3.
  EXPECT_EQ(after("2026-02-13", 1), "2026-02-14");
  EXPECT_EQ(after("2026-02-13", 2), "2026-02-24");
  EXPECT_EQ(after("2026-02-13", 3), "2026-02-25");
  EXPECT_EQ(between("2026-02-13", "2026-02-25"), 3);
}

TEST(CalendarArithmetic, ZeroDaysIsTheStartItselfEvenOnAHoliday) {
  EXPECT_EQ(after("2026-02-13", 0), "2026-02-13");
  EXPECT_EQ(after("2026-02-16", 0), "2026-02-16");
}

TEST(CalendarArithmetic, TheStartDayNeverCounts) {
  EXPECT_EQ(after("2026-02-24", 1), "2026-02-25") << "from a working day";
  EXPECT_EQ(after("2026-02-16", 1), "2026-02-24") << "from inside the holiday";
  EXPECT_EQ(after("2026-03-07", 1), "2026-03-09") << "from an ordinary Saturday";
}

TEST(CalendarArithmetic, AcrossNewYear2026) {
  // 2025-12-31 Wed; 2026-01-01..03 元旦; 2026-01-04 (Sun) make-up day; 01-05 Mon.
  EXPECT_EQ(after("2025-12-30", 1), "2025-12-31");
  EXPECT_EQ(after("2025-12-31", 1), "2026-01-04");
  EXPECT_EQ(after("2025-12-31", 2), "2026-01-05");
  EXPECT_EQ(after("2025-12-29", 5), "2026-01-06");
  EXPECT_EQ(between("2025-12-31", "2026-01-05"), 2);
}

TEST(CalendarArithmetic, AcrossNationalDay) {
  EXPECT_EQ(after("2026-09-30", 1), "2026-10-08");
  EXPECT_EQ(after("2026-09-30", 3), "2026-10-10") << "Saturday, make-up day";
  EXPECT_EQ(after("2026-09-30", 4), "2026-10-12");
  EXPECT_EQ(between("2026-09-30", "2026-10-10"), 3);
  EXPECT_EQ(after("2025-09-26", 1), "2025-09-28") << "Sunday before the merged 2025 holiday";
  EXPECT_EQ(after("2025-09-30", 1), "2025-10-09");
}

TEST(CalendarArithmetic, WholeYear) {
  EXPECT_EQ(after("2026-01-01", 248), "2026-12-31");
  EXPECT_EQ(after("2026-01-01", 249), "2027-01-01") << "2027 has no notice yet: a Friday";
}

TEST(CalendarArithmetic, BetweenIsZeroUnlessToIsAfterFrom) {
  EXPECT_EQ(between("2026-02-25", "2026-02-25"), 0);
  EXPECT_EQ(between("2026-02-25", "2026-02-13"), 0);
  EXPECT_EQ(between("2026-02-24", "2026-02-25"), 1);
  EXPECT_EQ(between("2026-02-15", "2026-02-23"), 0) << "all Spring Festival";
}

TEST(CalendarArithmetic, BetweenAgreesWithCountingDayByDay) {
  const std::vector<std::string> days = {"1969-12-25", "1970-01-01", "2023-12-29", "2024-02-09",
                                         "2024-10-06", "2025-01-01", "2025-06-30", "2026-02-14",
                                         "2026-10-10", "2027-03-03"};
  for (const auto& from : days) {
    for (const auto& to : days) {
      int count = 0;
      for (auto d = sys_days{date(from)} + std::chrono::days{1}; d <= sys_days{date(to)};
           d += std::chrono::days{1}) {
        count += cal().is_working_day(year_month_day{d}) ? 1 : 0;
      }
      EXPECT_EQ(between(from, to), count) << from << " → " << to;
    }
  }
}

TEST(CalendarArithmetic, AddAndBetweenAreInverse) {
  for (const char* from : {"2023-12-20", "2024-02-09", "2025-01-27", "2026-02-13", "2026-09-30"}) {
    for (int n = 0; n <= 300; ++n) {
      const auto to = cal().add_working_days(date(from), n);
      ASSERT_EQ(cal().working_days_between(date(from), to), n) << from << " + " << n;
      if (n > 0) {
        ASSERT_TRUE(cal().is_working_day(to)) << from << " + " << n;
      }
    }
  }
}

TEST(CalendarArithmetic, RejectsNegativeCountsAndInvalidDates) {
  EXPECT_THROW(after("2026-02-13", -1), std::invalid_argument);
  EXPECT_THROW(working("2026-02-30"), std::invalid_argument);
  EXPECT_THROW(name("2026-13-01"), std::invalid_argument);
  EXPECT_THROW(between("2026-02-29", "2026-03-01"), std::invalid_argument);
  EXPECT_EQ(after("9999-12-30", 1), "9999-12-31");
  EXPECT_THROW(after("9999-12-30", 2), std::out_of_range);
}

// ---------------------------------------------------------------------------------------
// Deadlines: "within n working days" of a moment, in China time.

TEST(CalendarDeadline, EndsAtChinaMidnightOfTheNthWorkingDay) {
  // 2026-02-13 10:00 China time (Fri); 3 working days → 2026-02-25 23:59:59.999 China time.
  EXPECT_EQ(deadline("2026-02-13T02:00:00.000Z", 3), "2026-02-25T15:59:59.999Z");
  EXPECT_EQ(deadline("2026-02-13T02:00:00.000Z", 0), "2026-02-13T15:59:59.999Z");
}

TEST(CalendarDeadline, TheChinaDateDecidesNotTheUtcDate) {
  // 2026-02-13T16:30Z is already Saturday 2/14 00:30 in China (a make-up day, which as the
  // start day does not count): the next working day is 2/24.
  EXPECT_EQ(deadline("2026-02-13T16:30:00.000Z", 1), "2026-02-24T15:59:59.999Z");
  // One millisecond before China midnight it is still Friday 2/13: the next is Saturday 2/14.
  EXPECT_EQ(deadline("2026-02-13T15:59:59.999Z", 1), "2026-02-14T15:59:59.999Z");
  EXPECT_EQ(deadline("2026-02-13T16:00:00.000Z", 1), "2026-02-24T15:59:59.999Z");
}

TEST(CalendarDeadline, StartingOnAHoliday) {
  EXPECT_EQ(deadline("2026-10-01T04:00:00.000Z", 1), "2026-10-08T15:59:59.999Z");
}

TEST(CalendarDeadline, AcrossNewYear) {
  // 2025-12-31 18:00 China time; 1/4 (Sun, make-up) → 1, 1/5 → 2.
  EXPECT_EQ(deadline("2025-12-31T10:00:00.000Z", 2), "2026-01-05T15:59:59.999Z");
}

TEST(CalendarDeadline, OneMillisecondLaterIsTheNextChinaDay) {
  const std::int64_t end = cal().deadline_ms(utc_ms("2026-02-13T02:00:00.000Z"), 3);
  EXPECT_EQ(iso(china_date(end)), "2026-02-25");
  EXPECT_EQ(iso(china_date(end + 1)), "2026-02-26");
}

TEST(CalendarChinaDate, IsUtcPlusEightHours) {
  EXPECT_EQ(iso(china_date(utc_ms("2026-02-13T15:59:59.999Z"))), "2026-02-13");
  EXPECT_EQ(iso(china_date(utc_ms("2026-02-13T16:00:00.000Z"))), "2026-02-14");
  EXPECT_EQ(iso(china_date(0)), "1970-01-01");
  EXPECT_EQ(iso(china_date(-kChinaOffsetMs)), "1970-01-01");
  EXPECT_EQ(iso(china_date(-kChinaOffsetMs - 1)), "1969-12-31");
  EXPECT_THROW(china_date(std::numeric_limits<std::int64_t>::max()), std::out_of_range);
  EXPECT_THROW(china_date(std::numeric_limits<std::int64_t>::min()), std::out_of_range);
}

// ---------------------------------------------------------------------------------------
// Calendars built from entries.

TEST(CalendarEntries, BuiltDirectly) {
  const WorkCalendar c({{sys_days{date("2026-02-16")}, {false, "春节"}},
                        {sys_days{date("2026-02-14")}, {true, "春节调休上班"}}});
  EXPECT_TRUE(c.is_working_day(date("2026-02-14")));
  EXPECT_FALSE(c.is_working_day(date("2026-02-16")));
  EXPECT_TRUE(c.is_working_day(date("2026-02-17")));
  EXPECT_EQ(c.day_name(date("2026-02-16")), "春节");
  EXPECT_EQ(iso(c.add_working_days(date("2026-02-13"), 2)), "2026-02-17");
  EXPECT_EQ(c.covered_years(), std::make_pair(2026, 2026));
  EXPECT_EQ(WorkCalendar({}).covered_years(), std::make_pair(0, 0));
}

TEST(CalendarEntries, AWorkingEntryMustBeAWeekend) {
  EXPECT_THROW(WorkCalendar({{sys_days{date("2026-02-13")}, {true, "调休上班"}}}),
               std::invalid_argument);
}

TEST(CalendarEntries, ManyHolidaysInARow) {
  // A whole year off: the search for the n-th working day must look past it.
  std::map<sys_days, Entry> entries;
  for (auto d = sys_days{date("2026-01-01")}; d <= sys_days{date("2026-12-31")};
       d += std::chrono::days{1}) {
    entries[d] = {false, "假"};
  }
  const WorkCalendar c(std::move(entries));
  EXPECT_EQ(iso(c.add_working_days(date("2025-12-31"), 1)), "2027-01-01");
  EXPECT_EQ(c.working_days_between(date("2025-12-31"), date("2026-12-31")), 0);
}

// ---------------------------------------------------------------------------------------
// Loading files: every mistake names the file and line.

class CalendarFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ =
        std::filesystem::temp_directory_path() / ("tongxin_calendar_" + std::string(info->name()) +
                                                  "_" + std::to_string(std::random_device{}()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  void write(const std::string& file, const std::string& text) {
    std::ofstream(dir_ / file, std::ios::binary) << text;
  }
  std::string path(const std::string& file) const { return (dir_ / file).string(); }
  std::string load_error() const {
    try {
      WorkCalendar::load(dir_.string());
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "(loaded without error)";
  }

  std::filesystem::path dir_;
};

const std::string kHeader = "# a notice\ndate\tkind\tname\n";

TEST_F(CalendarFiles, AcceptsCommentsBlankLinesCrlfAndABom) {
  write("2026.tsv",
        "\xEF\xBB\xBF# 国务院办公厅关于2026年部分节假日安排的通知\r\n\r\n"
        "date\tkind\tname\r\n2026-02-14\tworkday\t春节调休上班\r\n"
        "# the span\n2026-02-15\tholiday\t春节\n");
  write("README.md", "not a data file\n");
  const auto c = WorkCalendar::load(dir_.string());
  EXPECT_TRUE(c->is_working_day(date("2026-02-14")));
  EXPECT_EQ(c->day_name(date("2026-02-14")), "春节调休上班");
  EXPECT_EQ(c->day_name(date("2026-02-15")), "春节");
  EXPECT_EQ(c->covered_years(), std::make_pair(2026, 2026));
}

TEST_F(CalendarFiles, AHolidaySpanMayStartInDecember) {
  write("2023.tsv", kHeader + "2022-12-31\tholiday\t元旦\n2023-01-01\tholiday\t元旦\n");
  const auto c = WorkCalendar::load(dir_.string());
  EXPECT_EQ(c->day_name(date("2022-12-31")), "元旦");
  EXPECT_EQ(c->covered_years(), std::make_pair(2023, 2023));
}

TEST_F(CalendarFiles, BadDate) {
  write("2026.tsv", kHeader + "2026-02-30\tholiday\t春节\n");
  EXPECT_THAT(load_error(), HasSubstr(path("2026.tsv") + ":3: bad date \"2026-02-30\""));
  write("2026.tsv", kHeader + "2026/02/15\tholiday\t春节\n");
  EXPECT_THAT(load_error(), HasSubstr("2026.tsv:3: bad date"));
}

TEST_F(CalendarFiles, DateFarFromTheFilesYear) {
  write("2026.tsv", kHeader + "2062-02-15\tholiday\t春节\n");
  EXPECT_THAT(load_error(), HasSubstr("2026.tsv:3: date 2062-02-15 is too far"));
}

TEST_F(CalendarFiles, UnknownKind) {
  write("2026.tsv", kHeader + "2026-02-15\tvacation\t春节\n");
  EXPECT_THAT(load_error(), HasSubstr("2026.tsv:3: kind must be holiday or workday"));
}

TEST_F(CalendarFiles, WrongNumberOfFields) {
  write("2026.tsv", kHeader + "2026-02-15\tholiday\n");
  EXPECT_THAT(load_error(), HasSubstr("2026.tsv:3: expected 3 tab-separated fields"));
  write("2026.tsv", kHeader + "2026-02-15 holiday 春节\n");
  EXPECT_THAT(load_error(), HasSubstr("2026.tsv:3: expected 3 tab-separated fields"));
  write("2026.tsv", kHeader + "2026-02-15\tholiday\t春节\textra\n");
  EXPECT_THAT(load_error(), HasSubstr("2026.tsv:3: expected 3 tab-separated fields"));
  write("2026.tsv", kHeader + "2026-02-15\tholiday\t\n");
  EXPECT_THAT(load_error(), HasSubstr("2026.tsv:3: empty name"));
}

TEST_F(CalendarFiles, DuplicateDate) {
  write("2026.tsv", kHeader + "2026-02-15\tholiday\t春节\n2026-02-15\tholiday\t春节\n");
  EXPECT_THAT(load_error(), HasSubstr("2026.tsv:4: duplicate date 2026-02-15 (first listed at " +
                                      path("2026.tsv") + ":3)"));
}

TEST_F(CalendarFiles, DuplicateDateAcrossFiles) {
  write("2025.tsv", kHeader + "2026-01-01\tholiday\t元旦\n");
  write("2026.tsv", kHeader + "2026-01-01\tholiday\t元旦\n");
  EXPECT_THAT(load_error(), HasSubstr("2026.tsv:3: duplicate date 2026-01-01 (first listed at " +
                                      path("2025.tsv") + ":3)"));
}

TEST_F(CalendarFiles, WorkdayOnAWeekday) {
  write("2026.tsv", kHeader + "2026-02-13\tworkday\t春节调休上班\n");
  EXPECT_THAT(load_error(),
              HasSubstr("2026.tsv:3: workday 2026-02-13 is not a Saturday or Sunday"));
}

TEST_F(CalendarFiles, MissingHeader) {
  write("2026.tsv", "# a notice\n2026-02-15\tholiday\t春节\n");
  EXPECT_THAT(load_error(), HasSubstr("2026.tsv:2: expected the header line"));
  write("2026.tsv", "# only a comment\n");
  EXPECT_THAT(load_error(), HasSubstr("2026.tsv:2: missing the header line"));
}

TEST_F(CalendarFiles, FileNameMustBeAYear) {
  write("holidays.tsv", kHeader);
  EXPECT_THAT(load_error(), HasSubstr("holidays.tsv: file name must be YYYY.tsv"));
}

TEST_F(CalendarFiles, NoYearMayBeMissingInBetween) {
  write("2024.tsv", kHeader);
  write("2026.tsv", kHeader);
  EXPECT_THAT(load_error(), HasSubstr("missing 2025.tsv between 2024.tsv and 2026.tsv"));
}

TEST_F(CalendarFiles, EmptyOrMissingDirectory) {
  EXPECT_THAT(load_error(), HasSubstr("no *.tsv files in"));
  std::filesystem::remove_all(dir_);
  EXPECT_THAT(load_error(), HasSubstr("no directory"));
}

}  // namespace
}  // namespace tongxin::calendar
