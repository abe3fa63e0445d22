// src/core/storage/dialect.hpp
//
// What differs between SQLite and PostgreSQL, and nothing else. SQL text elsewhere is
// written once with $1..$N parameters (both engines accept them, along with RETURNING
// and ON CONFLICT ... DO UPDATE).
#pragma once

#include <string>
#include <string_view>

namespace tongxin::storage {

enum class Engine { sqlite, postgres };

class Dialect {
 public:
  explicit Dialect(Engine engine) : engine_(engine) {}

  Engine engine() const { return engine_; }
  std::string_view name() const { return engine_ == Engine::sqlite ? "sqlite" : "postgres"; }

  // Expands the DDL placeholders used in migration files:
  //   {{id}}        auto-increment 64-bit primary key
  //   {{bigint}} {{int}} {{real}} {{text}} {{bool}} {{blob}} {{json}}
  //   {{true}} {{false}}  boolean literals
  // Unknown placeholders throw DbError so a typo fails the migration test, not production.
  // Lines between "-- @sqlite" (or "-- @postgres") and "-- @end" are kept for that engine
  // only.
  std::string expand_ddl(std::string_view sql) const;

  // A case-insensitive "contains/prefix" predicate on `column` against parameter `param`
  // (e.g. "$3"), whose value the caller makes with like_pattern().
  std::string ilike(std::string_view column, std::string_view param) const;
  // Escapes %, _ and \ in `text`; ESCAPE '\' is part of the ilike() predicate.
  static std::string like_escape(std::string_view text);

 private:
  Engine engine_;
};

}  // namespace tongxin::storage
