// src/core/storage/sqlite_database.cpp
#include "core/storage/sqlite_database.hpp"

#include <sqlite3.h>

#include <atomic>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/storage/db_error.hpp"
#include "core/storage/pool.hpp"

namespace tongxin::storage {

namespace {

DbErrorKind kind_of(int extended_code) {
  switch (extended_code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return DbErrorKind::unique_violation;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return DbErrorKind::foreign_key_violation;
    case SQLITE_CONSTRAINT_NOTNULL:
      return DbErrorKind::not_null_violation;
    case SQLITE_CONSTRAINT_CHECK:
      return DbErrorKind::check_violation;
    default:
      break;
  }
  switch (extended_code & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return DbErrorKind::serialization_failure;
    case SQLITE_CANTOPEN:
      return DbErrorKind::connection_failure;
    default:
      return DbErrorKind::other;
  }
}

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(const std::string& path, const DatabaseOptions& options, bool read_only)
      : dialect_(Engine::sqlite) {
    const int flags =
        (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw DbError(DbErrorKind::connection_failure,
                    "sqlite: cannot open " + path + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, options.busy_timeout_ms);
    if (!read_only) {
      execute_script("PRAGMA journal_mode=WAL");
      execute_script(options.sqlite_synchronous_full ? "PRAGMA synchronous=FULL"
                                                     : "PRAGMA synchronous=NORMAL");
    }
    execute_script("PRAGMA foreign_keys=ON");
  }

  ~SqliteConnection() override {
    for (auto& [_, stmt] : cache_)
      sqlite3_finalize(stmt);
    sqlite3_close_v2(db_);
  }

  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Result query(std::string_view sql, std::span<const Value> params) override {
    sqlite3_stmt* stmt = prepare(sql, params);
    std::vector<std::string> columns;
    const int ncol = sqlite3_column_count(stmt);
    columns.reserve(static_cast<std::size_t>(ncol));
    for (int i = 0; i < ncol; ++i)
      columns.emplace_back(sqlite3_column_name(stmt, i));
    std::vector<std::vector<Value>> rows;
    while (true) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) fail(stmt, rc);
      std::vector<Value> row;
      row.reserve(static_cast<std::size_t>(ncol));
      for (int i = 0; i < ncol; ++i)
        row.push_back(column(stmt, i));
      rows.push_back(std::move(row));
    }
    finish(stmt);
    return Result(std::move(columns), std::move(rows));
  }

