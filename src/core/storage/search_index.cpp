// src/core/storage/search_index.cpp
#include "core/storage/search_index.hpp"

namespace tongxin::storage {

namespace {

std::string conjunction(const std::vector<std::string>& terms_sql) {
  std::string out;
  for (const auto& t : terms_sql)
    out += (out.empty() ? " WHERE " : " AND ") + t;
  return out;
}

}  // namespace

void SearchIndex::put(Connection& c, std::int64_t id, const std::string& old_tokens,
                      const std::string& tokens) const {
  if (c.dialect().engine() == Engine::sqlite) {
    remove(c, id, old_tokens);
    c.x("INSERT INTO " + fts_table_ + " (rowid, tokens) VALUES ($1, $2)", id, tokens);
  } else {
    c.x("UPDATE " + table_ + " SET " + vector_column_ +
            " = to_tsvector('simple', $2) WHERE id = $1",
        id, tokens);
  }
}

void SearchIndex::remove(Connection& c, std::int64_t id, const std::string& old_tokens) const {
  if (c.dialect().engine() == Engine::sqlite) {
    if (old_tokens.empty()) return;
    c.x("INSERT INTO " + fts_table_ + " (" + fts_table_ +
            ", rowid, tokens) VALUES ('delete', $1, $2)",
        id, old_tokens);
  } else {
    c.x("UPDATE " + table_ + " SET " + vector_column_ + " = NULL WHERE id = $1", id);
  }
}

std::string SearchIndex::ranked_candidates(const Connection& c, std::string_view alias,
                                           std::string_view columns, std::vector<std::string> where,
                                           const std::vector<text::QueryTerm>& terms,
                                           const AddParam& param, std::string_view cap) const {
  const std::string a(alias);
  if (c.dialect().engine() == Engine::sqlite) {
    // CROSS JOIN keeps the index outermost: newest matches first, stopping at the cap.
    where.insert(where.begin(), a + ".id = " + fts_table_ + ".rowid");
    where.insert(where.begin(), fts_table_ + " MATCH " + param(to_value(text::fts5_match(terms))));
    return "SELECT " + std::string(columns) + ", bm25(" + fts_table_ + ") AS rank FROM " +
           fts_table_ + " CROSS JOIN " + table_ + " " + a + conjunction(where) + " ORDER BY " +
           fts_table_ + ".rowid DESC LIMIT " + std::string(cap);
  }
  const auto q = param(to_value(text::pg_tsquery(terms)));
  const auto vector = a + "." + vector_column_;
  where.insert(where.begin(), vector + " @@ to_tsquery('simple', " + q + ")");
  // Negated so that lower is better, as bm25 is.
  return "SELECT " + std::string(columns) + ", (-(ts_rank(" + vector + ", to_tsquery('simple', " +
         q + "))))::float8 AS rank FROM " + table_ + " " + a + conjunction(where) + " ORDER BY " +
         a + ".id DESC LIMIT " + std::string(cap);
}

}  // namespace tongxin::storage
