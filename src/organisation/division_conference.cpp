// src/organisation/division_conference.cpp
#include "organisation/division_conference.hpp"

namespace tongxin::organisation {

std::int64_t conference_for_division(storage::Connection& c, const std::string& code12) {
  std::int64_t best = 0;
  std::size_t best_len = 0;
  for (const auto& r : c.q("SELECT id, division_code FROM conferences WHERE archived_at IS NULL")) {
    const auto conf = r.text(1);
    std::size_t len = conf.size();
    while (len > 0 && conf[len - 1] == '0')
      --len;
    // Keep whole levels: 2 (province), 4 (city), 6 (county), 9 (township) digits.
    len = len <= 2 ? 2 : len <= 4 ? 4 : len <= 6 ? 6 : 9;
    if (code12.compare(0, len, conf, 0, len) == 0 && len > best_len) {
      best = r.int64(0);
      best_len = len;
    }
  }
  return best;
}

}  // namespace tongxin::organisation
