// src/testing/route_client.cpp
#include "testing/route_client.hpp"

#include <algorithm>

namespace tongxin::testing {

std::string RouteClient::Reply::code() const {
  if (!body.is_object()) return "";
  const auto* e = body.as_object().if_contains("error");
  return e && e->is_object() ? std::string(e->at("code").as_string()) : std::string();
}

std::string RouteClient::Reply::field() const {
  if (!body.is_object() || !body.as_object().contains("error")) return "";
  const auto& d = body.at("error").at("details");
  return d.is_object() && d.as_object().contains("field") ? std::string(d.at("field").as_string())
                                                          : std::string();
}

bool RouteClient::Reply::chinese_message() const {
  if (!body.is_object() || !body.as_object().contains("error")) return false;
  const auto m = std::string(body.at("error").at("message").as_string());
  // A CJK ideograph in UTF-8 starts with a byte 0xE4…0xE9.
  return std::any_of(m.begin(), m.end(), [](char ch) {
    const auto b = static_cast<unsigned char>(ch);
    return b >= 0xE4 && b <= 0xE9;
  });
}

std::vector<std::int64_t> RouteClient::Reply::ids() const {
  std::vector<std::int64_t> out;
  for (const auto& item : body.at("items").as_array())
    out.push_back(item.at("id").as_int64());
  return out;
}

RouteClient::RouteClient(const http::Router& router)
    : server_(std::make_unique<TestServer>(router)) {
  // A bearer token per principal: the test's stand-in for sessions.
  server_->server().set_authenticator(
      [this](const http::Request& req) -> std::optional<auth::Principal> {
        const auto h = req.header("authorization");
        if (!h || !h->starts_with("Bearer ")) return std::nullopt;
        const std::lock_guard lock(mutex_);
        const auto it = principals_.find(std::string(h->substr(7)));
        if (it == principals_.end()) return std::nullopt;
        return it->second;
      });
}

RouteClient::Reply RouteClient::call(http::Method method, const std::string& target,
                                     const auth::Principal& as, const boost::json::value& body) {
  std::string token;
  {
    const std::lock_guard lock(mutex_);
    token = "test-" + std::to_string(principals_.size() + 1);
    principals_.emplace(token, as);
  }
  std::vector<std::pair<std::string, std::string>> headers{{"Authorization", "Bearer " + token}};
  std::string text;
  if (!body.is_null()) {
    text = boost::json::serialize(body);
    headers.emplace_back("Content-Type", "application/json");
  }
  const auto r =
      http_request(server_->port(), std::string(http::method_name(method)), target, text, headers);
  return {r.status, r.body.empty() ? boost::json::value(nullptr) : boost::json::parse(r.body)};
}

}  // namespace tongxin::testing
