// src/contact/leader_link_routes.cpp
//
// /api/v1/leader-links: leaders' contact points and their quarterly visits.
#include <algorithm>
#include <boost/json.hpp>

#include "contact/route_support.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/http/query_params.hpp"
#include "core/json/fields.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::contact {

namespace json = boost::json;
using auth::Role;

namespace {

json::value named(const std::optional<NamedRef>& n) {
  if (!n) return nullptr;
  return json::object{{"id", n->id}, {"name", n->name}};
}

json::object leader_link_json(const LeaderLinkVisits& l) {
  json::array missing;
  if (l.studio_visits == 0) missing.emplace_back("studio");
  if (l.county_visits == 0) missing.emplace_back("county");
  if (l.township_visits == 0) missing.emplace_back("township");
  return json::object{{"id", l.id},
                      {"leader_member_id", l.leader_member_id},
                      {"leader", l.leader},
                      {"studio", named(l.studio)},
                      {"county", named(l.county)},
                      {"township", named(l.township)},
                      {"visits", json::object{{"studio", l.studio_visits},
                                              {"county", l.county_visits},
                                              {"township", l.township_visits}}},
                      {"missing", std::move(missing)}};
}

}  // namespace

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
             return ctx.db.read([&](storage::Connection& c) {
               json::array items;
               for (const auto& l : leader_links_in_scope(c, req.user(), static_cast<int>(*year),
                                                          static_cast<int>(*quarter))) {
                 items.push_back(leader_link_json(l));
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
