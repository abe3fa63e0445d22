// src/core/text/analyzer.hpp
//
// The one analyzer for full-text search, used for both indexing and queries so both sides
// cut text the same way: NFKC + case folding (normalize()), then per run of Han
// characters the segmenter's search-mode words plus overlapping character bigrams (so a
// two-character word matches even where segmentation went wrong), and per run of
// letters/digits the run itself. Tokens are stored space-joined with kAnalyzerVersion;
// rows with an older version are reindexed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tongxin::text {

inline constexpr int kAnalyzerVersion = 1;

// Tokens of `text` for the index, in order (repeats kept: they weigh in ranking).
std::vector<std::string> index_tokens(std::string_view text);
// index_tokens() joined by single spaces: the value of a *_tokens column.
std::string index_text(std::string_view text);

struct QueryTerm {
  std::string token;
  bool prefix = false;  // match tokens that start with `token`
};
// Terms that must all match. A Han run of two or more characters becomes its bigrams; a
// single Han character or a letter/digit run becomes a prefix term. Empty for a query
// with nothing searchable.
std::vector<QueryTerm> query_terms(std::string_view query);
// The terms as an SQLite FTS5 MATCH expression: "a" AND "b"*.
std::string fts5_match(const std::vector<QueryTerm>& terms);
// The terms as a PostgreSQL to_tsquery('simple', …) text: 'a' & 'b':*.
std::string pg_tsquery(const std::vector<QueryTerm>& terms);

}  // namespace tongxin::text
