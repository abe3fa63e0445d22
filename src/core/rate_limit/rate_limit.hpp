// src/core/rate_limit/rate_limit.hpp
//
// Sliding-window rate limits kept in the database, so every app server behind a proxy
// counts the same hits. A bucket is a string such as "sms:<phone hash>" or
// "public_write:127.0.0.1". check_and_hit() runs inside the caller's write transaction:
// a request that is refused leaves no hit (a refused caller cannot extend its own ban).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/storage/connection.hpp"

namespace tongxin::rate_limit {

struct Window {
  std::int64_t length_ms;
  int max_hits;
};

// Throws Error 429 (code rate_limited, Retry-After = seconds until the oldest hit in the
// full window leaves it) when any window is full; otherwise records one hit at `now_ms`.
void check_and_hit(storage::Connection& c, const std::string& bucket,
                   const std::vector<Window>& windows, std::int64_t now_ms);
// Deletes hits older than `older_than_ms` (called by the sweeper).
void prune(storage::Connection& c, std::int64_t older_than_ms);

}  // namespace tongxin::rate_limit
