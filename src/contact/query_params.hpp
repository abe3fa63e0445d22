// src/contact/query_params.hpp
//
// Integer query parameters of the contact routes, parsed strictly: "12" is 12; "", "12a",
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

namespace tongxin::contact {

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

}  // namespace tongxin::contact
