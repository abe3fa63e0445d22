// src/core/figures/run.hpp
//
// Runs a module's figures::Query: the tally, or a page of the rows behind it. The SQL is the
// module's own, over its own tables; this only binds the period and pages by id.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar/calendar.hpp"
#include "core/figures/filter.hpp"
#include "core/storage/connection.hpp"

namespace tongxin::figures {

// What a query counts: its rows, the sum of `amount` over them, and the rows meeting `part`.
struct Tally {
  std::int64_t rows = 0, amount = 0, part = 0;
};

// One row behind a figure.
struct Row {
  std::int64_t id = 0;
  std::string kind, title, date, state;  // date: YYYY-MM-DD (China time)
  std::optional<std::int64_t> studio_id, member_id;
  std::optional<std::int64_t> amount;  // sums: this row's share
  std::optional<bool> counted;         // rates: whether the row is in the numerator
};

namespace detail {

template <class... More>
storage::Result run(storage::Connection& c, const Query& q, const Filter& f, const std::string& sql,
                    More... more) {
  if (q.dates_in_ms) return c.q(sql, f.period.from_ms(), f.period.to_ms(), more...);
  return c.q(sql, calendar::iso_date(f.period.from), calendar::iso_date(f.period.to), more...);
}

inline std::string part_expr(const Query& q) {
  return "CASE WHEN " + q.part + " THEN 1 ELSE 0 END";
}

}  // namespace detail

inline Tally run_tally(storage::Connection& c, const Query& q, const Filter& f) {
  const std::string sql =
      "SELECT COUNT(*), " + (q.amount.empty() ? std::string("0") : "SUM(" + q.amount + ")") + ", " +
      (q.part.empty() ? std::string("0") : "SUM(" + detail::part_expr(q) + ")") + " " +
      q.from_where;
  const auto rows = detail::run(c, q, f, sql);
  Tally t;
  if (rows.empty()) return t;
  const auto& r = rows.front();
  t.rows = r.int64(0);
  t.amount = r.is_null(1) ? 0 : r.int64(1);
  t.part = r.is_null(2) ? 0 : r.int64(2);
  return t;
}

// Rows with id > after in id order, at most limit + 1 (the extra one tells there is more).
inline std::vector<Row> run_rows(storage::Connection& c, const Query& q, const Filter& f,
                                 std::int64_t after, int limit) {
  std::string extra;
  if (!q.amount.empty()) extra = ", " + q.amount;
  if (!q.part.empty()) extra = ", " + detail::part_expr(q);
  const std::string sql = "SELECT " + q.id_column + ", " + q.row_columns + extra + " " +
                          q.from_where + " AND " + q.id_column + " > $3 ORDER BY " + q.id_column +
                          " LIMIT $4";
  std::vector<Row> out;
  for (const auto& r : detail::run(c, q, f, sql, after, static_cast<std::int64_t>(limit) + 1)) {
    Row row;
    row.id = r.int64(0);
    row.kind = q.kind;
    row.title = r.is_null(1) ? "" : r.text(1);
    if (!r.is_null(2))
      row.date = q.dates_in_ms ? calendar::iso_date(calendar::china_date(r.int64(2))) : r.text(2);
    row.state = r.is_null(3) ? "" : r.text(3);
    if (!r.is_null(4)) row.studio_id = r.int64(4);
    if (!r.is_null(5)) row.member_id = r.int64(5);
    if (!q.amount.empty()) row.amount = r.is_null(6) ? 0 : r.int64(6);
    if (!q.part.empty()) row.counted = !r.is_null(6) && r.int64(6) != 0;
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace tongxin::figures
