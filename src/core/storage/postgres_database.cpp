// src/core/storage/postgres_database.cpp
#include "core/storage/postgres_database.hpp"

#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/storage/db_error.hpp"
#include "core/storage/pool.hpp"

namespace tongxin::storage {

namespace {

// Type OIDs from pg_type.h (stable across versions).
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26, kFloat4 = 700,
              kFloat8 = 701, kNumeric = 1700;

DbErrorKind kind_of(const char* sqlstate) {
  if (sqlstate == nullptr) return DbErrorKind::connection_failure;
  const std::string_view s(sqlstate);
  if (s == "23505") return DbErrorKind::unique_violation;
  if (s == "23503") return DbErrorKind::foreign_key_violation;
  if (s == "23502") return DbErrorKind::not_null_violation;
  if (s == "23514") return DbErrorKind::check_violation;
  if (s == "40001" || s == "40P01") return DbErrorKind::serialization_failure;
  if (s.starts_with("08") || s.starts_with("57P")) return DbErrorKind::connection_failure;
  return DbErrorKind::other;
}

struct ResultGuard {
  PGresult* r;
  ~ResultGuard() { PQclear(r); }
};

class PgConnection final : public Connection {
 public:
  explicit PgConnection(const std::string& url) : dialect_(Engine::postgres) {
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      const std::string message = PQerrorMessage(conn_);
      PQfinish(conn_);
      conn_ = nullptr;
      throw DbError(DbErrorKind::connection_failure, "postgres: cannot connect: " + message);
    }
    execute_script("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
  }
  ~PgConnection() override { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  bool healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

  Result query(std::string_view sql, std::span<const Value> params) override {
    ResultGuard res{run(sql, params)};
    const int ncol = PQnfields(res.r);
    const int nrow = PQntuples(res.r);
    std::vector<std::string> columns;
    std::vector<Oid> types;
    for (int c = 0; c < ncol; ++c) {
      columns.emplace_back(PQfname(res.r, c));
      types.push_back(PQftype(res.r, c));
    }
    std::vector<std::vector<Value>> rows;
    rows.reserve(static_cast<std::size_t>(nrow));
    for (int r = 0; r < nrow; ++r) {
      std::vector<Value> row;
      row.reserve(static_cast<std::size_t>(ncol));
      for (int c = 0; c < ncol; ++c)
        row.push_back(convert(res.r, r, c, types[static_cast<std::size_t>(c)]));
      rows.push_back(std::move(row));
    }
    return Result(std::move(columns), std::move(rows));
  }

  std::int64_t execute(std::string_view sql, std::span<const Value> params) override {
    ResultGuard res{run(sql, params)};
    const char* n = PQcmdTuples(res.r);
    return (n && *n) ? std::strtoll(n, nullptr, 10) : 0;
  }

  void execute_script(std::string_view sql) override {
    const std::string text(sql);
    ResultGuard res{PQexec(conn_, text.c_str())};
    check(res.r, sql);
  }

  const Dialect& dialect() const override { return dialect_; }

 private:
  PGresult* run(std::string_view sql, std::span<const Value> params) {
    const std::string& name = prepare(sql, params.size());
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const auto& v = params[i];
      if (std::holds_alternative<Null>(v)) continue;
      if (const auto* n = std::get_if<std::int64_t>(&v)) {
        texts[i] = std::to_string(*n);
      } else if (const auto* d = std::get_if<double>(&v)) {
        char buf[64];
        const auto [p, ec] = std::to_chars(buf, buf + sizeof buf, *d);
        texts[i].assign(buf, p);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        texts[i] = *s;
      } else if (const auto* b = std::get_if<bool>(&v)) {
        texts[i] = *b ? "t" : "f";
      }
      values[i] = texts[i].c_str();
    }
    PGresult* res = PQexecPrepared(conn_, name.c_str(), static_cast<int>(params.size()),
                                   values.data(), nullptr, nullptr, 0);
    try {
      check(res, sql);
    } catch (...) {
      PQclear(res);
      throw;
    }
    return res;
  }

