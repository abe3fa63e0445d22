// src/core/storage/migrations.hpp
//
// Numbered schema migrations, owned by modules. Each module keeps
// `src/<module>/migrations/NNN_title.sql`; CMake embeds them (tongxin_embed_migrations)
// into a function `std::vector<storage::Migration> <module>::migrations()`.
// SQL is written once for both engines using Dialect::expand_ddl placeholders.
// apply_migrations() applies what is missing, each migration in its own transaction,
// recorded in schema_migrations(module, version, name, checksum, applied_at). Only one
// process applies at a time (PostgreSQL advisory lock; SQLite's single writer). A
// migration already applied whose checksum changed is an error (edit → new number).
#pragma once

#include <string>
#include <vector>

#include "core/storage/database.hpp"

namespace tongxin::storage {

struct Migration {
  std::string module;
  int version = 0;
  std::string name;
  std::string sql;
};

struct MigrationReport {
  std::vector<std::string> applied;  // "module/NNN_name" of each migration applied now
};

MigrationReport apply_migrations(Database& db, const std::vector<Migration>& migrations);

}  // namespace tongxin::storage
