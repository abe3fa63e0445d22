// src/meetings/migrations.hpp
#pragma once

#include <vector>

#include "core/storage/migrations.hpp"

namespace tongxin::meetings {
// The meetings module's tables, embedded from src/meetings/migrations by CMake.
std::vector<storage::Migration> migrations();
}  // namespace tongxin::meetings
