// src/contact/leader_links.cpp
//
// Leaders' contact points (领导包抓联系, seed 001): each leader is tied to one studio, one
// county conference and one township studio, and visits each once a quarter. A visit is an
// activity the leader took part in at that studio, or at any studio of that county
// conference.
#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "contact/contact.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/http/query_params.hpp"
#include "core/json/fields.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::contact {

namespace json = boost::json;
using auth::Role;

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
  return c
      .q("SELECT COUNT(*) FROM activities a JOIN activity_members m ON m.activity_id = a.id"
         " WHERE m.member_id = $1 AND a.revoked_at IS NULL AND a.held_on BETWEEN $3 AND $4 AND"
         " a.studio_id IN (SELECT id FROM studios WHERE conference_id = $2)",
         leader, conference, q.first, q.second)
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

void register_leader_link_routes(http::Router& router, ServiceContext& ctx) {
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/leader-links",
              .handler =
                  [&ctx](http::Request& req) {
                    tongxin::json::FieldReader f(req.json());
                    LeaderLink link;
                    link.leader_member_id = f.required_int("leader_member_id");
                    link.studio_id = f.required_int("studio_id");
                    link.county_conference_id = f.required_int("county_conference_id");
                    link.township_studio_id = f.required_int("township_studio_id");
                    f.reject_unknown();
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      const auto& p = req.user();
                      // Everything named must be in the caller's scope; outside it, it does not
                      // exist.
                      const auto m = organisation::find_member(c, link.leader_member_id);
                      if (!m || !organisation::in_scope(c, p, m->conference_id)) {
                        throw Error::invalid_field("leader_member_id", "委员不存在",
                                                   "unknown member");
                      }
                      for (const auto& [field, id] :
                           {std::pair{"studio_id", link.studio_id},
                            std::pair{"township_studio_id", link.township_studio_id}}) {
                        const auto s = organisation::find_studio(c, id);
                        if (!s || !organisation::in_scope(c, p, s->conference_id)) {
                          throw Error::invalid_field(field, "委员工作室不存在", "unknown studio");
                        }
                      }
                      const auto scope = organisation::conferences_in_scope(c, p);
                      if (std::find(scope.begin(), scope.end(), link.county_conference_id) ==
                          scope.end()) {
                        throw Error::invalid_field("county_conference_id", "县级政协不存在",
                                                   "unknown county conference");
                      }
                      const auto saved = save_leader_link(c, actor, link, audit::now_ms());
                      return http::Response::json(json::object{{"id", saved.id}}, 201);
                    });
                  },
              .roles = {Role::staff},
              .summary = "领导包抓联系点 / set a leader's contact points",
              .tag = "contact"});
  router.add(
      {.method = http::Method::get,
       .pattern = "/api/v1/leader-links",
       .handler =
           [&ctx](http::Request& req) {
             const auto year =
                 http::int_query(req, "year", 2000, 2100, "年度应为2000至2100之间的整数",
                                 "year is an integer from 2000 to 2100");
             const auto quarter = http::int_query(req, "quarter", 1, 4, "季度应为1至4之间的整数",
                                                  "quarter is an integer from 1 to 4");
             if (!year || !quarter) {
               throw Error::invalid_field(year ? "quarter" : "year", "请指定年度和季度（1–4）",
                                          "year and quarter (1-4) are required");
             }
             const auto q = quarter_range(static_cast<int>(*year), static_cast<int>(*quarter));
             return ctx.db.read([&](storage::Connection& c) {
               const auto rows =
                   c.q("SELECT * FROM leader_links WHERE conference_id IN (SELECT id FROM"
                       " conferences WHERE path LIKE $1) ORDER BY id",
                       organisation::scope_path(c, req.user()) + "%");
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
                                     std::optional<std::int64_t> id) -> json::value {
                 if (!id) return nullptr;
                 const auto it = names.find(*id);
                 return json::object{{"id", *id},
                                     {"name", it == names.end() ? std::string() : it->second}};
               };
               json::array items;
               for (const auto& r : rows) {
                 const auto leader = r.int64("leader_member_id");
                 const auto studio = r.opt_int64("studio_id");
                 const auto township = r.opt_int64("township_studio_id");
                 const auto county = r.opt_int64("county_conference_id");
                 const auto s = studio ? visits_at_studio(c, leader, *studio, q) : 0;
                 const auto t = township ? visits_at_studio(c, leader, *township, q) : 0;
                 const auto k = county ? visits_in_conference(c, leader, *county, q) : 0;
                 json::array missing;
                 if (s == 0) missing.emplace_back("studio");
                 if (k == 0) missing.emplace_back("county");
                 if (t == 0) missing.emplace_back("township");
                 const auto name = leader_names.find(leader);
                 items.push_back(json::object{
                     {"id", r.int64("id")},
                     {"leader_member_id", leader},
                     {"leader", name == leader_names.end() ? std::string() : name->second},
                     {"studio", named(studio_names, studio)},
                     {"county", named(county_names, county)},
                     {"township", named(studio_names, township)},
                     {"visits", json::object{{"studio", s}, {"county", k}, {"township", t}}},
                     {"missing", std::move(missing)}});
               }
               return http::Response::json(json::object{
                   {"year", *year}, {"quarter", *quarter}, {"items", std::move(items)}});
             });
           },
       .roles = {Role::staff, Role::leader},
       .summary = "领导包抓联系点及其季度走访情况 / leaders' contact points and quarterly visits",
       .tag = "contact"});
}

}  // namespace tongxin::contact
