// src/organisation/roster.hpp
//
// Lookups over members, sectors and studios for modules that relate their own rows to them
// (contact work: who is concerned by a sector's trigger, who may join an activity, whose
// names a public page shows). One query each, whatever the number of ids.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/storage/connection.hpp"

namespace tongxin::organisation {

// How many of `ids` (distinct) are members of the conference, archived or not.
std::int64_t count_members_of_conference(storage::Connection& c, std::int64_t conference_id,
                                         const std::vector<std::int64_t>& ids);
// The live members of one sector of the conference, in id order.
std::vector<std::int64_t> live_members_of_sector(storage::Connection& c, std::int64_t conference_id,
                                                 std::int64_t sector_id);
// The studios of a conference (archived ones included: their past activities still count).
std::vector<std::int64_t> studios_of_conference(storage::Connection& c, std::int64_t conference_id);
// id → name of those of `ids` whose profile is public.
std::map<std::int64_t, std::string> public_names_of_members(storage::Connection& c,
                                                            const std::vector<std::int64_t>& ids);
// id → name of those of `ids` that are live sectors of the conference.
std::map<std::int64_t, std::string> live_sector_names(storage::Connection& c,
                                                      const std::vector<std::int64_t>& ids,
                                                      std::int64_t conference_id);

}  // namespace tongxin::organisation
