// src/meetings/internal.hpp
//
// What the module's files share: checks of times of day, Chinese labels, the meeting's
// errors. Not for other modules.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "core/storage/connection.hpp"
#include "meetings/meetings.hpp"

namespace tongxin::meetings::detail {

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
