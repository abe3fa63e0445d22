// src/contact/leader_links.cpp
//
// Leaders' contact points (领导包抓联系, seed 001): each leader is tied to one studio, one
// county conference and one township studio, and visits each once a quarter. A visit is an
// activity the leader took part in at that studio, or at any studio of that county
// conference.
#include <boost/json.hpp>

#include "contact/contact.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
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

void register_leader_link_routes(http::Router& router, ServiceContext& ctx) {
  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/leader-links",
       .handler =
           [&ctx](http::Request& req) {
             tongxin::json::FieldReader f(req.json());
             const auto leader = f.required_int("leader_member_id");
             const auto studio = f.required_int("studio_id");
             const auto county = f.required_int("county_conference_id");
             const auto township = f.required_int("township_studio_id");
             f.reject_unknown();
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               const auto& p = req.user();
               const auto m = organisation::find_member(c, leader);
               if (!m || !organisation::in_scope(c, p, m->conference_id)) {
                 throw Error::invalid_field("leader_member_id", "委员不存在", "unknown member");
               }
               for (const auto s : {studio, township}) {
                 if (!organisation::find_studio(c, s)) {
                   throw Error::invalid_field("studio_id", "委员工作室不存在", "unknown studio");
                 }
               }
               if (organisation::conference_path(c, county).empty() ||
                   !organisation::in_scope(c, p, county)) {
                 throw Error::invalid_field("county_conference_id", "县级政协不存在",
                                            "unknown county conference");
               }
               const auto id =
                   c.q("INSERT INTO leader_links (conference_id, leader_member_id, studio_id,"
                       " county_conference_id, township_studio_id, created_at) VALUES ($1, $2,"
                       " $3, $4, $5, $6) ON CONFLICT (leader_member_id) DO UPDATE SET studio_id"
                       " = excluded.studio_id, county_conference_id ="
                       " excluded.county_conference_id, township_studio_id ="
                       " excluded.township_studio_id RETURNING id",
                       m->conference_id, leader, studio, county, township, audit::now_ms())
                       .front()
                       .int64(0);
               audit::record(c, actor, {"leader_link.save", "leader_link", id, nullptr});
               return http::Response::json(json::object{{"id", id}}, 201);
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
             const auto year = std::stoi(req.query_param("year").value_or("0"));
             const auto quarter = std::stoi(req.query_param("quarter").value_or("0"));
             if (year < 2000 || year > 2100 || quarter < 1 || quarter > 4) {
               throw Error::invalid_field("quarter", "请指定年度和季度（1–4）",
                                          "year and quarter (1-4) are required");
             }
             const auto q = quarter_range(year, quarter);
             return ctx.db.read([&](storage::Connection& c) {
               json::array items;
               for (const auto& r :
                    c.q("SELECT * FROM leader_links WHERE conference_id IN (SELECT id FROM"
                        " conferences WHERE path LIKE $1) ORDER BY id",
                        organisation::scope_path(c, req.user()) + "%")) {
                 const auto leader = r.int64("leader_member_id");
                 const auto s = visits_at_studio(c, leader, r.int64("studio_id"), q);
                 const auto t = visits_at_studio(c, leader, r.int64("township_studio_id"), q);
                 const auto k = visits_in_conference(c, leader, r.int64("county_conference_id"), q);
                 json::array missing;
                 if (s == 0) missing.emplace_back("studio");
                 if (k == 0) missing.emplace_back("county");
                 if (t == 0) missing.emplace_back("township");
                 const auto m = organisation::find_member(c, leader);
                 items.push_back(json::object{
                     {"id", r.int64("id")},
                     {"leader_member_id", leader},
                     {"leader", m ? m->name : std::string()},
                     {"visits", json::object{{"studio", s}, {"county", k}, {"township", t}}},
                     {"missing", std::move(missing)}});
               }
               return http::Response::json(
                   json::object{{"year", year}, {"quarter", quarter}, {"items", std::move(items)}});
             });
           },
       .roles = {Role::staff, Role::leader},
       .summary = "领导包抓联系点季度走访情况 / leaders' quarterly visits",
       .tag = "contact"});
}

}  // namespace tongxin::contact
