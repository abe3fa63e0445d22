// src/outputs/output_state.hpp
//
// Where an output stands, without a principal's view of it: its state, the current step's
// deadline, when it was submitted and what it was converted into. For code that walks items
// through their workflow on behalf of the actors (the demo's journeys).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/storage/connection.hpp"

namespace tongxin::outputs {

struct OutputState {
  std::string status;
  std::optional<std::int64_t> due_at, submitted_at, converted_to_id;
};

// Throws Error not_found for an unknown id.
OutputState output_state(storage::Connection& c, std::int64_t id);

}  // namespace tongxin::outputs
