// src/meetings/clock.cpp
//
// Sign-in windows as the meetings see them: times of day "HH:MM", China time (dates and
// the clock are core/calendar/dates.hpp).
#include "meetings/internal.hpp"

namespace tongxin::meetings::detail {

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
