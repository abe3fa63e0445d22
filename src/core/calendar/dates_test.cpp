// src/core/calendar/dates_test.cpp — dates and periods as a reader would state them.
#include "core/calendar/dates.hpp"

#include <gtest/gtest.h>

#include "core/calendar/calendar.hpp"
#include "core/error.hpp"

namespace tongxin::calendar {
namespace {

using namespace std::chrono;

TEST(Dates, WritesAndReadsIsoDates) {
  EXPECT_EQ(iso_date(2026y / March / 5), "2026-03-05");
  EXPECT_EQ(parse_iso_date("2026-03-05"), year_month_day{2026y / March / 5});
  EXPECT_FALSE(parse_iso_date("2026-02-30"));
  EXPECT_FALSE(parse_iso_date("2026-3-5"));
  EXPECT_FALSE(parse_iso_date("2026-03-05x"));
  EXPECT_FALSE(parse_iso_date("1999-12-31"));
  EXPECT_FALSE(parse_iso_date("2026/03/05"));
}

TEST(Dates, RequiredDateNamesTheFieldInChinese) {
  try {
    required_iso_date("2026-13-01", "from");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 400);
    EXPECT_EQ(e.message_zh(), "日期无效");
  }
  EXPECT_THROW(required_iso_date("tomorrow", "from"), Error);
}

TEST(Dates, ChinaDaysInEpochMilliseconds) {
  // 2026-01-01 00:00 China time is 2025-12-31 16:00 UTC.
  EXPECT_EQ(day_start_ms(2026y / January / 1), 1767196800000LL);
  EXPECT_EQ(day_end_ms(2026y / January / 1), 1767196800000LL + 86400000 - 1);
  EXPECT_EQ(china_date(day_start_ms(2026y / January / 1)), year_month_day{2026y / January / 1});
  EXPECT_EQ(china_date(day_end_ms(2026y / January / 1)), year_month_day{2026y / January / 1});
  EXPECT_EQ(china_ms(2026y / January / 1, 9, 30), 1767196800000LL + 570 * 60000LL);
  EXPECT_EQ(china_minute(china_ms(2026y / January / 1, 9, 30)), 570);
  EXPECT_EQ(iso_china_time(china_ms(2026y / March / 5, 14, 30)), "2026-03-05T14:30:00+08:00");
}

TEST(Periods, CalendarUnitsAndTheirPredecessors) {
  EXPECT_EQ(Period::year(2026).days(), 365);
  EXPECT_EQ(Period::year(2026).previous(), Period::year(2025));
  EXPECT_EQ(Period::quarter(2026, 1).previous(), Period::quarter(2025, 4));
  EXPECT_EQ(Period::quarter(2026, 3).previous(), Period::quarter(2026, 2));
  EXPECT_EQ(Period::month(2026, 3).previous(), Period::month(2026, 2));
  EXPECT_EQ(Period::month(2026, 1).previous(), Period::month(2025, 12));
  EXPECT_EQ(Period::month(2024, 2).days(), 29);
  EXPECT_THROW(Period::quarter(2026, 5), std::invalid_argument);
}

TEST(Periods, CustomRangePreviousHasTheSameLength) {
  const auto p = Period::range(2026y / March / 10, 2026y / March / 19);
  const auto prev = p.previous();
  EXPECT_EQ(prev.days(), 10);
  EXPECT_EQ(prev.to, year_month_day{2026y / March / 9});
  EXPECT_TRUE(p.contains(2026y / March / 10));
  EXPECT_FALSE(p.contains(2026y / March / 20));
  EXPECT_EQ(p.from_ms(), day_start_ms(2026y / March / 10));
  EXPECT_EQ(p.to_ms(), day_end_ms(2026y / March / 19));
  EXPECT_THROW(Period::range(2026y / March / 10, 2026y / March / 9), std::invalid_argument);
}

}  // namespace
}  // namespace tongxin::calendar
