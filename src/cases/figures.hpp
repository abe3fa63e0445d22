// src/cases/figures.hpp
//
// The cases' figures for reports (docs/reports.md), over the cases table only.
#pragma once

#include <optional>
#include <string_view>

#include "core/figures/filter.hpp"

namespace tongxin::cases {

// cases_collected | cases_feedback_rate | cases_handled_rate; nullopt for another key.
std::optional<figures::Query> figure_query(std::string_view key, const figures::Filter& f);

}  // namespace tongxin::cases
