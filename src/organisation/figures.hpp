// src/organisation/figures.hpp
//
// What the reports module needs of the organisation (docs/reports.md): the conferences of a
// subtree, whose work a sector, a committee or a studio stands for, and the studios figure
// over the organisation's own tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/figures/filter.hpp"
#include "core/storage/connection.hpp"

namespace tongxin::organisation {

// The conference and every conference below it (archived ones included: their past work
// still counts), by id; empty when the conference is unknown.
std::vector<std::int64_t> conference_and_below(storage::Connection& c, std::int64_t id);
// The conference a sector / committee belongs to; nullopt when unknown.
std::optional<std::int64_t> conference_of_sector(storage::Connection& c, std::int64_t sector_id);
std::optional<std::int64_t> conference_of_committee(storage::Connection& c,
                                                    std::int64_t committee_id);
// Every member of a sector / committee / studio, archived ones included, by id.
std::vector<std::int64_t> member_ids_of_sector(storage::Connection& c, std::int64_t sector_id);
std::vector<std::int64_t> member_ids_of_committee(storage::Connection& c,
                                                  std::int64_t committee_id);
std::vector<std::int64_t> member_ids_of_studio(storage::Connection& c, std::int64_t studio_id);
// The conference of a studio, archived or not; nullopt when unknown.
std::optional<std::int64_t> conference_of_studio(storage::Connection& c, std::int64_t studio_id);

// studios_built; nullopt for another key.
std::optional<figures::Query> figure_query(std::string_view key, const figures::Filter& f);

}  // namespace tongxin::organisation
