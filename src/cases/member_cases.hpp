// src/cases/member_cases.hpp
//
// What the duty record needs of the cases a member is still working on.
#pragma once

#include <cstdint>

#include "core/storage/connection.hpp"

namespace tongxin::cases {

// Cases assigned to the member that are assigned or in progress.
int open_case_count(storage::Connection& c, std::int64_t member_id);

}  // namespace tongxin::cases
