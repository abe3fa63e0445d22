// src/accounts/migrations.hpp
#pragma once

#include <vector>

#include "core/storage/migrations.hpp"

namespace tongxin::accounts {
std::vector<storage::Migration> migrations();  // embedded from src/accounts/migrations
}
