// src/core/figures/filter.hpp
//
// What a report's figure is counted over, resolved to keys before any module sees it: the
// reports module turns conference + include_below, studio, sector, committee and member into
// plain id lists (through organisation), so each module answers its own figures over its own
// columns and no module depends on reports. A module answers a figure with a Query (the
// FROM … WHERE … of the rows it counts); core/figures/run.hpp runs it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar/dates.hpp"

namespace tongxin::figures {

struct Filter {
  std::vector<std::int64_t> conference_ids;  // never empty once resolved
  std::optional<std::int64_t> studio_id;
  // The studio's members, for tables that know members but not studios (key contacts).
  std::vector<std::int64_t> studio_member_ids;
  // Whose work counts (sector, committee or member filters); nullopt = everyone's.
  std::optional<std::vector<std::int64_t>> member_ids;
  calendar::Period period = calendar::Period::year(2026);
};

// How a module answers a figure. `from_where` is "FROM … WHERE …" with $1 and $2 the
// period's bounds (ms of the first and last millisecond, or "YYYY-MM-DD" when
// dates_in_ms is false); `row_columns` are the drill-down's title, date, state, studio_id
// and member_id (masked: never a citizen's name in clear or phone).
struct Query {
  std::string from_where;
  std::string id_column;
  std::string row_columns;
  std::string kind;  // what a row is: case | activity | key_contact | studio | output | …
  bool dates_in_ms = true;
  std::string amount;  // a sum (people served): the summed column; empty for a count
  std::string part;    // a rate: the condition of the numerator's rows; empty otherwise
};

// "1,2,3" for an IN list of ids ("0" when empty, which matches nothing). Ids are integers,
// so the text is safe to splice; the lists are short (a conference tree, a sector).
inline std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string s;
  for (const auto id : ids)
    s += (s.empty() ? "" : ",") + std::to_string(id);
  return s.empty() ? "0" : s;
}

// " AND <column> IN (…)" when the filter names members, else nothing.
inline std::string member_clause(const Filter& f, const std::string& column) {
  return f.member_ids ? " AND " + column + " IN (" + id_list(*f.member_ids) + ")" : std::string();
}

}  // namespace tongxin::figures
