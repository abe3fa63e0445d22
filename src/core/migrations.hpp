// src/core/migrations.hpp
#pragma once

#include <vector>

#include "core/storage/migrations.hpp"

namespace tongxin::core {
// Core's own tables (audit_log), embedded from src/core/migrations by CMake.
std::vector<storage::Migration> migrations();
}  // namespace tongxin::core
