// src/core/storage/migrations.cpp
#include "core/storage/migrations.hpp"

#include <chrono>
#include <cstdio>

#include "core/storage/db_error.hpp"

namespace tongxin::storage {

namespace {

// Any 64-bit constant unique to this purpose: the advisory lock every migrating process
// takes, so two servers starting together apply each migration once.
constexpr std::int64_t kMigrationLock = 0x746F6E6778696E;  // "tongxin"

std::string checksum(std::string_view text) {
  // FNV-1a 64: detects an edited migration; not a security boundary.
  std::uint64_t h = 1469598103934665603ULL;
  for (const unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

void lock(Connection& c) {
  if (c.dialect().engine() == Engine::postgres) {
    c.q("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
  }
}

}  // namespace

MigrationReport apply_migrations(Database& db, const std::vector<Migration>& migrations) {
  db.write([](Connection& c) {
    lock(c);
    c.execute_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL,"
        " checksum TEXT NOT NULL, applied_at BIGINT NOT NULL, PRIMARY KEY (module, version))");
  });
  MigrationReport report;
  for (const auto& m : migrations) {
    const std::string label = m.module + "/" + std::to_string(m.version) + "_" + m.name;
    const std::string sum = checksum(m.sql);
    const bool applied = db.write([&](Connection& c) {
      lock(c);
      const auto existing =
          c.q("SELECT checksum FROM schema_migrations WHERE module = $1 AND version = $2", m.module,
              m.version);
      if (!existing.empty()) {
        if (existing.front().text(0) != sum) {
          throw DbError(DbErrorKind::other,
                        "migration " + label +
                            " was changed after it was applied; add a new migration instead");
        }
        return false;
      }
      try {
        c.execute_script(c.dialect().expand_ddl(m.sql));
      } catch (const DbError& e) {
        throw DbError(e.kind(), "migration " + label + " failed: " + e.what());
      }
      c.q("INSERT INTO schema_migrations (module, version, name, checksum, applied_at) "
          "VALUES ($1, $2, $3, $4, $5)",
          m.module, m.version, m.name, sum,
          static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count()));
      return true;
    });
    if (applied) report.applied.push_back(label);
  }
  return report;
}

}  // namespace tongxin::storage
