// src/records/migrations.hpp
#pragma once

#include <vector>

#include "core/storage/migrations.hpp"

namespace tongxin::records {
// The records module's tables, embedded from src/records/migrations by CMake.
std::vector<storage::Migration> migrations();
}  // namespace tongxin::records
