// src/core/json/fields.cpp
#include "core/json/fields.hpp"

#include "core/error.hpp"

namespace tongxin::json {

namespace {

[[noreturn]] void invalid(std::string_view key, const std::string& zh, const std::string& en) {
  throw Error::invalid_field(std::string(key), "字段 " + std::string(key) + " " + zh,
                             "field " + std::string(key) + " " + en);
}

std::string trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

const boost::json::value* FieldReader::find(std::string_view key) {
  seen_.emplace(key);
  const auto* v = object_.if_contains(key);
  return (v == nullptr || v->is_null()) ? nullptr : v;
}

bool FieldReader::has(std::string_view key) const {
  const auto* v = object_.if_contains(key);
  return v != nullptr && !v->is_null();
}

std::optional<std::string> FieldReader::optional_string(std::string_view key,
                                                        std::size_t max_chars) {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) invalid(key, "必须是文本", "must be a string");
  auto s = trim(std::string_view(v->as_string()));
  if (utf8_length(s) > max_chars) {
    invalid(key, "不能超过 " + std::to_string(max_chars) + " 字",
            "must be at most " + std::to_string(max_chars) + " characters");
  }
  return s;
}

std::string FieldReader::required_string(std::string_view key, std::size_t max_chars) {
  auto s = optional_string(key, max_chars);
  if (!s || s->empty()) invalid(key, "不能为空", "is required");
  return *s;
}

std::optional<std::int64_t> FieldReader::optional_int(std::string_view key) {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(v->as_uint64());
  }
  invalid(key, "必须是整数", "must be an integer");
}

std::int64_t FieldReader::required_int(std::string_view key) {
  const auto v = optional_int(key);
  if (!v) invalid(key, "不能为空", "is required");
  return *v;
}

std::optional<double> FieldReader::optional_double(std::string_view key) {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (v->is_double()) return v->as_double();
  if (v->is_int64()) return static_cast<double>(v->as_int64());
  if (v->is_uint64()) return static_cast<double>(v->as_uint64());
  invalid(key, "必须是数字", "must be a number");
}

std::optional<bool> FieldReader::optional_bool(std::string_view key) {
  const auto* v = find(key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_bool()) invalid(key, "必须是 true 或 false", "must be true or false");
  return v->as_bool();
}

bool FieldReader::required_bool(std::string_view key) {
  const auto v = optional_bool(key);
  if (!v) invalid(key, "不能为空", "is required");
  return *v;
}

std::vector<std::string> FieldReader::string_array(std::string_view key, std::size_t max_items,
                                                   std::size_t max_chars) {
  const auto* v = find(key);
  std::vector<std::string> out;
  if (v == nullptr) return out;
  if (!v->is_array()) invalid(key, "必须是文本列表", "must be a list of strings");
  const auto& a = v->as_array();
  if (a.size() > max_items) {
    invalid(key, "最多 " + std::to_string(max_items) + " 项",
            "must have at most " + std::to_string(max_items) + " items");
  }
  for (const auto& item : a) {
    if (!item.is_string()) invalid(key, "必须是文本列表", "must be a list of strings");
    auto s = trim(std::string_view(item.as_string()));
    if (s.empty()) continue;
    if (utf8_length(s) > max_chars) {
      invalid(key, "的每项不能超过 " + std::to_string(max_chars) + " 字",
              "items must be at most " + std::to_string(max_chars) + " characters");
    }
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::int64_t> FieldReader::int_array(std::string_view key, std::size_t max_items) {
  const auto* v = find(key);
  std::vector<std::int64_t> out;
  if (v == nullptr) return out;
  if (!v->is_array()) invalid(key, "必须是整数列表", "must be a list of integers");
  const auto& a = v->as_array();
  if (a.size() > max_items) {
    invalid(key, "最多 " + std::to_string(max_items) + " 项",
            "must have at most " + std::to_string(max_items) + " items");
  }
  for (const auto& item : a) {
    if (!item.is_int64()) invalid(key, "必须是整数列表", "must be a list of integers");
    out.push_back(item.as_int64());
  }
  return out;
}

const boost::json::object* FieldReader::optional_object(std::string_view key) {
  const auto* v = find(key);
  if (v == nullptr) return nullptr;
  if (!v->is_object()) invalid(key, "必须是对象", "must be an object");
  return &v->as_object();
}

std::optional<std::string> FieldReader::optional_enum(
    std::string_view key, const std::vector<std::string_view>& allowed) {
  auto s = optional_string(key, 100);
  if (!s) return s;
  for (const auto a : allowed) {
    if (a == *s) return s;
  }
  std::string list;
  for (const auto a : allowed)
    list += (list.empty() ? "" : ", ") + std::string(a);
  invalid(key, "取值无效，可选：" + list, "must be one of: " + list);
}

void FieldReader::reject_unknown() const {
  for (const auto& [key, _] : object_) {
    if (!seen_.contains(std::string_view(key))) {
      throw Error(400, "validation.unknown_field", "不支持的字段：" + std::string(key),
                  "unknown field: " + std::string(key),
                  boost::json::object{{"field", std::string_view(key)}});
    }
  }
}

}  // namespace tongxin::json
