// src/contact/member_tasks.cpp
#include "contact/member_tasks.hpp"

namespace tongxin::contact {

std::vector<OverdueVisitTask> overdue_visit_tasks(storage::Connection& c, std::int64_t member_id,
                                                  const std::string& from, const std::string& to,
                                                  const std::string& today) {
  std::vector<OverdueVisitTask> out;
  for (const auto& r : c.q("SELECT id, due_on FROM visit_tasks WHERE member_id = $1 AND status ="
                           " 'open' AND due_on < $2 AND due_on >= $3 AND due_on <= $4",
                           member_id, today, from, to)) {
    out.push_back({r.int64(0), r.text(1)});
  }
  return out;
}

}  // namespace tongxin::contact
