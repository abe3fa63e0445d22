// src/organisation/entity_routes.cpp
//
// The entity engine over HTTP: each spec's list, get, create, update and archive at its
// path. Parse, call entity.hpp, render.
#include <charconv>

#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/http/router.hpp"
#include "core/paging.hpp"
#include "organisation/entity.hpp"

namespace tongxin::organisation {

namespace {

namespace json = boost::json;

EntityQuery entity_query(const EntitySpec& spec, const http::Request& req) {
  EntityQuery q;
  q.limit = paging::limit(req.query_param("limit"));
  if (const auto cursor = paging::decode(req.query_param("cursor"))) q.after_id = cursor->id;
  q.include_archived = req.query_param("include_archived").value_or("") == "true";
  for (const auto& name : spec.filters) {
    const auto v = req.query_param(name);
    if (!v || v->empty()) continue;
    if (!name.ends_with("_id")) {
      q.equal.emplace_back(name, std::string(*v));
      continue;
    }
    std::int64_t n = 0;
    const auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc() || ptr != v->data() + v->size()) {
      throw Error::invalid_field(name, "筛选条件 " + name + " 必须是整数",
                                 name + " must be an integer");
    }
    q.equal.emplace_back(name, n);
  }
  if (const auto code = req.query_param("division_code"); code && !code->empty()) {
    q.division_code = std::string(*code);
  }
  if (const auto text = req.query_param("q"); text && !text->empty()) q.q = std::string(*text);
  return q;
}

json::object page_json(EntityPage page) {
  json::array items;
  for (auto& o : page.items)
    items.push_back(std::move(o));
  json::value next = nullptr;
  if (page.next_after) next = json::string(paging::encode({"", *page.next_after}));
  return json::object{{"items", std::move(items)}, {"next_cursor", next}};
}

}  // namespace

void register_entity(http::Router& router, ServiceContext& ctx, const EntitySpec& spec) {
  const auto* s = &spec;  // specs are static; routes keep a pointer
  router.add({.method = http::Method::get,
              .pattern = spec.path,
              .handler =
                  [&ctx, s](http::Request& r) {
                    const auto query = entity_query(*s, r);
                    return ctx.db.read([&](storage::Connection& c) {
                      return http::Response::json(
                          page_json(list_entities(c, ctx, *s, r.user(), query)));
                    });
                  },
              .summary = spec.label_zh + "列表 / list " + spec.label_en + "s",
              .tag = "organisation"});
  router.add({.method = http::Method::post,
              .pattern = spec.path,
              .handler =
                  [&ctx, s](http::Request& r) {
                    const auto& body = r.json();
                    return ctx.db.write([&](storage::Connection& c) {
                      return http::Response::json(
                          save_entity(c, ctx, *s, r.user(), http::actor_of(r), std::nullopt, body),
                          201);
                    });
                  },
              .summary = "新建" + spec.label_zh + " / create a " + spec.label_en,
              .tag = "organisation"});
  router.add({.method = http::Method::get,
              .pattern = spec.path + "/{id}",
              .handler =
                  [&ctx, s](http::Request& r) {
                    const auto id = r.id_param();
                    return ctx.db.read([&](storage::Connection& c) {
                      return http::Response::json(get_entity(c, *s, r.user(), id));
                    });
                  },
              .summary = spec.label_zh + "详情 / get a " + spec.label_en,
              .tag = "organisation"});
  router.add({.method = http::Method::patch,
              .pattern = spec.path + "/{id}",
              .handler =
                  [&ctx, s](http::Request& r) {
                    const auto id = r.id_param();
                    const auto& body = r.json();
                    return ctx.db.write([&](storage::Connection& c) {
                      return http::Response::json(
                          save_entity(c, ctx, *s, r.user(), http::actor_of(r), id, body));
                    });
                  },
              .summary = "修改" + spec.label_zh + " / update a " + spec.label_en,
              .tag = "organisation"});
  router.add({.method = http::Method::post,
              .pattern = spec.path + "/{id}/archive",
              .handler =
                  [&ctx, s](http::Request& r) {
                    const auto id = r.id_param();
                    return ctx.db.write([&](storage::Connection& c) {
                      return http::Response::json(
                          archive_entity(c, *s, r.user(), http::actor_of(r), id));
                    });
                  },
              .summary = "归档" + spec.label_zh + " / archive a " + spec.label_en,
              .tag = "organisation"});
}

}  // namespace tongxin::organisation
