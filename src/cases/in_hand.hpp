// src/cases/in_hand.hpp
//
// The cases members have in hand (in_progress, with a handling member), oldest first, with
// the moment of their last step: what a member might write up as a micro-suggestion or a
// proposal when a case cannot be settled alone (the demo converts a few).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/storage/connection.hpp"

namespace tongxin::cases {

struct CaseInHand {
  std::int64_t id = 0;
  std::int64_t member_id = 0;
  std::string title;
  std::int64_t last_step_at = 0;
};

std::vector<CaseInHand> cases_in_hand(storage::Connection& c, int limit);

}  // namespace tongxin::cases
