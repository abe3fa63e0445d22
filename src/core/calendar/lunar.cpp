// src/core/calendar/lunar.cpp
#include "core/calendar/lunar.hpp"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <memory>
#include <stdexcept>

namespace tongxin::calendar {

namespace {

// The dates are civil dates, so the computation runs in UTC with noon as the instant.
std::unique_ptr<icu::Calendar> chinese_calendar() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cal(icu::Calendar::createInstance(
      icu::TimeZone::createTimeZone("UTC"), icu::Locale("zh_CN@calendar=chinese"), status));
  if (U_FAILURE(status) || !cal) throw std::runtime_error("ICU Chinese calendar unavailable");
  return cal;
}

UDate to_udate(std::chrono::year_month_day d) {
  const auto days = std::chrono::sys_days(d).time_since_epoch().count();
  return static_cast<UDate>(days) * 86400000.0 + 12 * 3600000.0;
}

}  // namespace

LunarDate to_lunar(std::chrono::year_month_day solar) {
  auto cal = chinese_calendar();
  UErrorCode status = U_ZERO_ERROR;
  cal->setTime(to_udate(solar), status);
  LunarDate out;
  out.month = cal->get(UCAL_MONTH, status) + 1;
  out.day = cal->get(UCAL_DATE, status);
  out.leap = cal->get(UCAL_IS_LEAP_MONTH, status) != 0;
  if (U_FAILURE(status)) throw std::runtime_error("ICU Chinese calendar failed");
  return out;
}

std::vector<std::chrono::year_month_day> lunar_in_year(int year, int month, int day) {
  using namespace std::chrono;
  std::vector<year_month_day> out;
  auto cal = chinese_calendar();
  UErrorCode status = U_ZERO_ERROR;
  const sys_days first{std::chrono::year{year} / January / 1};
  const sys_days last{std::chrono::year{year} / December / 31};
  for (auto d = first; d <= last; d += days{1}) {
    cal->setTime(to_udate(year_month_day{d}), status);
    if (cal->get(UCAL_MONTH, status) + 1 == month && cal->get(UCAL_DATE, status) == day &&
        cal->get(UCAL_IS_LEAP_MONTH, status) == 0) {
      out.emplace_back(d);
    }
  }
  if (U_FAILURE(status)) throw std::runtime_error("ICU Chinese calendar failed");
  return out;
}

}  // namespace tongxin::calendar
