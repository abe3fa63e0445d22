// src/contact/member_tasks.hpp
//
// What the records module needs of a member's visit tasks beyond the counts: the open tasks
// already past due, one by one, since each one costs duty points.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/storage/connection.hpp"

namespace tongxin::contact {

struct OverdueVisitTask {
  std::int64_t id = 0;
  std::string due_on;  // YYYY-MM-DD
};
// Open tasks of the member due in [from, to] and before `today` (all YYYY-MM-DD).
std::vector<OverdueVisitTask> overdue_visit_tasks(storage::Connection& c, std::int64_t member_id,
                                                  const std::string& from, const std::string& to,
                                                  const std::string& today);

}  // namespace tongxin::contact
