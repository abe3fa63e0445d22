// src/core/http/request.hpp
//
// What a handler sees of an HTTP request: already routed, parsed and authenticated.
// Handlers run on the worker pool, never on a network thread, so they may block on the
// database.
#pragma once

#include <boost/json/value.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/auth/principal.hpp"

namespace tongxin::http {

enum class Method { get, head, post, put, patch, del, options };
std::string_view method_name(Method m);

enum class Lang { zh, en };

struct Request {
  Method method = Method::get;
  std::string target;  // as received, e.g. "/api/v1/studios?q=%E5%B7%A5"
  std::string path;    // percent-decoded path, e.g. "/api/v1/studios"
  std::string route;   // the pattern that matched, e.g. "/api/v1/studios/{id}"
  std::map<std::string, std::string, std::less<>> path_params;
  std::multimap<std::string, std::string, std::less<>> query;  // decoded
  std::vector<std::pair<std::string, std::string>> headers;    // names lower-cased
  std::string body;
  std::string remote_addr;
  std::string request_id;
  Lang lang = Lang::zh;
  std::optional<auth::Principal> principal;

  std::optional<std::string_view> header(std::string_view lower_name) const;
  // The named cookie's value, if sent.
  std::optional<std::string> cookie(std::string_view name) const;
  // Path parameter by name; throws Error (400) when absent.
  const std::string& param(std::string_view name) const;
  // Path parameter parsed as a positive int64; throws Error 404 when it is not one.
  std::int64_t id_param(std::string_view name = "id") const;
  std::optional<std::string> query_param(std::string_view name) const;
  // The body parsed as a JSON object. Throws Error 400 (request.malformed_json or
  // request.not_object) — never crashes on arbitrary bytes. Parsed once, then cached.
  const boost::json::object& json() const;
  // The authenticated principal; throws Error 401 when there is none.
  const auth::Principal& user() const;

 private:
  mutable std::optional<boost::json::value> parsed_;
};

}  // namespace tongxin::http
