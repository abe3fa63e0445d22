// src/outputs/figures.cpp
//
// An output counts in the period it was submitted (submitted_at), as summary.cpp counts the
// year: accepted (采纳 / 立案 / 采用, accepted_at) and answered (replied_at) are what became
// of those submissions, so 办复率 = answered / accepted is summary.cpp's definition
// (workflows.md §2; reports_test pins the two to the same value). A leader's instruction
// counts on the day it was given (output_outcomes.occurred_on), once per instruction.
#include "outputs/figures.hpp"

#include <string>

namespace tongxin::outputs {

namespace {

std::string author_clause(const figures::Filter& f) {
  if (!f.member_ids) return "";
  return " AND EXISTS (SELECT 1 FROM output_authors au WHERE au.output_id = o.id AND"
         " au.member_id IN (" +
         figures::id_list(*f.member_ids) + "))";
}

// outputs_kind_id (kind, conference_id, id) narrows to the kind and conferences.
std::string submitted(const figures::Filter& f, const char* kind) {
  return std::string("FROM outputs o WHERE o.kind = '") + kind + "' AND o.conference_id IN (" +
         figures::id_list(f.conference_ids) +
         ") AND o.submitted_at >= $1 AND o.submitted_at <= $2" +
         (f.studio_id ? " AND o.studio_id = " + std::to_string(*f.studio_id) : std::string()) +
         author_clause(f);
}

figures::Query outputs_query(std::string from_where, std::string part = "") {
  return figures::Query{.from_where = std::move(from_where),
                        .id_column = "o.id",
                        .row_columns = "o.title, o.submitted_at, o.status, o.studio_id, NULL",
                        .kind = "output",
                        .part = std::move(part)};
}

}  // namespace

std::optional<figures::Query> figure_query(std::string_view key, const figures::Filter& f) {
  if (key == "micro_suggestions_submitted") return outputs_query(submitted(f, "micro_suggestion"));
  if (key == "micro_suggestions_answer_rate") {
    return outputs_query(submitted(f, "micro_suggestion") + " AND o.accepted_at IS NOT NULL",
                         "o.replied_at IS NOT NULL");
  }
  if (key == "proposals_registered") {
    return outputs_query(submitted(f, "proposal") + " AND o.accepted_at IS NOT NULL");
  }
  if (key == "opinion_reports_adopted") {
    return outputs_query(submitted(f, "opinion_report") + " AND o.accepted_at IS NOT NULL");
  }
  if (key == "leader_instructions") {
    return figures::Query{
        .from_where =
            "FROM output_outcomes x JOIN outputs o ON o.id = x.output_id WHERE"
            " x.kind = 'instruction' AND o.conference_id IN (" +
            figures::id_list(f.conference_ids) +
            ") AND x.occurred_on >= $1 AND x.occurred_on <= $2" +
            (f.studio_id ? " AND o.studio_id = " + std::to_string(*f.studio_id) : std::string()) +
            author_clause(f),
        .id_column = "x.id",
        .row_columns = "o.title, x.occurred_on, x.level, o.studio_id, NULL",
        .kind = "leader_instruction",
        .dates_in_ms = false};
  }
  return std::nullopt;
}

}  // namespace tongxin::outputs
