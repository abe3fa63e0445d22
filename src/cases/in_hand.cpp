// src/cases/in_hand.cpp
#include "cases/in_hand.hpp"

namespace tongxin::cases {

std::vector<CaseInHand> cases_in_hand(storage::Connection& c, int limit) {
  std::vector<CaseInHand> out;
  for (const auto& r :
       c.q("SELECT k.id, k.member_id, k.title, (SELECT MAX(e.at) FROM case_events e WHERE"
           " e.case_id = k.id) FROM cases k WHERE k.status = 'in_progress' AND k.member_id IS NOT"
           " NULL ORDER BY k.id LIMIT $1",
           static_cast<std::int64_t>(limit)))
    out.push_back({r.int64(0), r.int64(1), r.text(2), r.int64(3)});
  return out;
}

}  // namespace tongxin::cases
