// src/contact/migrations.hpp
#pragma once

#include <vector>

#include "core/storage/migrations.hpp"

namespace tongxin::contact {
// The contact module's tables, embedded from src/contact/migrations by CMake.
std::vector<storage::Migration> migrations();
}  // namespace tongxin::contact
