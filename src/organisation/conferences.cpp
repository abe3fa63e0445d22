// src/organisation/conferences.cpp
//
// Conferences form the tree every visibility rule hangs on: a user sees their conference
// and those below it. Each row keeps its materialised path "/root/…/self/".
#include <boost/json.hpp>

#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/json/fields.hpp"
#include "core/paging.hpp"
#include "core/text/text.hpp"
#include "organisation/organisation.hpp"
#include "organisation/resource.hpp"

namespace tongxin::organisation {

namespace {

namespace json = boost::json;

const std::vector<std::string_view> kLevels{"national", "provincial", "city", "county"};

int level_rank(std::string_view level) {
  for (std::size_t i = 0; i < kLevels.size(); ++i) {
    if (kLevels[i] == level) return static_cast<int>(i);
  }
  return -1;
}

json::object conference_json(const ServiceContext& ctx, const storage::Row& r) {
  json::object o{{"id", r.int64("id")},
                 {"name", r.text("name")},
                 {"short_name", r.text("short_name")},
                 {"level", r.text("level")},
                 {"division_code", r.text("division_code")},
                 {"division_name", ctx.divisions->full_name(r.text("division_code"))},
                 {"parent_id", r.is_null("parent_id") ? json::value(nullptr)
                                                      : json::value(r.int64("parent_id"))},
                 {"term", r.int64("term")},
                 {"archived", !r.is_null("archived_at")}};
  return o;
}

Error not_found() {
  return Error::not_found("conference.not_found", "政协不存在", "conference not found");
}

}  // namespace

std::int64_t create_conference(storage::Connection& c, const ServiceContext& ctx,
                               const audit::Actor& actor, const NewConference& n) {
  if (n.name.empty()) throw Error::invalid_field("name", "名称不能为空", "name is required");
  const int rank = level_rank(n.level);
  if (rank < 0) {
    throw Error::invalid_field("level", "级别无效，可选：national, provincial, city, county",
                               "level must be national, provincial, city or county");
  }
  const auto* d = ctx.divisions->find(n.division_code);
  if (d == nullptr && n.level != "national") {
    throw Error::invalid_field("division_code", "行政区划代码无效", "unknown division code");
  }
  std::string parent_path = "/";
  if (n.parent_id) {
    const auto p = c.q("SELECT path, level FROM conferences WHERE id = $1 AND archived_at IS NULL",
                       *n.parent_id);
    if (p.empty()) throw Error::invalid_field("parent_id", "上级政协不存在", "parent not found");
    if (level_rank(p.front().text("level")) >= rank) {
      throw Error::invalid_field("parent_id", "上级政协的级别必须高于本级",
                                 "the parent must be of a higher level");
    }
    parent_path = p.front().text("path");
  }
  const auto now = audit::now_ms();
  const auto id =
      c.q("INSERT INTO conferences (name, short_name, level, division_code, parent_id,"
          " term, search_key, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)"
          " RETURNING id",
          n.name, n.short_name, n.level, d ? d->code : std::string("000000000000"), n.parent_id,
          n.term, text::search_key(n.name), now)
          .front()
          .int64(0);
  c.q("UPDATE conferences SET path = $1 WHERE id = $2", parent_path + std::to_string(id) + "/", id);
  audit::record(c, actor, {"conference.create", "conference", id, json::object{{"name", n.name}}});
  return id;
}

void register_conference_routes(http::Router& router, ServiceContext& ctx) {
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/conferences",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto limit = paging::limit(req.query_param("limit"));
                    const auto cursor = paging::decode(req.query_param("cursor"));
                    const auto q = req.query_param("q").value_or("");
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto rows = c.q(
                          "SELECT * FROM conferences WHERE path LIKE $1 AND archived_at IS NULL "
                          "AND id > $2"
                          " AND " +
                              c.dialect().ilike("search_key", "$3") + " ORDER BY id LIMIT $4",
                          scope_path(c, req.user()) + "%", cursor ? cursor->id : 0,
                          "%" + storage::Dialect::like_escape(text::normalize(q)) + "%", limit + 1);
                      json::array items;
                      for (std::size_t i = 0;
                           i < rows.size() && i < static_cast<std::size_t>(limit); ++i) {
                        items.push_back(conference_json(ctx, rows[i]));
                      }
                      json::value next = nullptr;
                      if (rows.size() > static_cast<std::size_t>(limit)) {
                        next = json::string(paging::encode(
                            {"", rows[static_cast<std::size_t>(limit) - 1].int64("id")}));
                      }
                      return http::Response::json(
                          json::object{{"items", std::move(items)}, {"next_cursor", next}});
                    });
                  },
              .summary = "政协列表（本级及下级） / conferences in scope",
              .tag = "organisation"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/conferences/{id}",
              .handler =
                  [&ctx](http::Request& req) {
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto r = c.q("SELECT * FROM conferences WHERE id = $1", req.id_param());
                      if (r.empty() || !in_scope(c, req.user(), req.id_param())) throw not_found();
                      return http::Response::json(conference_json(ctx, r.front()));
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
               return http::Response::json(
                   conference_json(ctx, c.q("SELECT * FROM conferences WHERE id = $1", id).front()),
                   201);
             });
           },
       .roles = {auth::Role::admin},
       .summary = "新建下级政协 / create a conference below yours",
       .tag = "organisation"});
  router.add(
      {.method = http::Method::patch,
       .pattern = "/api/v1/conferences/{id}",
       .handler =
           [&ctx](http::Request& req) {
             tongxin::json::FieldReader f(req.json());
             const auto name = f.optional_string("name", 60);
             const auto short_name = f.optional_string("short_name", 20);
             const auto term = f.optional_int("term");
             f.reject_unknown();
             return ctx.db.write([&](storage::Connection& c) {
               const auto id = req.id_param();
               if (!in_scope(c, req.user(), id)) throw not_found();
               if (name) {
                 if (name->empty())
                   throw Error::invalid_field("name", "名称不能为空", "name is required");
                 c.q("UPDATE conferences SET name = $1, search_key = $2 WHERE id = $3", *name,
                     text::search_key(*name), id);
               }
               if (short_name)
                 c.q("UPDATE conferences SET short_name = $1 WHERE id = $2", *short_name, id);
               if (term) c.q("UPDATE conferences SET term = $1 WHERE id = $2", *term, id);
               c.q("UPDATE conferences SET updated_at = $1 WHERE id = $2", audit::now_ms(), id);
               audit::record(c, http::actor_of(req),
                             {"conference.update", "conference", id, req.json()});
               return http::Response::json(conference_json(
                   ctx, c.q("SELECT * FROM conferences WHERE id = $1", id).front()));
             });
           },
       .roles = {auth::Role::admin},
       .summary = "修改政协 / update a conference",
       .tag = "organisation"});
  router.add(
      {.method = http::Method::get,
       .pattern = "/api/v1/sectors/national",
       .handler =
           [&ctx](http::Request&) {
             return ctx.db.read([&](storage::Connection& c) {
               json::array items;
               for (const auto r :
                    c.q("SELECT id, name FROM national_sectors ORDER BY sort_order")) {
                 items.push_back(json::object{{"id", r.int64("id")}, {"name", r.text("name")}});
               }
               return http::Response::json(json::object{{"items", std::move(items)}});
             });
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
