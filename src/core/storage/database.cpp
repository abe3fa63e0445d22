// src/core/storage/database.cpp
#include "core/storage/database.hpp"

#include "core/storage/db_error.hpp"
#include "core/storage/postgres_database.hpp"
#include "core/storage/sqlite_database.hpp"

namespace tongxin::storage {

std::unique_ptr<Database> Database::open(const DatabaseOptions& options) {
  const std::string_view url = options.url;
  if (url.starts_with("sqlite:")) return open_sqlite(std::string(url.substr(7)), options);
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return open_postgres(options);
  }
  throw DbError(DbErrorKind::connection_failure,
                "database URL must start with sqlite: or postgresql:// — got '" +
                    std::string(url.substr(0, 40)) + "'");
}

}  // namespace tongxin::storage
