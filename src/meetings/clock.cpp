// src/meetings/clock.cpp
//
// Days and times of day as the meetings see them: China time (UTC+8, no DST), dates as
// "YYYY-MM-DD", sign-in windows as "HH:MM".
#include <chrono>
#include <cstdio>

#include "core/calendar/calendar.hpp"
#include "meetings/internal.hpp"

namespace tongxin::meetings::detail {

std::string china_today(std::int64_t now_ms) {
  const auto d = calendar::china_date(now_ms);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

int china_minute(std::int64_t now_ms) {
  constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;
  const auto ms = ((now_ms + calendar::kChinaOffsetMs) % kDayMs + kDayMs) % kDayMs;
  return static_cast<int>(ms / 60000);
}

std::string checked_date(const std::string& text, const std::string& field) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) {
    throw Error::invalid_field(field, "日期格式应为 YYYY-MM-DD", "dates are YYYY-MM-DD");
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!ymd.ok() || y < 2000 || y > 2100) {
    throw Error::invalid_field(field, "日期无效", "invalid date");
  }
  return text;
}

std::optional<int> minutes_of(const std::string& hhmm) {
  if (hhmm.size() != 5 || hhmm[2] != ':') return std::nullopt;
  for (const auto i : {0, 1, 3, 4}) {
    if (hhmm[i] < '0' || hhmm[i] > '9') return std::nullopt;
  }
  const int h = (hhmm[0] - '0') * 10 + (hhmm[1] - '0');
  const int m = (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

void check_window(const SignInWindow& w) {
  if (w.from.empty() && w.until.empty()) return;
  const auto from = minutes_of(w.from);
  if (!from) {
    throw Error::invalid_field("sign_in_from", "签到开始时间格式应为 HH:MM",
                               "sign_in_from is HH:MM");
  }
  const auto until = minutes_of(w.until);
  if (!until) {
    throw Error::invalid_field("sign_in_until", "签到截止时间格式应为 HH:MM",
                               "sign_in_until is HH:MM");
  }
  if (*until <= *from) {
    throw Error::invalid_field("sign_in_until", "签到截止时间应晚于开始时间",
                               "sign_in_until is after sign_in_from");
  }
}

}  // namespace tongxin::meetings::detail
