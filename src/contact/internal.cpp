// src/contact/internal.cpp
#include "contact/internal.hpp"

#include <boost/json.hpp>

#include "core/calendar/calendar.hpp"
#include "core/calendar/dates.hpp"

namespace tongxin::contact {

std::string placeholders(std::vector<storage::Value>& params,
                         const std::vector<std::int64_t>& ids) {
  std::string out;
  for (const auto id : ids) {
    params.emplace_back(id);
    out += (out.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  return out;
}

std::vector<std::int64_t> json_ids(const std::string& text) {
  std::vector<std::int64_t> out;
  boost::system::error_code ec;
  const auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (x.is_int64()) out.push_back(x.as_int64());
  }
  return out;
}

std::string today_of(std::int64_t now_ms) {
  return calendar::iso_date(calendar::china_date(now_ms));
}

}  // namespace tongxin::contact
