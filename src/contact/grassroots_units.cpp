// src/contact/grassroots_units.cpp
//
// Grassroots units (基层单元) and the one unit each member is tied to.
#include <algorithm>
#include <boost/json.hpp>

#include "contact/internal.hpp"
#include "core/error.hpp"
#include "core/text/text.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::contact {

Page<GrassrootsUnit> grassroots_units_in_scope(storage::Connection& c, const auth::Principal& p,
                                               const std::string& q, std::int64_t after,
                                               int limit) {
  Page<GrassrootsUnit> page;
  const auto scope = organisation::conferences_in_scope(c, p);
  if (scope.empty()) return page;
  std::vector<storage::Value> params{q, "%" + storage::Dialect::like_escape(q) + "%", after,
                                     static_cast<std::int64_t>(limit) + 1};
  const auto in = placeholders(params, scope);
  const auto rows = c.query(
      "SELECT u.*, (SELECT COUNT(*) FROM member_units mu WHERE mu.unit_id = u.id) AS members"
      " FROM grassroots_units u WHERE u.conference_id IN (" +
          in +
          ") AND u.archived_at IS NULL AND ($1 = '' OR u.search_key LIKE $2) AND u.id > $3"
          " ORDER BY u.id LIMIT $4",
      params);
  const auto n = std::min(rows.size(), static_cast<std::size_t>(limit));
  if (rows.size() > n) page.next_after = rows[n - 1].int64("id");
  for (std::size_t i = 0; i < n; ++i) {
    const auto r = rows[i];
    page.items.push_back({r.int64("id"), r.text("name"), r.text("kind"), r.text("division_code"),
                          r.text("address"), r.int64("members")});
  }
  return page;
}

GrassrootsUnit create_grassroots_unit(storage::Connection& c, const audit::Actor& actor,
                                      std::int64_t conference_id, const NewGrassrootsUnit& u,
                                      std::int64_t now_ms) {
  const auto id = c.q("INSERT INTO grassroots_units (conference_id, name, kind, division_code,"
                      " address, search_key, created_at, updated_at)"
                      " VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                      conference_id, u.name, u.kind, u.division_code, u.address,
                      text::search_key(u.name), now_ms)
                      .front()
                      .int64(0);
  audit::record(c, actor, {"grassroots_unit.create", "grassroots_unit", id, nullptr});
  return {id, u.name, u.kind, u.division_code, u.address, 0};
}

void tie_member_to_unit(storage::Connection& c, const audit::Actor& actor, std::int64_t member_id,
                        std::int64_t unit_id, std::int64_t now_ms) {
  if (c.q("SELECT 1 FROM grassroots_units WHERE id = $1 AND archived_at IS NULL", unit_id)
          .empty()) {
    throw Error::invalid_field("unit_id", "基层单元不存在", "unknown unit");
  }
  c.x("INSERT INTO member_units (member_id, unit_id, since) VALUES ($1, $2, $3)"
      " ON CONFLICT (member_id) DO UPDATE SET unit_id = excluded.unit_id,"
      " since = excluded.since",
      member_id, unit_id, now_ms);
  audit::record(
      c, actor,
      {"member.grassroots_unit", "member", member_id, boost::json::object{{"unit_id", unit_id}}});
}

}  // namespace tongxin::contact
