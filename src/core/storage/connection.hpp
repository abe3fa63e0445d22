// src/core/storage/connection.hpp
//
// One open connection of either engine, used inside a unit of work handed out by
// Database::read/write. Statements are prepared once per connection and cached by text.
// Every fallible call throws storage::DbError (constraint violations as
// DbError with kind() == unique_violation / foreign_key_violation / ...).
// REQUIRES: used by one thread at a time (the unit of work's thread).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

#include "core/storage/dialect.hpp"
#include "core/storage/result.hpp"
#include "core/storage/value.hpp"

namespace tongxin::storage {

class Connection {
 public:
  virtual ~Connection() = default;

  // Runs one statement with $1..$N parameters and returns its rows (RETURNING included).
  virtual Result query(std::string_view sql, std::span<const Value> params) = 0;
  // Runs one statement; returns the number of rows changed.
  virtual std::int64_t execute(std::string_view sql, std::span<const Value> params) = 0;
  // Runs a script of several statements without parameters (migrations, schema set-up).
  virtual void execute_script(std::string_view sql) = 0;
  virtual const Dialect& dialect() const = 0;

  // Convenience: query(sql, a, b, c) with each argument converted by to_value().
  template <typename... Args>
  Result q(std::string_view sql, Args&&... args) {
    const std::vector<Value> params{to_value(std::forward<Args>(args))...};
    return query(sql, params);
  }
  template <typename... Args>
  std::int64_t x(std::string_view sql, Args&&... args) {
    const std::vector<Value> params{to_value(std::forward<Args>(args))...};
    return execute(sql, params);
  }
};

}  // namespace tongxin::storage
