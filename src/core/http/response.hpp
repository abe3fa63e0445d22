// src/core/http/response.hpp
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <utility>
#include <vector>

namespace tongxin::http {

struct Response {
  unsigned status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  static Response json(const boost::json::value& v, unsigned status = 200);
  static Response no_content();
  static Response bytes(std::string body, std::string content_type, unsigned status = 200);

  Response& header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

struct CookieOptions {
  bool http_only = true;
  bool secure = false;  // set when public_base_url is https
  std::string same_site = "Lax";
  std::string path = "/";
  long long max_age_seconds = -1;  // -1: session cookie; 0: delete
};
std::string format_set_cookie(std::string_view name, std::string_view value,
                              const CookieOptions& options);

}  // namespace tongxin::http
