// src/outputs/routes.cpp
//
// The outputs API (api.md "Outputs"): /api/v1/micro-suggestions, /proposals and
// /opinion-reports, each with list, create, get, summary and /{id}/actions like cases.
#include "outputs/routes.hpp"

#include <boost/json.hpp>

#include "core/calendar/calendar.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/http/query_params.hpp"
#include "core/paging.hpp"
#include "outputs/errors.hpp"
#include "outputs/internal.hpp"
#include "outputs/output_json.hpp"
#include "outputs/outputs.hpp"

namespace tongxin::outputs {

namespace json = boost::json;
using auth::Role;

namespace {

struct Resource {
  Kind kind;
  std::string path;  // /api/v1/micro-suggestions
  std::string tag;
};

const std::vector<Role>& output_roles() {
  static const std::vector<Role> roles{Role::staff,  Role::admin,  Role::studio_lead,
                                       Role::member, Role::agency, Role::leader};
  return roles;
}

void register_kind(http::Router& router, ServiceContext& ctx, const Resource& r) {
  const auto kind = r.kind;
  const std::string zh(kind_label_zh(kind));
  router.add({.method = http::Method::get,
              .pattern = r.path,
              .handler =
                  [&ctx, kind](http::Request& req) {
                    ListQuery q;
                    q.status = req.query_param("status");
                    if (q.status && q.status->empty()) q.status.reset();
                    q.conference_id = http::id_query(req, "conference_id", "政协编号应为正整数");
                    q.member_id = http::id_query(req, "member_id", "委员编号应为正整数");
                    q.agency_id = http::id_query(req, "agency_id", "承办单位编号应为正整数");
                    q.q = req.query_param("q");
                    q.mine = http::flag_query(req, "mine");
                    q.overdue = http::flag_query(req, "overdue");
                    q.limit = paging::limit(req.query_param("limit"));
                    q.cursor = req.query_param("cursor");
                    return ctx.db.read([&](storage::Connection& c) {
                      return http::Response::json(
                          page_json(find_outputs(c, req.user(), kind, q, audit::now_ms())));
                    });
                  },
              .roles = output_roles(),
              .summary = zh + "列表 / list",
              .tag = r.tag});

  router.add({.method = http::Method::post,
              .pattern = r.path,
              .handler =
                  [&ctx, kind](http::Request& req) {
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      const auto now = audit::now_ms();
                      const auto id = create_output(c, ctx, actor, kind, req.json(), now);
                      return http::Response::json(output_json(get_output(c, req.user(), kind, id)),
                                                  201);
                    });
                  },
              .roles = {Role::member, Role::staff, Role::admin, Role::studio_lead},
              .summary = "起草" + zh + " / create a draft",
              .tag = r.tag});

  router.add({.method = http::Method::get,
              .pattern = r.path + "/summary",
              .handler =
                  [&ctx, kind](http::Request& req) {
                    const auto year = http::year_query(req).value_or(
                        static_cast<int>(calendar::china_date(audit::now_ms()).year()));
                    const auto conference =
                        http::id_query(req, "conference_id", "政协编号应为正整数");
                    return ctx.db.read([&](storage::Connection& c) {
                      return http::Response::json(
                          figures_json(figures(c, req.user(), kind, year, conference)));
                    });
                  },
              .roles = {Role::staff, Role::admin, Role::leader},
              .summary = zh + "办理情况统计（办复率、满意率） / headline figures",
              .tag = r.tag});

  router.add({.method = http::Method::get,
              .pattern = r.path + "/{id}",
              .handler =
                  [&ctx, kind](http::Request& req) {
                    return ctx.db.read([&](storage::Connection& c) {
                      return http::Response::json(
                          output_json(get_output(c, req.user(), kind, req.id_param())));
                    });
                  },
              .roles = output_roles(),
              .summary = zh + "详情与办理过程 / one item with its timeline",
              .tag = r.tag});

  router.add({.method = http::Method::post,
              .pattern = r.path + "/{id}/actions",
              .handler =
                  [&ctx, kind](http::Request& req) {
                    const auto& body = req.json();
                    const auto it = body.find("action");
                    if (it == body.end() || !it->value().is_string()) {
                      throw errors::action_required();
                    }
                    const std::string action(it->value().as_string());
                    json::object rest = body;
                    rest.erase("action");
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      apply_action(c, ctx, actor, kind, req.id_param(), action, rest,
                                   audit::now_ms());
                      return http::Response::json(
                          output_json(get_output(c, req.user(), kind, req.id_param())));
                    });
                  },
              .roles = output_roles(),
              .summary = zh + "办理操作（提交、审核、交办、签收、答复、评价……） / act on an item",
              .tag = r.tag});
}

}  // namespace

void register_routes(http::Router& router, ServiceContext& ctx) {
  register_kind(router, ctx, {Kind::micro_suggestion, "/api/v1/micro-suggestions", "outputs"});
  register_kind(router, ctx, {Kind::proposal, "/api/v1/proposals", "outputs"});
  register_kind(router, ctx, {Kind::opinion_report, "/api/v1/opinion-reports", "outputs"});
}

}  // namespace tongxin::outputs
