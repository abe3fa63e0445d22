// src/core/paging.hpp
//
// Cursor pagination shared by every list: a page is "rows after (sort key, id)", so a
// page costs an index seek whatever the table size (no OFFSET). The cursor is opaque to
// clients: base64url of "key\x1Fid".
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/storage/result.hpp"

namespace tongxin::paging {

struct Cursor {
  std::string key;  // the sort key of the last row seen (text form)
  std::int64_t id = 0;
};

std::string encode(const Cursor& c);
// nullopt for an absent cursor; throws Error 400 (paging.bad_cursor) for a malformed one.
std::optional<Cursor> decode(const std::optional<std::string>& text);
// limit= parsed and clamped: default 20, 1..100; throws Error 400 for non-numbers.
int limit(const std::optional<std::string>& text, int default_limit = 20, int max_limit = 100);

// next_cursor of a page of a list ordered by id and fetched with LIMIT limit + 1: the cursor
// after the last row shown when the extra row came back, otherwise null (the last page).
boost::json::value next_by_id(const storage::Result& rows, std::size_t limit);

std::string base64url_encode(std::string_view bytes);
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace tongxin::paging
