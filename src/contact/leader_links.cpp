// src/contact/leader_links.cpp
//
// Leaders' contact points (领导包抓联系, seed 001): each leader is tied to one studio, one
// county conference and one township studio, and visits each once a quarter. A visit is an
// activity the leader took part in at that studio, or at any studio of that county
// conference.
#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "contact/internal.hpp"
#include "core/error.hpp"
#include "organisation/briefs.hpp"
#include "organisation/roster.hpp"

namespace tongxin::contact {

namespace {

// First and last day (YYYY-MM-DD) of a quarter.
std::pair<std::string, std::string> quarter_range(int year, int quarter) {
  static const char* kStart[] = {"-01-01", "-04-01", "-07-01", "-10-01"};
  static const char* kEnd[] = {"-03-31", "-06-30", "-09-30", "-12-31"};
  return {std::to_string(year) + kStart[quarter - 1], std::to_string(year) + kEnd[quarter - 1]};
}

std::int64_t visits_at_studio(storage::Connection& c, std::int64_t leader, std::int64_t studio,
                              const std::pair<std::string, std::string>& q) {
  return c
      .q("SELECT COUNT(*) FROM activities a JOIN activity_members m ON m.activity_id = a.id"
         " WHERE m.member_id = $1 AND a.studio_id = $2 AND a.revoked_at IS NULL AND a.held_on"
         " BETWEEN $3 AND $4",
         leader, studio, q.first, q.second)
      .front()
      .int64(0);
}

std::int64_t visits_in_conference(storage::Connection& c, std::int64_t leader,
                                  std::int64_t conference,
                                  const std::pair<std::string, std::string>& q) {
  const auto studios = organisation::studios_of_conference(c, conference);
  if (studios.empty()) return 0;
  std::vector<storage::Value> params{leader, q.first, q.second};
  const auto in = placeholders(params, studios);
  return c
      .query(
          "SELECT COUNT(*) FROM activities a JOIN activity_members m ON m.activity_id = a.id"
          " WHERE m.member_id = $1 AND a.revoked_at IS NULL AND a.held_on BETWEEN $2 AND $3"
          " AND a.studio_id IN (" +
              in + ")",
          params)
      .front()
      .int64(0);
}

}  // namespace

LeaderLinkSaved save_leader_link(storage::Connection& c, const audit::Actor& actor,
                                 const LeaderLink& link, std::int64_t now_ms) {
  const auto m = organisation::find_member(c, link.leader_member_id);
  if (!m) throw Error::invalid_field("leader_member_id", "委员不存在", "unknown member");
  for (const auto& [field, id] : {std::pair{"studio_id", link.studio_id},
                                  std::pair{"township_studio_id", link.township_studio_id}}) {
    if (!organisation::find_studio(c, id)) {
      throw Error::invalid_field(field, "委员工作室不存在", "unknown studio");
    }
  }
  // A county conference below the leader's own (a city's leader visits its counties).
  const auto leader_path = organisation::conference_path(c, m->conference_id);
  const auto county_path = organisation::conference_path(c, link.county_conference_id);
  if (county_path.empty()) {
    throw Error::invalid_field("county_conference_id", "县级政协不存在",
                               "unknown county conference");
  }
  if (county_path == leader_path || !county_path.starts_with(leader_path)) {
    throw Error::invalid_field("county_conference_id", "联系的县级政协应为该领导所在政协的下级政协",
                               "the county conference is one below the leader's conference");
  }
  const auto id = c.q("INSERT INTO leader_links (conference_id, leader_member_id, studio_id,"
                      " county_conference_id, township_studio_id, created_at) VALUES ($1, $2,"
                      " $3, $4, $5, $6) ON CONFLICT (leader_member_id) DO UPDATE SET studio_id"
                      " = excluded.studio_id, county_conference_id ="
                      " excluded.county_conference_id, township_studio_id ="
                      " excluded.township_studio_id RETURNING id",
                      m->conference_id, link.leader_member_id, link.studio_id,
                      link.county_conference_id, link.township_studio_id, now_ms)
                      .front()
                      .int64(0);
  audit::record(c, actor, {"leader_link.save", "leader_link", id, nullptr});
  return {id, m->conference_id};
}

std::vector<LeaderLinkVisits> leader_links_in_scope(storage::Connection& c,
                                                    const auth::Principal& p, int year,
                                                    int quarter) {
  std::vector<LeaderLinkVisits> out;
  const auto scope = organisation::conferences_in_scope(c, p);
  if (scope.empty()) return out;
  const auto q = quarter_range(year, quarter);
  std::vector<storage::Value> params;
  const auto in = placeholders(params, scope);
  const auto rows =
      c.query("SELECT * FROM leader_links WHERE conference_id IN (" + in + ") ORDER BY id", params);
  // Names of the leaders and of their points: one query each, not one per row.
  std::vector<std::int64_t> leaders, studios, counties;
  for (const auto& r : rows) {
    leaders.push_back(r.int64("leader_member_id"));
    for (const auto* col : {"studio_id", "township_studio_id"}) {
      if (const auto s = r.opt_int64(col)) studios.push_back(*s);
    }
    if (const auto k = r.opt_int64("county_conference_id")) counties.push_back(*k);
  }
  const auto leader_names = organisation::names_of_members(c, leaders);
  const auto studio_names = organisation::names_of_studios(c, studios);
  const auto county_names = organisation::names_of_conferences(c, counties);
  const auto named = [](const std::map<std::int64_t, std::string>& names,
                        std::optional<std::int64_t> id) -> std::optional<NamedRef> {
    if (!id) return std::nullopt;
    const auto it = names.find(*id);
    return NamedRef{*id, it == names.end() ? std::string() : it->second};
  };
  for (const auto& r : rows) {
    LeaderLinkVisits v;
    v.id = r.int64("id");
    v.leader_member_id = r.int64("leader_member_id");
    const auto name = leader_names.find(v.leader_member_id);
    v.leader = name == leader_names.end() ? std::string() : name->second;
    const auto studio = r.opt_int64("studio_id");
    const auto township = r.opt_int64("township_studio_id");
    const auto county = r.opt_int64("county_conference_id");
    v.studio = named(studio_names, studio);
    v.county = named(county_names, county);
    v.township = named(studio_names, township);
    v.studio_visits = studio ? visits_at_studio(c, v.leader_member_id, *studio, q) : 0;
    v.township_visits = township ? visits_at_studio(c, v.leader_member_id, *township, q) : 0;
    v.county_visits = county ? visits_in_conference(c, v.leader_member_id, *county, q) : 0;
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace tongxin::contact
