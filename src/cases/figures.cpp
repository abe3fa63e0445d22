// src/cases/figures.cpp
//
// Cases count in the period they came in (created_at, China time); a duplicate merged into
// another case is not a case of its own. Feedback is a first answer to the citizen: every
// answering action (reply, refer, convert, decline) sets replied_at. Handled is a result
// that stands: answered with an outcome other than a decline, and not reopened since.
#include "cases/figures.hpp"

#include <string>

namespace tongxin::cases {

std::optional<figures::Query> figure_query(std::string_view key, const figures::Filter& f) {
  // cases_conference (conference_id, id) narrows to the conferences; the period is a range
  // test on those rows (docs/reports.md: index notes).
  std::string w = "FROM cases c WHERE c.conference_id IN (" + figures::id_list(f.conference_ids) +
                  ") AND c.created_at >= $1 AND c.created_at <= $2 AND c.merged_into_id IS NULL"
                  " AND c.status <> 'merged'";
  if (f.studio_id) w += " AND c.studio_id = " + std::to_string(*f.studio_id);
  w += figures::member_clause(f, "c.member_id");
  std::string part;
  if (key == "cases_collected") {
  } else if (key == "cases_feedback_rate") {
    part = "c.replied_at IS NOT NULL";
  } else if (key == "cases_handled_rate") {
    part =
        "c.status IN ('replied', 'converted', 'referred', 'rated', 'closed') AND c.outcome IN"
        " ('solved', 'partly_solved', 'explained', 'referred', 'converted')";
  } else {
    return std::nullopt;
  }
  // The title only: the citizen's name and phone never leave the cases module.
  return figures::Query{.from_where = w,
                        .id_column = "c.id",
                        .row_columns = "c.title, c.created_at, c.status, c.studio_id, c.member_id",
                        .kind = "case",
                        .part = part};
}

}  // namespace tongxin::cases
