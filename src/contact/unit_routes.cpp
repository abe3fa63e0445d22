// src/contact/unit_routes.cpp
//
// /api/v1/grassroots-units and the unit a member is tied to.
#include <boost/json.hpp>

#include "contact/route_support.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/json/fields.hpp"
#include "core/paging.hpp"
#include "core/text/text.hpp"

namespace tongxin::contact {

namespace json = boost::json;
using auth::Role;

namespace {

NewGrassrootsUnit unit_from_json(const json::object& body, const ServiceContext& ctx) {
  tongxin::json::FieldReader f(body);
  NewGrassrootsUnit u;
  u.name = f.required_string("name", 60);
  const auto kind =
      f.optional_enum("kind", {"compound", "building", "village", "enterprise", "campus"});
  if (!kind) throw Error::invalid_field("kind", "请选择单元类型", "kind is required");
  u.kind = *kind;
  const auto code = divisions::normalize_code(f.required_string("division_code", 12));
  if (!code || !ctx.divisions->find(*code)) {
    throw Error::invalid_field("division_code", "行政区划代码无效", "unknown division code");
  }
  u.division_code = *code;
  u.address = f.optional_string("address", 200).value_or("");
  f.reject_unknown();
  return u;
}

json::object unit_json(const GrassrootsUnit& u) {
  return json::object{{"id", u.id},
                      {"name", u.name},
                      {"kind", u.kind},
                      {"division_code", u.division_code},
                      {"address", u.address}};
}

http::Response list(ServiceContext& ctx, http::Request& req) {
  const auto q = text::normalize(req.query_param("q").value_or(""));
  const auto cursor = paging::decode(req.query_param("cursor"));
  const auto limit = paging::limit(req.query_param("limit"));
  return ctx.db.read([&](storage::Connection& c) {
    const auto page = grassroots_units_in_scope(c, req.user(), q, cursor ? cursor->id : 0, limit);
    json::array items;
    for (const auto& u : page.items) {
      auto o = unit_json(u);
      o["members"] = u.members;
      items.push_back(std::move(o));
    }
    return http::Response::json(
        json::object{{"items", std::move(items)}, {"next_cursor", next_cursor(page.next_after)}});
  });
}

http::Response create(ServiceContext& ctx, http::Request& req) {
  const auto u = unit_from_json(req.json(), ctx);
  const auto actor = http::actor_of(req);
  return ctx.db.write([&](storage::Connection& c) {
    return http::Response::json(
        unit_json(create_grassroots_unit(c, actor, req.user().conference_id, u, audit::now_ms())),
        201);
  });
}

http::Response tie_member(ServiceContext& ctx, http::Request& req) {
  tongxin::json::FieldReader f(req.json());
  const auto unit = f.required_int("unit_id");
  f.reject_unknown();
  const auto actor = http::actor_of(req);
  return ctx.db.write([&](storage::Connection& c) {
    const auto member = acting_member(c, req.user(), req.id_param());
    tie_member_to_unit(c, actor, member, unit, audit::now_ms());
    return http::Response::json(json::object{{"member_id", member}, {"unit_id", unit}});
  });
}

}  // namespace

void register_unit_routes(http::Router& router, ServiceContext& ctx) {
  const auto bind = [&ctx](http::Response (*f)(ServiceContext&, http::Request&)) {
    return [&ctx, f](http::Request& req) { return f(ctx, req); };
  };
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/grassroots-units",
              .handler = bind(list),
              .roles = members_and_staff(),
              .summary = "基层单元列表 / grassroots units",
              .tag = "contact"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/grassroots-units",
              .handler = bind(create),
              .roles = {Role::staff},
              .summary = "新建基层单元 / create a grassroots unit",
              .tag = "contact"});
  router.add({.method = http::Method::put,
              .pattern = "/api/v1/members/{id}/grassroots-unit",
              .handler = bind(tie_member),
              .roles = {Role::staff, Role::member},
              .summary = "委员联系的基层单元 / tie a member to a grassroots unit",
              .tag = "contact"});
}

}  // namespace tongxin::contact
