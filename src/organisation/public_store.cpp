// src/organisation/public_store.cpp
#include "organisation/public_store.hpp"

#include "core/storage/dialect.hpp"

namespace tongxin::organisation {

std::vector<StudioSpot> find_public_studios(storage::Connection& c, const StudioSearch& s) {
  std::string sql =
      "SELECT id, lat, lng FROM studios WHERE archived_at IS NULL AND status <> 'archived'"
      " AND division_code LIKE $1 AND " +
      c.dialect().ilike("search_key", "$2");
  std::vector<storage::Value> params{s.division_prefix + "%",
                                     "%" + storage::Dialect::like_escape(s.q) + "%"};
  if (s.near) {
    sql += " AND lat BETWEEN $3 AND $4 AND lng BETWEEN $5 AND $6";
    const auto [lat, lng] = *s.near;
    params.insert(params.end(), {lat - 0.5, lat + 0.5, lng - 0.6, lng + 0.6});
  }
  sql += " ORDER BY id LIMIT 500";
  std::vector<StudioSpot> out;
  for (const auto r : c.query(sql, params)) {
    StudioSpot spot{.id = r.int64("id")};
    if (!r.is_null("lat")) spot.lat = r.real("lat");
    if (!r.is_null("lng")) spot.lng = r.real("lng");
    out.push_back(spot);
  }
  return out;
}

std::vector<StudioName> studios_of_member(storage::Connection& c, std::int64_t member_id) {
  std::vector<StudioName> out;
  for (const auto r : c.q("SELECT s.id, s.name FROM studio_members sm JOIN studios s ON"
                          " s.id = sm.studio_id WHERE sm.member_id = $1 AND s.archived_at IS NULL"
                          " ORDER BY s.id",
                          member_id)) {
    out.push_back({r.int64("id"), r.text("name")});
  }
  return out;
}

bool live_studio_exists(storage::Connection& c, std::int64_t id) {
  return !c.q("SELECT 1 FROM studios WHERE id = $1 AND archived_at IS NULL", id).empty();
}

bool live_member_exists(storage::Connection& c, std::int64_t id) {
  return !c.q("SELECT 1 FROM members WHERE id = $1 AND archived_at IS NULL", id).empty();
}

}  // namespace tongxin::organisation
