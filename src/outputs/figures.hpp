// src/outputs/figures.hpp
//
// The outputs' figures for reports (docs/reports.md), over the outputs' own tables only.
#pragma once

#include <optional>
#include <string_view>

#include "core/figures/filter.hpp"

namespace tongxin::outputs {

// micro_suggestions_submitted | micro_suggestions_answer_rate | proposals_registered |
// opinion_reports_adopted | leader_instructions; nullopt for another key.
std::optional<figures::Query> figure_query(std::string_view key, const figures::Filter& f);

}  // namespace tongxin::outputs
