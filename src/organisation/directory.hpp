// src/organisation/directory.hpp
//
// Lookups and one membership write that the demo and the benchmarks' bulk loader need on
// top of briefs.hpp: whether any conference exists, the first live conference of a level,
// a national sector by name, a conference's studios with their members and its agencies
// with their short names, and putting a member into a studio.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/storage/connection.hpp"

namespace tongxin::organisation {

bool has_conferences(storage::Connection& c);
// The oldest live conference of `level` (national | provincial | city | county).
std::optional<std::int64_t> first_conference_of_level(storage::Connection& c,
                                                      std::string_view level);
std::optional<std::int64_t> national_sector_named(storage::Connection& c, std::string_view name);

struct StudioMember {
  std::int64_t member_id = 0;
  std::optional<std::int64_t> sector_id;
};
struct StudioRoster {
  std::int64_t id = 0;
  std::string division_code;          // as stored
  std::vector<StudioMember> members;  // live members, by id
};
// Live studios of a conference by id, with their live members.
std::vector<StudioRoster> studio_rosters(storage::Connection& c, std::int64_t conference_id);

struct AgencyRef {
  std::int64_t id = 0;
  std::string short_name;
};
// Live agencies (承办单位) of a conference, by id.
std::vector<AgencyRef> agencies_of_conference(storage::Connection& c, std::int64_t conference_id);

// Puts a member into a studio (no-op when already in it).
void add_studio_member(storage::Connection& c, std::int64_t studio_id, std::int64_t member_id,
                       std::int64_t at_ms);

}  // namespace tongxin::organisation
