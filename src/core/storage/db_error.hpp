// src/core/storage/db_error.hpp
//
// Storage failures. Domain code catches the constraint kinds it expects (e.g. a unique
// violation on a username) and turns them into tongxin::Error; anything else propagates
// and becomes a 500 at the HTTP layer.
#pragma once

#include <stdexcept>
#include <string>

namespace tongxin::storage {

enum class DbErrorKind {
  other,
  unique_violation,
  foreign_key_violation,
  not_null_violation,
  check_violation,
  serialization_failure,  // PostgreSQL 40001/40P01, SQLite BUSY after the timeout
  connection_failure,
  type_mismatch,  // a Row accessor was asked for the wrong type or column
};

class DbError : public std::runtime_error {
 public:
  DbError(DbErrorKind kind, const std::string& message)
      : std::runtime_error(message), kind_(kind) {}
  DbErrorKind kind() const noexcept { return kind_; }

 private:
  DbErrorKind kind_;
};

}  // namespace tongxin::storage
