// src/organisation/migrations.hpp
#pragma once

#include <vector>

#include "core/storage/migrations.hpp"

namespace tongxin::organisation {
std::vector<storage::Migration> migrations();  // embedded from src/organisation/migrations
}
