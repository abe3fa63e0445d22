// src/outputs/migrations.hpp
#pragma once

#include <vector>

#include "core/storage/migrations.hpp"

namespace tongxin::outputs {
// The outputs module's tables, embedded from src/outputs/migrations by CMake.
std::vector<storage::Migration> migrations();
}  // namespace tongxin::outputs
