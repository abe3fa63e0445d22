// src/core/storage/postgres_database.hpp
//
// The shared engine: a pool of libpq connections per process (storage/pool.hpp). Parameters travel
// as text and PostgreSQL infers their types from context; where it cannot (`$1 IS NULL`), the SQL
// says CAST($1 AS BIGINT), which SQLite accepts too.
#pragma once

#include <memory>

#include "core/storage/database.hpp"

namespace tongxin::storage {

std::unique_ptr<Database> open_postgres(const DatabaseOptions& options);

}  // namespace tongxin::storage
