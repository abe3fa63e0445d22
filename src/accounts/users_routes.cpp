// src/accounts/users_routes.cpp
//
// Administration of accounts (admin, security) and the audit log (auditor): the three
// separated administrators each see only their part.
#include <boost/json.hpp>

#include "accounts/accounts.hpp"
#include "accounts/internal.hpp"
#include "accounts/routes.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/json/fields.hpp"
#include "core/paging.hpp"

namespace tongxin::accounts {

void register_auth_routes(http::Router& router, ServiceContext& ctx);
void register_notification_routes(http::Router& router, ServiceContext& ctx);

boost::json::value next_cursor(bool more, std::int64_t last_id) {
  if (!more) return nullptr;
  return boost::json::string(paging::encode({"", last_id}));
}

namespace {

using auth::Role;

std::vector<Role> read_roles(json::FieldReader& f) {
  std::vector<Role> roles;
  for (const auto& name : f.string_array("roles", 8, 20)) {
    const auto r = auth::parse_role(name);
    if (!r) throw Error::invalid_field("roles", "未知角色：" + name, "unknown role: " + name);
    roles.push_back(*r);
  }
  return roles;
}

http::Response list_users(ServiceContext& ctx, http::Request& req) {
  const auto limit = static_cast<std::size_t>(paging::limit(req.query_param("limit")));
  const auto cursor = paging::decode(req.query_param("cursor"));
  const auto page = ctx.db.read([&](storage::Connection& c) {
    return accounts::list_users(c, cursor ? cursor->id : 0, limit);
  });
  boost::json::array items;
  for (const auto& u : page.items)
    items.push_back(user_json(u));
  return http::Response::json(boost::json::object{
      {"items", std::move(items)},
      {"next_cursor", next_cursor(page.more, page.items.empty() ? 0 : page.items.back().id)}});
}

boost::json::object logged_json(const audit::Logged& e) {
  boost::json::object o{{"id", e.id},
                        {"at", e.at},
                        {"username", e.username ? boost::json::value(*e.username) : nullptr},
                        {"action", e.action},
                        {"object_type", e.object_type},
                        {"remote_addr", e.remote_addr},
                        {"request_id", e.request_id}};
  if (e.object_id) o["object_id"] = *e.object_id;
  if (!e.detail.is_null()) o["detail"] = e.detail;
  return o;
}

http::Response audit_log(ServiceContext& ctx, http::Request& req) {
  const auto cursor = paging::decode(req.query_param("cursor"));
  audit::LogQuery q;
  q.limit = static_cast<std::size_t>(paging::limit(req.query_param("limit"), 50, 200));
  q.before_id = cursor ? cursor->id : 0;  // newest first; the cursor is the last id seen
  q.action = req.query_param("action").value_or("");
  q.username = req.query_param("user").value_or("");
  const auto page = ctx.db.read([&](storage::Connection& c) { return audit::read_log(c, q); });
  boost::json::array items;
  for (const auto& e : page.items)
    items.push_back(logged_json(e));
  return http::Response::json(boost::json::object{
      {"items", std::move(items)},
      {"next_cursor", next_cursor(page.more, page.items.empty() ? 0 : page.items.back().id)}});
}

}  // namespace

void register_routes(http::Router& router, ServiceContext& ctx) {
  register_auth_routes(router, ctx);
  register_notification_routes(router, ctx);
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/users",
              .handler = [&ctx](http::Request& req) { return list_users(ctx, req); },
              .roles = {Role::admin, Role::security},
              .summary = "账户列表 / list accounts",
              .tag = "accounts"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/users",
              .handler =
                  [&ctx](http::Request& req) {
                    json::FieldReader f(req.json());
                    NewUser u;
                    u.username = f.required_string("username", 64);
                    u.display_name = f.optional_string("display_name", 50).value_or("");
                    u.password = f.required_string("password", 128);
                    u.roles = read_roles(f);
                    u.conference_id =
                        f.optional_int("conference_id").value_or(req.user().conference_id);
                    u.member_id = f.optional_int("member_id");
                    u.agency_id = f.optional_int("agency_id");
                    u.studio_id = f.optional_int("studio_id");
                    f.reject_unknown();
                    return ctx.db.write([&](storage::Connection& c) {
                      const auto id = create_user(c, http::actor_of(req), u, ctx.config);
                      return http::Response::json(user_json(*find_user(c, id)), 201);
                    });
                  },
              .roles = {Role::admin},
              .summary = "新建账户 / create an account",
              .tag = "accounts"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/users/{id}/disable",
              .handler =
                  [&ctx](http::Request& req) {
                    json::FieldReader f(req.json());
                    const bool enable = f.optional_bool("enable").value_or(false);
                    f.reject_unknown();
                    return ctx.db.write([&](storage::Connection& c) {
                      const auto name = get_user(c, req.id_param()).username;
                      set_disabled(c, http::actor_of(req), name, !enable);
                      return http::Response::json(user_json(*find_user(c, req.id_param())));
                    });
                  },
              .roles = {Role::admin, Role::security},
              .summary = "停用或启用账户 / disable or enable an account",
              .tag = "accounts"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/users/{id}/password",
              .handler =
                  [&ctx](http::Request& req) {
                    json::FieldReader f(req.json());
                    const auto password = f.required_string("password", 128);
                    f.reject_unknown();
                    ctx.db.write([&](storage::Connection& c) {
                      set_password(c, http::actor_of(req), get_user(c, req.id_param()).username,
                                   password, ctx.config);
                    });
                    return http::Response::no_content();
                  },
              .roles = {Role::admin, Role::security},
              .summary = "重置密码 / reset a password",
              .tag = "accounts"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/api-tokens",
              .handler =
                  [&ctx](http::Request& req) {
                    json::FieldReader f(req.json());
                    const auto user_id = f.required_int("user_id");
                    const auto name = f.required_string("name", 100);
                    f.reject_unknown();
                    const auto token = ctx.db.write([&](storage::Connection& c) {
                      return issue_api_token(c, http::actor_of(req), user_id, name);
                    });
                    return http::Response::json(boost::json::object{{"token", token}}, 201);
                  },
              .roles = {Role::admin},
              .summary = "签发接口令牌（只显示一次） / issue a bearer token (shown once)",
              .tag = "accounts"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/audit-log",
              .handler = [&ctx](http::Request& req) { return audit_log(ctx, req); },
              .roles = {Role::auditor},
              .summary = "审计日志 / the audit log",
              .tag = "accounts"});
}

}  // namespace tongxin::accounts
