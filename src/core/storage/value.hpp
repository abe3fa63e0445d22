// src/core/storage/value.hpp
//
// A parameter or column value, the same on both engines. Times are stored as int64
// milliseconds since the Unix epoch (UTC) on both engines (docs/decisions/004).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace tongxin::storage {

using Null = std::monostate;
using Value = std::variant<Null, std::int64_t, double, std::string, bool>;

inline Value to_value(Null) {
  return Null{};
}
inline Value to_value(std::nullptr_t) {
  return Null{};
}
inline Value to_value(bool v) {
  return v;
}
inline Value to_value(int v) {
  return static_cast<std::int64_t>(v);
}
inline Value to_value(long v) {
  return static_cast<std::int64_t>(v);
}
inline Value to_value(long long v) {
  return static_cast<std::int64_t>(v);
}
inline Value to_value(unsigned v) {
  return static_cast<std::int64_t>(v);
}
inline Value to_value(double v) {
  return v;
}
inline Value to_value(const char* v) {
  return std::string(v);
}
inline Value to_value(std::string_view v) {
  return std::string(v);
}
inline Value to_value(const std::string& v) {
  return v;
}
inline Value to_value(std::string&& v) {
  return std::move(v);
}
inline Value to_value(const Value& v) {
  return v;
}
template <typename T>
Value to_value(const std::optional<T>& v) {
  return v ? to_value(*v) : Value{Null{}};
}

}  // namespace tongxin::storage
