// src/testing/service_context.hpp
//
// What every domain module's tests set up before their first row: the migrations of the
// modules they need, applied in order, and a ServiceContext over the test database with the
// real division tree and holiday calendar (loaded once per process) and a fixed key.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/context.hpp"
#include "core/storage/database.hpp"
#include "core/storage/migrations.hpp"

namespace tongxin::testing {

// The source tree (TONGXIN_SOURCE_DIR, set by CMake for ctest); "." otherwise.
std::string source_dir();

std::shared_ptr<const divisions::DivisionIndex> shared_divisions();
std::shared_ptr<const calendar::WorkCalendar> shared_calendar();

// Applies the lists in the order given (core first, then the modules a test depends on).
void apply_migrations(storage::Database& db,
                      std::initializer_list<std::vector<storage::Migration>> lists);

// Makes argon2 cheap (tests hash many passwords; production uses 64 MiB) and returns a
// context over `db` that refers to `config`, which must outlive it.
std::unique_ptr<ServiceContext> make_service_context(storage::Database& db, config::Config& config);

}  // namespace tongxin::testing
