// src/core/http/query_params.hpp
//
// Query parameters parsed strictly, for every module's routes: "12" is 12; "", "12a",
// "1e3", "-4" or a number out of range is Error 400 naming the parameter with a Chinese
// message — never an exception from std::stoi that the server would answer with 500.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/http/request.hpp"

namespace tongxin::http {

// An integer in [min, max]; nullopt when absent. `zh` / `en` say what is expected.
inline std::optional<std::int64_t> int_query(const http::Request& req, std::string_view name,
                                             std::int64_t min, std::int64_t max,
                                             const std::string& zh, const std::string& en) {
  const auto text = req.query_param(name);
  if (!text) return std::nullopt;
  std::int64_t v = 0;
  const auto* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, v);
  if (text->empty() || ec != std::errc() || ptr != end || v < min || v > max) {
    throw Error::invalid_field(std::string(name), zh, en);
  }
  return v;
}

// A record id (?studio_id=12): a positive integer, or absent.
inline std::optional<std::int64_t> id_query(const http::Request& req, std::string_view name,
                                            const std::string& zh) {
  return int_query(req, name, 1, INT64_MAX, zh, std::string(name) + " is a positive integer");
}

// A yes/no switch (?overdue=true): "true"/"1" or "false"/"0"/empty; anything else is 400.
inline bool flag_query(const http::Request& req, std::string_view name) {
  const auto v = req.query_param(name);
  if (!v || v->empty() || *v == "false" || *v == "0") return false;
  if (*v == "true" || *v == "1") return true;
  throw Error::invalid_field(std::string(name), std::string(name) + " 应为 true 或 false",
                             std::string(name) + " is true or false");
}

// ?year=2026: an integer from 2000 to 2100, or absent (an empty value is absent too).
inline std::optional<int> year_query(const http::Request& req) {
  const auto text = req.query_param("year");
  if (!text || text->empty()) return std::nullopt;
  return static_cast<int>(int_query(req, "year", 2000, 2100, "年度应为2000至2100之间的整数",
                                    "year is an integer from 2000 to 2100")
                              .value());
}

}  // namespace tongxin::http
