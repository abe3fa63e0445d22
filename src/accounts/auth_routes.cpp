// src/accounts/auth_routes.cpp
//
// Sign-in, sign-out, "who am I", and the Authenticator the server runs per request.
#include <openssl/crypto.h>

#include <boost/json.hpp>

#include "accounts/accounts.hpp"
#include "accounts/internal.hpp"
#include "accounts/routes.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/json/fields.hpp"

namespace tongxin::accounts {

namespace {

constexpr const char* kCookie = "tongxin_session";

bool unsafe(http::Method m) {
  return m == http::Method::post || m == http::Method::put || m == http::Method::patch ||
         m == http::Method::del;
}

http::CookieOptions cookie_options(const ServiceContext& ctx) {
  http::CookieOptions o;
  o.secure = ctx.config.public_base_url.starts_with("https://");
  return o;
}

}  // namespace

boost::json::object user_json(const User& u) {
  boost::json::array roles;
  for (const auto r : u.roles)
    roles.emplace_back(auth::role_name(r));
  boost::json::object o{{"id", u.id},
                        {"username", u.username},
                        {"display_name", u.display_name},
                        {"roles", std::move(roles)},
                        {"conference_id", u.conference_id},
                        {"disabled", u.disabled}};
  if (u.member_id) o["member_id"] = *u.member_id;
  if (u.agency_id) o["agency_id"] = *u.agency_id;
  if (u.studio_id) o["studio_id"] = *u.studio_id;
  return o;
}

http::Authenticator make_authenticator(ServiceContext& ctx) {
  return [&ctx](const http::Request& req) -> std::optional<auth::Principal> {
    if (const auto authz = req.header("authorization"); authz && authz->starts_with("Bearer ")) {
      auto p = find_api_token(ctx.db, authz->substr(7));
      if (!p)
        throw Error::unauthorized("auth.invalid_token", "访问令牌无效", "invalid bearer token");
      return p;
    }
    const auto token = req.cookie(kCookie);
    if (!token || token->empty()) return std::nullopt;
    auto found = find_session(ctx.db, ctx.config, *token);
    if (!found) return std::nullopt;  // expired: act as anonymous; public routes still work
    if (unsafe(req.method)) {
      const auto sent = req.header("x-csrf-token").value_or("");
      const auto& want = found->csrf_token;
      if (sent.size() != want.size() || CRYPTO_memcmp(sent.data(), want.data(), want.size()) != 0) {
        throw Error::forbidden("auth.csrf", "安全校验失败，请刷新页面后重试",
                               "CSRF check failed; reload the page and try again");
      }
    }
    return found->principal;
  };
}

void register_auth_routes(http::Router& router, ServiceContext& ctx) {
  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/auth/login",
       .handler =
           [&ctx](http::Request& req) {
             json::FieldReader f(req.json());
             const auto username = f.required_string("username", 64);
             const auto password = f.required_string("password", 128);
             f.optional_string("totp", 12);
             f.reject_unknown();
             const auto result = login(ctx.db, ctx.config, username, password, http::actor_of(req),
                                       std::string(req.header("user-agent").value_or("")));
             auto res = http::Response::json(boost::json::object{
                 {"user", user_json(result.user)}, {"csrf_token", result.csrf_token}});
             res.header("Set-Cookie", http::format_set_cookie(kCookie, result.session_token,
                                                              cookie_options(ctx)));
             res.header("Cache-Control", "no-store");
             return res;
           },
       .access = http::Access::open,
       .summary = "登录 / sign in",
       .tag = "auth",
       .request_schema =
           R"({"type":"object","required":["username","password"],"properties":{"username":{"type":"string"},"password":{"type":"string"},"totp":{"type":"string"}}})"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/auth/logout",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto& p = req.user();
                    if (p.credential == auth::Credential::session_cookie) {
                      logout(ctx.db, http::actor_of(req), p.session_id);
                    }
                    auto res = http::Response::no_content();
                    auto o = cookie_options(ctx);
                    o.max_age_seconds = 0;
                    res.header("Set-Cookie", http::format_set_cookie(kCookie, "", o));
                    return res;
                  },
              .summary = "退出登录 / sign out",
              .tag = "auth"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/me",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto& p = req.user();
                    const auto user = ctx.db.read(
                        [&](storage::Connection& c) { return find_user(c, p.user_id); });
                    if (!user)
                      throw Error::unauthorized("auth.required", "请先登录", "please sign in");
                    boost::json::object body{{"user", user_json(*user)}};
                    if (p.credential == auth::Credential::session_cookie) {
                      // The client lost its CSRF token on reload; the session still has it.
                      const auto found = find_session(ctx.db, ctx.config, *req.cookie(kCookie));
                      if (found) body["csrf_token"] = found->csrf_token;
                    }
                    auto res = http::Response::json(body);
                    res.header("Cache-Control", "no-store");
                    return res;
                  },
              .summary = "当前用户 / the signed-in user",
              .tag = "auth"});
}

}  // namespace tongxin::accounts
