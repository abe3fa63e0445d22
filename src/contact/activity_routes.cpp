// src/contact/activity_routes.cpp
//
// /api/v1/activities: logging an activity and the lists each reader may see.
#include <algorithm>
#include <boost/json.hpp>

#include "contact/route_support.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/http/query_params.hpp"
#include "core/json/fields.hpp"
#include "core/paging.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::contact {

namespace json = boost::json;
using auth::Role;

namespace {

NewActivity activity_from_json(const json::object& body) {
  tongxin::json::FieldReader f(body);
  NewActivity a;
  a.kind = f.optional_string("kind", 20).value_or("visit");
  a.channel = f.optional_string("channel", 20).value_or("");
  a.held_on = f.optional_string("held_on", 10).value_or("");
  a.place = f.optional_string("place", 100).value_or("");
  a.studio_id = f.optional_int("studio_id");
  a.member_ids = f.int_array("member_ids", 50);
  a.key_contact_ids = f.int_array("key_contact_ids", 50);
  a.reached_count = static_cast<int>(f.optional_int("reached_count").value_or(0));
  a.summary = f.optional_string("summary", 2000).value_or("");
  f.reject_unknown();
  return a;
}

// Who may list which activities: staff and leaders those of their conference scope,
// filtered by member or studio as asked; a studio lead those of their own studio; a member
// their own, and those of the studios they belong to. Anything else is 403. Returns the
// filters to apply (0 = none) within the caller's conference scope.
std::pair<std::int64_t, std::int64_t> activities_filter(storage::Connection& c,
                                                        const auth::Principal& p,
                                                        std::optional<std::int64_t> member,
                                                        std::optional<std::int64_t> studio) {
  if (is_staff(p) || p.has(Role::leader)) return {member.value_or(0), studio.value_or(0)};
  const auto forbidden = [] {
    return Error::forbidden("contact.activities_forbidden",
                            "只能查看本人参加的活动或本人所在工作室的活动",
                            "your own activities and your studios' only");
  };
  const bool own_member = member && p.member_id && *member == *p.member_id;
  if (member && !own_member) {
    // Another member's activities: only within the lead's own studio.
    const bool lead_of_studio =
        studio && p.has(Role::studio_lead) && p.studio_id && *p.studio_id == *studio;
    if (!lead_of_studio) throw forbidden();
    return {*member, *studio};
  }
  if (studio && !own_member) {
    bool allowed = p.has(Role::studio_lead) && p.studio_id && *p.studio_id == *studio;
    if (!allowed && p.member_id) {
      if (const auto m = organisation::find_member(c, *p.member_id)) {
        allowed = std::any_of(m->studios.begin(), m->studios.end(),
                              [&](const auto& s) { return s.id == *studio; });
      }
    }
    if (!allowed) throw forbidden();
    return {0, *studio};
  }
  if (own_member) return {*member, studio.value_or(0)};
  // Nothing asked: a member's own activities, else a lead's studio's.
  if (p.member_id) return {*p.member_id, 0};
  if (p.has(Role::studio_lead) && p.studio_id) return {0, *p.studio_id};
  throw forbidden();
}

json::object activity_json(const Activity& a) {
  json::array members;
  for (const auto& m : a.members)
    members.push_back(json::object{{"id", m.id}, {"name", m.name}});
  return json::object{{"id", a.id},
                      {"kind", a.kind},
                      {"channel", a.channel},
                      {"held_on", a.held_on},
                      {"place", a.place},
                      {"studio_id", opt(a.studio_id)},
                      {"reached_count", a.reached_count},
                      {"summary", a.summary},
                      {"members", std::move(members)}};
}

http::Response log_one(ServiceContext& ctx, http::Request& req) {
  auto a = activity_from_json(req.json());
  const auto& p = req.user();
  if (a.member_ids.empty() && p.member_id) a.member_ids.push_back(*p.member_id);
  if (!is_staff(p) && !p.has(Role::studio_lead)) {
    // A member logs their own activities.
    if (!p.member_id ||
        std::find(a.member_ids.begin(), a.member_ids.end(), *p.member_id) == a.member_ids.end()) {
      throw Error::forbidden("contact.not_your_member", "只能登记本人参加的活动",
                             "log your own activities");
    }
  }
  a.conference_id = p.conference_id;
  const auto actor = http::actor_of(req);
  return ctx.db.write([&](storage::Connection& c) {
    const auto r = log_activity(c, ctx, actor, a, audit::now_ms());
    return http::Response::json(json::object{{"id", r.id}, {"tasks_closed", r.tasks_closed}}, 201);
  });
}

http::Response list(ServiceContext& ctx, http::Request& req) {
  const auto cursor = paging::decode(req.query_param("cursor"));
  const auto limit = paging::limit(req.query_param("limit"));
  const auto member_in = member_param(req);
  const auto studio_in = http::id_query(req, "studio_id", "工作室编号应为正整数");
  return ctx.db.read([&](storage::Connection& c) {
    const auto& p = req.user();
    const auto [member, studio] = activities_filter(c, p, member_in, studio_in);
    const auto page = activities_in_scope(c, p, member, studio, cursor ? cursor->id : 0, limit);
    json::array items;
    for (const auto& a : page.items)
      items.push_back(activity_json(a));
    return http::Response::json(
        json::object{{"items", std::move(items)}, {"next_cursor", next_cursor(page.next_after)}});
  });
}

}  // namespace

void register_activity_routes(http::Router& router, ServiceContext& ctx) {
  const auto bind = [&ctx](http::Response (*f)(ServiceContext&, http::Request&)) {
    return [&ctx, f](http::Request& req) { return f(ctx, req); };
  };
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/activities",
              .handler = bind(log_one),
              .roles = {Role::member, Role::staff, Role::studio_lead},
              .summary = "登记履职活动（30秒快速登记） / log an activity",
              .tag = "contact"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/activities",
              .handler = bind(list),
              .roles = members_and_staff(),
              .summary = "履职活动列表 / activities",
              .tag = "contact"});
}

}  // namespace tongxin::contact
