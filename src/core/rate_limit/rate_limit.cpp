// src/core/rate_limit/rate_limit.cpp
#include "core/rate_limit/rate_limit.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace tongxin::rate_limit {

void check_and_hit(storage::Connection& c, const std::string& bucket,
                   const std::vector<Window>& windows, std::int64_t now_ms) {
  int retry_after_s = 0;
  for (const auto& w : windows) {
    // The oldest hit that keeps the window full is the max_hits-th newest one.
    const auto rows =
        c.q("SELECT at FROM rate_limit_hits WHERE bucket = $1 AND at > $2 ORDER BY at DESC"
            " LIMIT $3",
            bucket, now_ms - w.length_ms, w.max_hits);
    if (static_cast<int>(rows.size()) >= w.max_hits) {
      const auto oldest = rows[rows.size() - 1].int64(0);
      const auto wait_ms = oldest + w.length_ms - now_ms;
      retry_after_s = std::max(retry_after_s, static_cast<int>((wait_ms + 999) / 1000));
    }
  }
  if (retry_after_s > 0) {
    throw Error::too_many_requests(
        std::max(retry_after_s, 1), "操作过于频繁，请" + std::to_string(retry_after_s) + "秒后再试",
        "too many requests; retry in " + std::to_string(retry_after_s) + " s");
  }
  c.q("INSERT INTO rate_limit_hits (bucket, at) VALUES ($1, $2)", bucket, now_ms);
}

void prune(storage::Connection& c, std::int64_t older_than_ms) {
  c.x("DELETE FROM rate_limit_hits WHERE at < $1", older_than_ms);
}

}  // namespace tongxin::rate_limit
