// src/core/paging.cpp
#include "core/paging.hpp"

#include <algorithm>
#include <charconv>

#include "core/error.hpp"

namespace tongxin::paging {

namespace {
constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

[[noreturn]] void bad_cursor() {
  throw Error::bad_request("paging.bad_cursor", "分页参数无效，请从第一页重新加载",
                           "invalid cursor; reload from the first page");
}
}  // namespace

std::string base64url_encode(std::string_view in) {
  std::string out;
  std::uint32_t buf = 0;
  int bits = 0;
  for (const unsigned char c : in) {
    buf = (buf << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(buf >> bits) & 0x3F];
    }
  }
  if (bits > 0) out += kAlphabet[(buf << (6 - bits)) & 0x3F];
  return out;
}

std::optional<std::string> base64url_decode(std::string_view in) {
  std::string out;
  std::uint32_t buf = 0;
  int bits = 0;
  for (const char c : in) {
    const auto pos = kAlphabet.find(c);
    if (pos == std::string_view::npos) return std::nullopt;
    buf = (buf << 6) | static_cast<std::uint32_t>(pos);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buf >> bits) & 0xFF);
    }
  }
  return out;
}

std::string encode(const Cursor& c) {
  return base64url_encode(c.key + '\x1F' + std::to_string(c.id));
}

std::optional<Cursor> decode(const std::optional<std::string>& text) {
  if (!text || text->empty()) return std::nullopt;
  const auto raw = base64url_decode(*text);
  if (!raw) bad_cursor();
  const auto sep = raw->rfind('\x1F');
  if (sep == std::string::npos) bad_cursor();
  Cursor c;
  c.key = raw->substr(0, sep);
  const auto id_text = std::string_view(*raw).substr(sep + 1);
  const auto [p, ec] = std::from_chars(id_text.data(), id_text.data() + id_text.size(), c.id);
  if (ec != std::errc() || p != id_text.data() + id_text.size()) bad_cursor();
  return c;
}

int limit(const std::optional<std::string>& text, int default_limit, int max_limit) {
  if (!text || text->empty()) return default_limit;
  int n = 0;
  const auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), n);
  if (ec != std::errc() || p != text->data() + text->size()) {
    throw Error::invalid_field("limit", "字段 limit 必须是整数", "limit must be an integer");
  }
  return std::clamp(n, 1, max_limit);
}

boost::json::value next_by_id(const storage::Result& rows, std::size_t limit) {
  if (limit == 0 || rows.size() <= limit) return nullptr;
  return boost::json::string(encode({"", rows[limit - 1].int64("id")}));
}

}  // namespace tongxin::paging
