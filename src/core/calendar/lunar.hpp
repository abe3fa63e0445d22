// src/core/calendar/lunar.hpp
//
// The Chinese lunisolar calendar (农历) through ICU's ChineseCalendar: sector days such as
// 重阳节 (9th day of the 9th lunar month) fall on a different solar date every year.
#pragma once

#include <chrono>
#include <vector>

namespace tongxin::calendar {

struct LunarDate {
  int month = 1;  // 1..12
  int day = 1;    // 1..30
  bool leap = false;
};

// The lunar date of a solar (Gregorian) date.
LunarDate to_lunar(std::chrono::year_month_day solar);
// The solar dates in Gregorian `year` on which lunar month/day (not a leap month) falls —
// usually one, none when the lunar month is short of `day` (a 30th in a 29-day month), two
// at most for dates of the 11th/12th lunar month that straddle a Gregorian year.
std::vector<std::chrono::year_month_day> lunar_in_year(int year, int month, int day);

}  // namespace tongxin::calendar
