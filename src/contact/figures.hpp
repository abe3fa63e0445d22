// src/contact/figures.hpp
//
// The contact work's figures for reports (docs/reports.md), over the contact tables only.
#pragma once

#include <optional>
#include <string_view>

#include "core/figures/filter.hpp"

namespace tongxin::contact {

// reception_days_held | people_served | things_done | key_contacts | contacts_visited;
// nullopt for another key.
std::optional<figures::Query> figure_query(std::string_view key, const figures::Filter& f);

}  // namespace tongxin::contact