  std::int64_t execute(std::string_view sql, std::span<const Value> params) override {
    sqlite3_stmt* stmt = prepare(sql, params);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) fail(stmt, rc);
    finish(stmt);
    return sqlite3_changes64(db_);
  }

  void execute_script(std::string_view sql) override {
    char* err = nullptr;
    const std::string text(sql);
    if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      const std::string message = err ? err : "unknown error";
      sqlite3_free(err);
      throw DbError(kind_of(sqlite3_extended_errcode(db_)), "sqlite: " + message);
    }
  }

  const Dialect& dialect() const override { return dialect_; }

 private:
  sqlite3_stmt* prepare(std::string_view sql, std::span<const Value> params) {
    auto it = cache_.find(std::string(sql));
    sqlite3_stmt* stmt = nullptr;
    if (it == cache_.end()) {
      const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
      if (rc != SQLITE_OK || stmt == nullptr) {
        throw DbError(kind_of(sqlite3_extended_errcode(db_)),
                      "sqlite: " + std::string(sqlite3_errmsg(db_)) + " in: " + std::string(sql));
      }
      cache_.emplace(std::string(sql), stmt);
    } else {
      stmt = it->second;
    }
    const int expected = sqlite3_bind_parameter_count(stmt);
    if (static_cast<std::size_t>(expected) != params.size()) {
      throw DbError(DbErrorKind::other, "sqlite: statement takes " + std::to_string(expected) +
                                            " parameters, got " + std::to_string(params.size()) +
                                            ": " + std::string(sql));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      const std::string name = "$" + std::to_string(i + 1);
      const int index = sqlite3_bind_parameter_index(stmt, name.c_str());
      if (index == 0) {
        throw DbError(DbErrorKind::other,
                      "sqlite: parameter " + name + " not used in: " + std::string(sql));
      }
      bind(stmt, index, params[i]);
    }
    return stmt;
  }

  static void bind(sqlite3_stmt* stmt, int index, const Value& v) {
    int rc = SQLITE_OK;
    if (std::holds_alternative<Null>(v)) {
      rc = sqlite3_bind_null(stmt, index);
    } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt, index, *i);
    } else if (const auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, index, *d);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      rc = sqlite3_bind_text64(stmt, index, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    } else if (const auto* b = std::get_if<bool>(&v)) {
      rc = sqlite3_bind_int(stmt, index, *b ? 1 : 0);
    }
    if (rc != SQLITE_OK) throw DbError(DbErrorKind::other, "sqlite: cannot bind parameter");
  }

  static Value column(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_INTEGER:
        return static_cast<std::int64_t>(sqlite3_column_int64(stmt, i));
      case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, i);
      case SQLITE_NULL:
        return Null{};
      default: {
        const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, i));
        const int n = sqlite3_column_bytes(stmt, i);
        return std::string(p ? p : "", static_cast<std::size_t>(n));
      }
    }
  }

  void finish(sqlite3_stmt* stmt) {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
  }

  [[noreturn]] void fail(sqlite3_stmt* stmt, int rc) {
    const std::string message = sqlite3_errmsg(db_);
    const int code = sqlite3_extended_errcode(db_);
    finish(stmt);
    (void)rc;
    throw DbError(kind_of(code), "sqlite: " + message);
  }

  sqlite3* db_ = nullptr;
  Dialect dialect_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, const DatabaseOptions& options)
      : path_(std::move(path)),
        options_(options),
        dialect_(Engine::sqlite),
        // Readers open read-write so they can see a WAL the writer has not checkpointed;
        // they only ever run inside BEGIN … COMMIT without writes.
        readers_(options.pool_size,
                 [this] { return std::make_unique<SqliteConnection>(path_, options_, false); }) {
    writer_ = std::make_unique<SqliteConnection>(path_, options_, false);
    memory_ = path_ == ":memory:" || path_.empty();
  }

  const Dialect& dialect() const override { return dialect_; }

  PoolStats stats() const override {
    auto s = readers_.stats();
    s.size += 1;  // the writer
    s.in_use += writer_busy_.load();
    return s;
  }

  bool ping() override {
    try {
      run_read([](Connection& c) { c.query("SELECT 1", {}); });
      return true;
    } catch (const DbError&) {
      return false;
    }
  }

 protected:
  void run_write(const std::function<void(Connection&)>& unit) override {
    std::lock_guard write_lock(write_mutex_);
    ++writer_busy_;
    struct Done {
      std::atomic<std::size_t>& busy;
      ~Done() { --busy; }
    } done{writer_busy_};
    writer_->execute_script("BEGIN IMMEDIATE");
    try {
      unit(*writer_);
      writer_->execute_script("COMMIT");
    } catch (...) {
      rollback(*writer_);
      throw;
    }
  }

  void run_read(const std::function<void(Connection&)>& unit) override {
    if (memory_) {
      // One connection: reads take the writer's lock.
      std::lock_guard write_lock(write_mutex_);
      read_on(*writer_, unit);
      return;
    }
    auto reader = readers_.acquire();
    read_on(*reader, unit);
  }

 private:
  static void rollback(SqliteConnection& c) {
    try {
      c.execute_script("ROLLBACK");
    } catch (const DbError&) {
      // SQLite may already have rolled back (e.g. after SQLITE_FULL); nothing to undo.
    }
  }

  static void read_on(SqliteConnection& c, const std::function<void(Connection&)>& unit) {
    c.execute_script("BEGIN");
    try {
      unit(c);
      c.execute_script("COMMIT");
    } catch (...) {
      rollback(c);
      throw;
    }
  }

  std::string path_;
  DatabaseOptions options_;
  Dialect dialect_;
  bool memory_ = false;
  std::mutex write_mutex_;
  std::unique_ptr<SqliteConnection> writer_;
  std::atomic<std::size_t> writer_busy_ = 0;
  ConnectionPool<SqliteConnection> readers_;
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& path, const DatabaseOptions& options) {
  return std::make_unique<SqliteDatabase>(path, options);
}

}  // namespace tongxin::storage
