// src/outputs/output_state.cpp
#include "outputs/output_state.hpp"

#include "core/error.hpp"

namespace tongxin::outputs {

OutputState output_state(storage::Connection& c, std::int64_t id) {
  const auto r =
      c.q("SELECT status, due_at, submitted_at, converted_to_id FROM outputs WHERE id = $1", id);
  if (r.empty()) throw Error::not_found("output.not_found", "成果不存在", "no such output");
  const auto& row = r.front();
  return {row.text("status"), row.opt_int64("due_at"), row.opt_int64("submitted_at"),
          row.opt_int64("converted_to_id")};
}

}  // namespace tongxin::outputs
