// src/cases/migrations.hpp
#pragma once

#include <vector>

#include "core/storage/migrations.hpp"

namespace tongxin::cases {
// The cases module's tables, embedded from src/cases/migrations by CMake.
std::vector<storage::Migration> migrations();
}  // namespace tongxin::cases
