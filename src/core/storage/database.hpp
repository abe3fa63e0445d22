// src/core/storage/database.hpp
//
// The process-wide handle on the database. Units of work run inside a transaction:
//   db.write([&](Connection& c) { ...; return x; })   commits on return, rolls back on throw
//   db.read([&](Connection& c) { ... })               a read-only snapshot
// SQLite: one writer connection (BEGIN IMMEDIATE, serialised by a mutex) and a pool of
// reader connections, WAL mode, busy timeout. PostgreSQL: a pool of `pool_size`
// connections per process. A write that fails with a serialization failure or deadlock
// is retried up to 3 times, so a write callback must not have effects outside the
// database (or must tolerate running again).
// REQUIRES: callers are worker threads; these calls block.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "core/storage/connection.hpp"
#include "core/storage/dialect.hpp"

namespace tongxin::storage {

struct DatabaseOptions {
  // "sqlite:PATH" (PATH may be ":memory:" only for single-connection tests) or a
  // libpq URL "postgresql://..." / "postgres://...".
  std::string url;
  std::size_t pool_size = 8;             // PostgreSQL connections; SQLite reader connections
  bool sqlite_synchronous_full = false;  // synchronous=FULL instead of NORMAL
  int busy_timeout_ms = 5000;
};

struct PoolStats {
  std::size_t size = 0;     // connections open
  std::size_t in_use = 0;   // handed out right now
  std::size_t waiting = 0;  // callers waiting for a connection
};

class Database {
 public:
  virtual ~Database() = default;

  // Opens (and for SQLite creates) the database. Throws DbError on failure.
  static std::unique_ptr<Database> open(const DatabaseOptions& options);

  template <typename F>
  auto write(F&& f) -> decltype(f(std::declval<Connection&>())) {
    using R = decltype(f(std::declval<Connection&>()));
    if constexpr (std::is_void_v<R>) {
      run_write([&](Connection& c) { f(c); });
    } else {
      std::optional<R> out;
      run_write([&](Connection& c) { out.emplace(f(c)); });
      return std::move(*out);
    }
  }
  template <typename F>
  auto read(F&& f) -> decltype(f(std::declval<Connection&>())) {
    using R = decltype(f(std::declval<Connection&>()));
    if constexpr (std::is_void_v<R>) {
      run_read([&](Connection& c) { f(c); });
    } else {
      std::optional<R> out;
      run_read([&](Connection& c) { out.emplace(f(c)); });
      return std::move(*out);
    }
  }

  virtual const Dialect& dialect() const = 0;
  virtual PoolStats stats() const = 0;
  // True when a trivial query succeeds (readiness probe).
  virtual bool ping() = 0;

 protected:
  virtual void run_write(const std::function<void(Connection&)>& unit) = 0;
  virtual void run_read(const std::function<void(Connection&)>& unit) = 0;
};

}  // namespace tongxin::storage
