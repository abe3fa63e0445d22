// src/core/storage/search_index.hpp
//
// A full-text token index over the rows of one table, keyed by the row's id: what a module
// writes and asks when it searches, while which engine keeps the index stays here. SQLite
// keeps it in a contentless FTS5 table ranked by bm25; PostgreSQL in a tsvector column of
// the table (with a GIN index) ranked by ts_rank. The tokens come from the analyzer
// (core/text/analyzer: index_text, query_terms). The schema is the owning module's
// migration (an FTS5 table under "-- @sqlite", the column under "-- @postgres").
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/storage/connection.hpp"
#include "core/text/analyzer.hpp"

namespace tongxin::storage {

class SearchIndex {
 public:
  // Rows of `table` (key column `id`); `fts_table` is the FTS5 table on SQLite,
  // `vector_column` the tsvector column of `table` on PostgreSQL.
  SearchIndex(std::string table, std::string fts_table, std::string vector_column)
      : table_(std::move(table)),
        fts_table_(std::move(fts_table)),
        vector_column_(std::move(vector_column)) {}

  // Indexes row `id` with `tokens`, replacing the entry made from `old_tokens` ("" for a
  // row not indexed yet): a contentless FTS5 table forgets a row only when told the tokens
  // it was indexed with.
  void put(Connection& c, std::int64_t id, const std::string& old_tokens,
           const std::string& tokens) const;
  // Drops row `id`'s entry, made from `old_tokens`.
  void remove(Connection& c, std::int64_t id, const std::string& old_tokens) const;

  // Adds a value to the caller's parameter list and returns its placeholder ("$4").
  using AddParam = std::function<std::string(Value)>;

  // SQL for the ranked candidates of a search: `columns` (written against `alias`, the
  // table's alias) and `rank` — lower is better on both engines — of the newest rows, at
  // most the value of placeholder `cap`, that match every term and every condition of
  // `where`. Ranking a common word over every match costs too much, so callers rank only
  // these candidates (docs/decisions/019) and page on (rank, id) over them.
  std::string ranked_candidates(const Connection& c, std::string_view alias,
                                std::string_view columns, std::vector<std::string> where,
                                const std::vector<text::QueryTerm>& terms, const AddParam& param,
                                std::string_view cap) const;

 private:
  std::string table_, fts_table_, vector_column_;
};

}  // namespace tongxin::storage
