// src/meetings/internal.hpp
//
// What the module's files share: China-time dates and clock, checks of dates and times of
// day, Chinese labels, the meeting's errors. Not for other modules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/storage/connection.hpp"
#include "meetings/meetings.hpp"

namespace tongxin::meetings::detail {

// "YYYY-MM-DD" of the China-time day of a moment (ms since the epoch).
std::string china_today(std::int64_t now_ms);
// Minutes since midnight, China time, of a moment.
int china_minute(std::int64_t now_ms);
// A valid date "YYYY-MM-DD" (years 2000–2100), or Error 400 naming `field`.
std::string checked_date(const std::string& text, const std::string& field);
// Minutes since midnight of "HH:MM"; nullopt when malformed.
std::optional<int> minutes_of(const std::string& hhmm);
// A window with both ends "HH:MM", from before until, or neither; else Error 400.
void check_window(const SignInWindow& w);

// 全体会议 … ; 已签到 …
std::string kind_label(const std::string& kind);
std::string status_label(const std::string& status);

// A row of `meetings` (SELECT * or m.*).
Meeting meeting_from_row(const storage::Row& r);

Error not_found();
// The meeting, or 404.
Meeting load(storage::Connection& c, std::int64_t id);
// 409 when archived.
void require_live(const Meeting& m);

}  // namespace tongxin::meetings::detail
