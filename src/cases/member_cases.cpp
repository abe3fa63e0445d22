// src/cases/member_cases.cpp
#include "cases/member_cases.hpp"

namespace tongxin::cases {

int open_case_count(storage::Connection& c, std::int64_t member_id) {
  return static_cast<int>(
      c.q("SELECT COUNT(*) FROM cases WHERE member_id = $1 AND status IN ('assigned',"
          " 'in_progress')",
          member_id)
          .front()
          .int64(0));
}

}  // namespace tongxin::cases