  const std::string& prepare(std::string_view sql, std::size_t nparams) {
    const auto key = std::string(sql);
    auto it = prepared_.find(key);
    if (it != prepared_.end()) return it->second;
    std::string name = "s" + std::to_string(prepared_.size() + 1);
    ResultGuard res{PQprepare(conn_, name.c_str(), key.c_str(), 0, nullptr)};
    check(res.r, sql);
    (void)nparams;
    return prepared_.emplace(key, std::move(name)).first->second;
  }

  void check(PGresult* res, std::string_view sql) {
    const auto status = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) {
      return;
    }
    const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
    std::string message = res ? PQresultErrorMessage(res) : PQerrorMessage(conn_);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
      message.pop_back();
    auto kind = kind_of(state);
    if (!healthy()) kind = DbErrorKind::connection_failure;
    throw DbError(kind, "postgres: " + message + " in: " + std::string(sql.substr(0, 200)));
  }

  static Value convert(PGresult* r, int row, int col, Oid type) {
    if (PQgetisnull(r, row, col)) return Null{};
    const char* text = PQgetvalue(r, row, col);
    const auto len = static_cast<std::size_t>(PQgetlength(r, row, col));
    switch (type) {
      case kInt8:
      case kInt2:
      case kInt4:
      case kOid: {
        std::int64_t v = 0;
        std::from_chars(text, text + len, v);
        return v;
      }
      case kFloat4:
      case kFloat8:
      case kNumeric:
        return std::strtod(text, nullptr);
      case kBool:
        return text[0] == 't';
      case kBytea: {
        std::size_t n = 0;
        unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &n);
        std::string out(reinterpret_cast<const char*>(raw), n);
        PQfreemem(raw);
        return out;
      }
      default:
        return std::string(text, len);
    }
  }

  PGconn* conn_ = nullptr;
  Dialect dialect_;
  std::unordered_map<std::string, std::string> prepared_;
};

class PgDatabase final : public Database {
 public:
  explicit PgDatabase(const DatabaseOptions& options)
      : options_(options),
        dialect_(Engine::postgres),
        pool_(options.pool_size, [this] { return std::make_unique<PgConnection>(options_.url); }) {
    // Connect once now so a wrong URL fails at start-up, not at the first request.
    pool_.acquire();
  }

  const Dialect& dialect() const override { return dialect_; }

  PoolStats stats() const override { return pool_.stats(); }

  bool ping() override {
    try {
      run_read([](Connection& c) { c.query("SELECT 1", {}); });
      return true;
    } catch (const DbError&) {
      return false;
    }
  }

 protected:
  void run_write(const std::function<void(Connection&)>& unit) override { run(unit, "BEGIN", 3); }
  void run_read(const std::function<void(Connection&)>& unit) override {
    run(unit, "BEGIN READ ONLY", 2);
  }

 private:
  void run(const std::function<void(Connection&)>& unit, const char* begin, int attempts) {
    for (int attempt = 1;; ++attempt) {
      auto conn = pool_.acquire();
      // A broken connection goes back closed; the next acquire opens a fresh one.
      struct Check {
        decltype(conn)& lease;
        ~Check() {
          if (!lease->healthy()) lease.discard();
        }
      } check{conn};
      bool began = false;
      try {
        conn->execute_script(begin);
        began = true;
        unit(*conn);
        conn->execute_script("COMMIT");
        return;
      } catch (const DbError& e) {
        if (conn->healthy() && began) rollback(*conn);
        // A broken connection before the unit began, or a serialization failure, leaves
        // nothing committed: safe to run again on a fresh connection.
        const bool retry = e.kind() == DbErrorKind::serialization_failure ||
                           (e.kind() == DbErrorKind::connection_failure && !began);
        if (!retry || attempt >= attempts) throw;
      } catch (...) {
        if (conn->healthy()) rollback(*conn);
        throw;
      }
    }
  }

  static void rollback(PgConnection& c) {
    try {
      c.execute_script("ROLLBACK");
    } catch (const DbError&) {
      // The connection is judged by healthy() on release.
    }
  }

  DatabaseOptions options_;
  Dialect dialect_;
  ConnectionPool<PgConnection> pool_;
};

}  // namespace

std::unique_ptr<Database> open_postgres(const DatabaseOptions& options) {
  return std::make_unique<PgDatabase>(options);
}

}  // namespace tongxin::storage
