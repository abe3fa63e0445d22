// src/core/http/request.cpp
#include "core/http/request.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "core/error.hpp"

namespace tongxin::http {

std::string_view method_name(Method m) {
  switch (m) {
    case Method::get:
      return "GET";
    case Method::head:
      return "HEAD";
    case Method::post:
      return "POST";
    case Method::put:
      return "PUT";
    case Method::patch:
      return "PATCH";
    case Method::del:
      return "DELETE";
    case Method::options:
      return "OPTIONS";
  }
  return "GET";
}

std::optional<std::string_view> Request::header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return std::string_view(value);
  }
  return std::nullopt;
}

std::optional<std::string> Request::cookie(std::string_view name) const {
  const auto h = header("cookie");
  if (!h) return std::nullopt;
  std::string_view rest = *h;
  while (!rest.empty()) {
    const auto semi = rest.find(';');
    auto pair = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    while (!pair.empty() && pair.front() == ' ')
      pair.remove_prefix(1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
  }
  return std::nullopt;
}

const std::string& Request::param(std::string_view name) const {
  const auto it = path_params.find(name);
  if (it == path_params.end()) {
    throw Error::bad_request("request.missing_parameter", "缺少路径参数", "missing path parameter");
  }
  return it->second;
}

std::int64_t Request::id_param(std::string_view name) const {
  const auto& text = param(name);
  std::int64_t id = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0) {
    throw Error::not_found("resource.not_found", "请求的对象不存在", "no such object");
  }
  return id;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  const auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

const boost::json::object& Request::json() const {
  if (!parsed_) {
    boost::json::parse_options options;
    options.max_depth = 32;
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(body, ec, {}, options);
    if (ec) {
      throw Error::bad_request("request.malformed_json", "请求内容不是有效的 JSON",
                               "the request body is not valid JSON");
    }
    if (!v.is_object()) {
      throw Error::bad_request("request.not_object", "请求内容必须是 JSON 对象",
                               "the request body must be a JSON object");
    }
    parsed_ = std::move(v);
  }
  return parsed_->as_object();
}

const auth::Principal& Request::user() const {
  if (!principal) throw Error::unauthorized("auth.required", "请先登录", "please sign in");
  return *principal;
}

}  // namespace tongxin::http
