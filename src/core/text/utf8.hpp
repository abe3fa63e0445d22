// src/core/text/utf8.hpp
//
// Minimal UTF-8 walking for the analyzer: code point boundaries and Han detection.
// Invalid bytes count as one code point each, so arbitrary input never loops or crashes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tongxin::text {

// Byte offset of every code point in `s`, followed by s.size().
std::vector<std::size_t> codepoint_starts(std::string_view s);
// Decodes the code point at byte `i`; `len` receives its length in bytes (≥ 1).
char32_t decode_at(std::string_view s, std::size_t i, std::size_t& len);
// CJK unified ideographs (basic block, extension A, compatibility).
bool is_han(char32_t cp);

}  // namespace tongxin::text
