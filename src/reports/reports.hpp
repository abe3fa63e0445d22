// src/reports/reports.hpp
//
// Reports (issue 10, product.md §9): every figure the seeds quote, for a conference (alone
// or with the levels below), a studio, a sector, a committee or a member, over any period,
// with the same figure for the previous period of equal length and the rows behind it.
// Each module answers its own figures over its own tables (<module>/figures.hpp); this
// module resolves who may see what, names the figures and computes the rates. Definitions:
// docs/reports.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/calendar/dates.hpp"
#include "core/figures/run.hpp"
#include "core/storage/connection.hpp"

namespace tongxin::reports {

// What a report is asked for, as parsed from the query.
struct FigureQuery {
  std::optional<std::int64_t> conference_id;  // absent: the caller's conference
  std::optional<std::int64_t> studio_id, sector_id, committee_id, member_id;
  calendar::Period period = calendar::Period::year(2026);
  bool include_below = true;
};

// The figure catalogue, in display order.
struct FigureSpec {
  std::string_view key, label, unit;
  bool rate = false;  // a fraction 0–1 of the rows behind it
};
const std::vector<FigureSpec>& catalogue();
const FigureSpec* find_spec(std::string_view key);

// A figure's value for one period: a count (or a sum), or a rate part / whole (value
// nullopt when whole is 0).
struct Value {
  std::optional<double> value;
  std::int64_t part = 0, whole = 0;
};
struct Figure {
  const FigureSpec* spec = nullptr;
  Value current, previous;
};

// What the filter resolved to, with names, for the answer's "scope".
struct Scope {
  std::int64_t conference_id = 0;
  std::string conference;
  bool include_below = true;
  std::size_t conferences = 0;  // how many conferences are counted
  std::optional<std::int64_t> studio_id, sector_id, committee_id, member_id;
  std::string studio, sector, committee, member;
};

struct Report {
  Scope scope;
  calendar::Period period;
  std::vector<Figure> figures;
};

// Who may ask: staff, admin and leaders for their conference and those below; a member for
// their own figures (member_id = themselves). Error 403 otherwise; 404 for an unknown or
// out-of-scope studio, sector, committee or member.
Report figures(storage::Connection& c, const auth::Principal& p, const FigureQuery& q);

struct RowsPage {
  const FigureSpec* spec = nullptr;
  Scope scope;
  std::vector<figures::Row> items;
  std::optional<std::int64_t> next_after;  // the cursor's id; absent on the last page
};
// The rows behind figure `key` for the current period, after id `after`, at most `limit`.
// Error 404 for an unknown key; otherwise as figures().
RowsPage figure_rows(storage::Connection& c, const auth::Principal& p, std::string_view key,
                     const FigureQuery& q, std::int64_t after, int limit);

}  // namespace tongxin::reports
