// src/core/json/fields.hpp
//
// Reading a JSON request body field by field with validation. Every failure throws
// tongxin::Error 400 with code "validation.invalid_field" (or "validation.unknown_field")
// and details {"field": name}, and a Chinese message that names the field.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tongxin::json {

class FieldReader {
 public:
  explicit FieldReader(const boost::json::object& object) : object_(object) {}

  bool has(std::string_view key) const;
  // Strings are trimmed; an empty required string is an error; length counts code points.
  std::string required_string(std::string_view key, std::size_t max_chars = 200);
  std::optional<std::string> optional_string(std::string_view key, std::size_t max_chars = 200);
  std::int64_t required_int(std::string_view key);
  std::optional<std::int64_t> optional_int(std::string_view key);
  std::optional<double> optional_double(std::string_view key);
  bool required_bool(std::string_view key);
  std::optional<bool> optional_bool(std::string_view key);
  // Absent → empty. Present but not an array of strings → error.
  std::vector<std::string> string_array(std::string_view key, std::size_t max_items = 100,
                                        std::size_t max_chars = 100);
  std::vector<std::int64_t> int_array(std::string_view key, std::size_t max_items = 1000);
  // nullptr when absent; error when present and not an object.
  const boost::json::object* optional_object(std::string_view key);
  // A string that must be one of `allowed`.
  std::optional<std::string> optional_enum(std::string_view key,
                                           const std::vector<std::string_view>& allowed);
  // Throws validation.unknown_field naming the first key that no reader call consumed.
  void reject_unknown() const;

 private:
  const boost::json::value* find(std::string_view key);
  const boost::json::object& object_;
  std::set<std::string, std::less<>> seen_;
};

// Number of Unicode code points in UTF-8 text (invalid bytes count as one each).
std::size_t utf8_length(std::string_view text);

// The JSON of an optional field: null when absent.
template <typename T>
boost::json::value nullable(const std::optional<T>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace tongxin::json
