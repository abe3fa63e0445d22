// src/core/calendar/lunar_test.cpp
//
// Lunar dates against the almanac: Spring Festival, Dragon Boat, Mid-Autumn and Double
// Ninth of 2024–2026 (the same days the State Council's holiday notices use).
#include "core/calendar/lunar.hpp"

#include <gtest/gtest.h>

namespace tongxin::calendar {
namespace {

using namespace std::chrono;

TEST(LunarCalendar, FestivalsFallOnTheirSolarDates) {
  EXPECT_EQ(lunar_in_year(2024, 1, 1), (std::vector<year_month_day>{2024y / February / 10}));
  EXPECT_EQ(lunar_in_year(2025, 1, 1), (std::vector<year_month_day>{2025y / January / 29}));
  EXPECT_EQ(lunar_in_year(2026, 1, 1), (std::vector<year_month_day>{2026y / February / 17}));
  EXPECT_EQ(lunar_in_year(2025, 5, 5), (std::vector<year_month_day>{2025y / May / 31}));
  EXPECT_EQ(lunar_in_year(2026, 5, 5), (std::vector<year_month_day>{2026y / June / 19}));
  EXPECT_EQ(lunar_in_year(2024, 8, 15), (std::vector<year_month_day>{2024y / September / 17}));
  EXPECT_EQ(lunar_in_year(2026, 8, 15), (std::vector<year_month_day>{2026y / September / 25}));
  EXPECT_EQ(lunar_in_year(2025, 9, 9), (std::vector<year_month_day>{2025y / October / 29}));
}

TEST(LunarCalendar, ConvertsSolarToLunar) {
  const auto d = to_lunar(2026y / February / 17);
  EXPECT_EQ(d.month, 1);
  EXPECT_EQ(d.day, 1);
  EXPECT_FALSE(d.leap);
  // 2025 has a leap sixth month (闰六月) starting on 25 July.
  EXPECT_TRUE(to_lunar(2025y / July / 25).leap);
  EXPECT_EQ(to_lunar(2025y / July / 25).month, 6);
}

}  // namespace
}  // namespace tongxin::calendar
