// src/organisation/conference_routes.cpp
//
// /api/v1/conferences (the tree, scoped to the caller's conference and below), the 34
// national sectors and the administrative divisions, one level at a time.
#include <boost/json.hpp>

#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/json/fields.hpp"
#include "core/paging.hpp"
#include "organisation/briefs.hpp"
#include "organisation/organisation.hpp"
#include "organisation/routes.hpp"

namespace tongxin::organisation {

namespace {

namespace json = boost::json;

json::object conference_json(const ServiceContext& ctx, const Conference& k) {
  return json::object{{"id", k.id},
                      {"name", k.name},
                      {"short_name", k.short_name},
                      {"level", k.level},
                      {"division_code", k.division_code},
                      {"division_name", ctx.divisions->full_name(k.division_code)},
                      {"parent_id", k.parent_id ? json::value(*k.parent_id) : json::value(nullptr)},
                      {"term", k.term},
                      {"archived", k.archived}};
}

Error not_found() {
  return Error::not_found("conference.not_found", "政协不存在", "conference not found");
}

}  // namespace

void register_conference_routes(http::Router& router, ServiceContext& ctx) {
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/conferences",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto limit = paging::limit(req.query_param("limit"));
                    const auto cursor = paging::decode(req.query_param("cursor"));
                    const auto q = req.query_param("q").value_or("");
                    const auto page = ctx.db.read([&](storage::Connection& c) {
                      return list_conferences(c, req.user(), q, cursor ? cursor->id : 0,
                                              static_cast<std::size_t>(limit));
                    });
                    json::array items;
                    for (const auto& k : page.items)
                      items.push_back(conference_json(ctx, k));
                    json::value next = nullptr;
                    if (page.more) next = json::string(paging::encode({"", page.items.back().id}));
                    return http::Response::json(
                        json::object{{"items", std::move(items)}, {"next_cursor", next}});
                  },
              .summary = "政协列表（本级及下级） / conferences in scope",
              .tag = "organisation"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/conferences/{id}",
              .handler =
                  [&ctx](http::Request& req) {
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto k = find_conference(c, req.id_param());
                      if (!k || !in_scope(c, req.user(), req.id_param())) throw not_found();
                      return http::Response::json(conference_json(ctx, *k));
                    });
                  },
              .summary = "政协详情 / get a conference",
              .tag = "organisation"});
  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/conferences",
       .handler =
           [&ctx](http::Request& req) {
             tongxin::json::FieldReader f(req.json());
             NewConference n;
             n.name = f.required_string("name", 60);
             n.short_name = f.optional_string("short_name", 20).value_or("");
             n.level = f.required_string("level", 20);
             n.division_code = f.required_string("division_code", 12);
             n.parent_id = f.optional_int("parent_id");
             n.term = static_cast<int>(f.optional_int("term").value_or(1));
             f.reject_unknown();
             return ctx.db.write([&](storage::Connection& c) {
               if (!n.parent_id || !in_scope(c, req.user(), *n.parent_id)) {
                 throw Error::invalid_field("parent_id", "上级政协不存在或不在您的管辖范围内",
                                            "parent not found or outside your scope");
               }
               const auto id = create_conference(c, ctx, http::actor_of(req), n);
               return http::Response::json(conference_json(ctx, *find_conference(c, id)), 201);
             });
           },
       .roles = {auth::Role::admin},
       .summary = "新建下级政协 / create a conference below yours",
       .tag = "organisation"});
  router.add({.method = http::Method::patch,
              .pattern = "/api/v1/conferences/{id}",
              .handler =
                  [&ctx](http::Request& req) {
                    tongxin::json::FieldReader f(req.json());
                    ConferenceChange change;
                    change.name = f.optional_string("name", 60);
                    change.short_name = f.optional_string("short_name", 20);
                    change.term = f.optional_int("term");
                    f.reject_unknown();
                    return ctx.db.write([&](storage::Connection& c) {
                      const auto id = req.id_param();
                      if (!in_scope(c, req.user(), id)) throw not_found();
                      update_conference(c, http::actor_of(req), id, change, req.json());
                      return http::Response::json(conference_json(ctx, *find_conference(c, id)));
                    });
                  },
              .roles = {auth::Role::admin},
              .summary = "修改政协 / update a conference",
              .tag = "organisation"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/sectors/national",
              .handler =
                  [&ctx](http::Request&) {
                    const auto sectors =
                        ctx.db.read([&](storage::Connection& c) { return national_sectors(c); });
                    json::array items;
                    for (const auto& s : sectors)
                      items.push_back(json::object{{"id", s.id}, {"name", s.name}});
                    return http::Response::json(json::object{{"items", std::move(items)}});
                  },
              .summary = "全国政协 34 个界别 / the 34 national sectors",
              .tag = "organisation"});
  router.add(
      {.method = http::Method::get,
       .pattern = "/api/v1/divisions",
       .handler =
           [&ctx](http::Request& req) {
             const auto parent = req.query_param("parent").value_or("");
             if (!parent.empty() && ctx.divisions->find(parent) == nullptr) {
               throw Error::invalid_field("parent", "行政区划代码无效", "unknown division code");
             }
             json::array items;
             for (const auto* d : ctx.divisions->children(parent)) {
               items.push_back(json::object{{"code", d->code},
                                            {"name", d->name},
                                            {"level", static_cast<int>(d->level)},
                                            {"leaf", d->level == divisions::Level::township}});
             }
             return http::Response::json(json::object{{"items", std::move(items)}});
           },
       .access = http::Access::open,
       .summary = "行政区划（逐级） / administrative divisions, one level at a time",
       .tag = "reference"});
}

}  // namespace tongxin::organisation
