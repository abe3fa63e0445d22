// src/organisation/directory.cpp
#include "organisation/directory.hpp"

#include <map>

namespace tongxin::organisation {

bool has_conferences(storage::Connection& c) {
  return c.q("SELECT COUNT(*) FROM conferences").front().int64(0) > 0;
}

std::optional<std::int64_t> first_conference_of_level(storage::Connection& c,
                                                      std::string_view level) {
  const auto r =
      c.q("SELECT id FROM conferences WHERE level = $1 AND archived_at IS NULL ORDER BY id LIMIT 1",
          std::string(level));
  if (r.empty()) return std::nullopt;
  return r.front().int64(0);
}

std::optional<std::int64_t> national_sector_named(storage::Connection& c, std::string_view name) {
  const auto r = c.q("SELECT id FROM national_sectors WHERE name = $1", std::string(name));
  if (r.empty()) return std::nullopt;
  return r.front().int64(0);
}

std::vector<StudioRoster> studio_rosters(storage::Connection& c, std::int64_t conference_id) {
  std::vector<StudioRoster> out;
  std::map<std::int64_t, std::size_t> index;
  for (const auto& s : c.q("SELECT id, division_code FROM studios WHERE conference_id = $1"
                           " AND archived_at IS NULL ORDER BY id",
                           conference_id)) {
    index[s.int64(0)] = out.size();
    out.push_back({s.int64(0), s.text(1), {}});
  }
  for (const auto& m : c.q("SELECT sm.studio_id, m.id, m.sector_id FROM studio_members sm"
                           " JOIN members m ON m.id = sm.member_id"
                           " WHERE m.conference_id = $1 AND m.archived_at IS NULL"
                           " ORDER BY sm.studio_id, m.id",
                           conference_id)) {
    const auto it = index.find(m.int64(0));
    if (it == index.end()) continue;
    out[it->second].members.push_back({m.int64(1), m.opt_int64("sector_id")});
  }
  return out;
}

std::vector<AgencyRef> agencies_of_conference(storage::Connection& c, std::int64_t conference_id) {
  std::vector<AgencyRef> out;
  for (const auto& r : c.q("SELECT id, short_name FROM agencies WHERE conference_id = $1 AND"
                           " archived_at IS NULL ORDER BY id",
                           conference_id))
    out.push_back({r.int64(0), r.text(1)});
  return out;
}

void add_studio_member(storage::Connection& c, std::int64_t studio_id, std::int64_t member_id,
                       std::int64_t at_ms) {
  c.q("INSERT INTO studio_members (studio_id, member_id, joined_at) VALUES ($1, $2, $3)"
      " ON CONFLICT (studio_id, member_id) DO NOTHING",
      studio_id, member_id, at_ms);
}

}  // namespace tongxin::organisation
