// src/core/http/response.cpp
#include "core/http/response.hpp"

#include <boost/json.hpp>

namespace tongxin::http {

Response Response::json(const boost::json::value& v, unsigned status) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(v);
  return r;
}

Response Response::no_content() {
  Response r;
  r.status = 204;
  r.content_type.clear();
  return r;
}

Response Response::bytes(std::string body, std::string content_type, unsigned status) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.content_type = std::move(content_type);
  return r;
}

std::string format_set_cookie(std::string_view name, std::string_view value,
                              const CookieOptions& o) {
  std::string out = std::string(name) + "=" + std::string(value) + "; Path=" + o.path;
  if (o.max_age_seconds >= 0) out += "; Max-Age=" + std::to_string(o.max_age_seconds);
  if (o.http_only) out += "; HttpOnly";
  if (o.secure) out += "; Secure";
  if (!o.same_site.empty()) out += "; SameSite=" + o.same_site;
  return out;
}

}  // namespace tongxin::http
