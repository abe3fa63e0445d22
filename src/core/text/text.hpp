// src/core/text/text.hpp
//
// Text normalisation for matching and search keys. Chinese-aware via ICU.
#pragma once

#include <string>
#include <string_view>

namespace tongxin::text {

// NFKC, then case folding: "ＡＢｃ１" → "abc1". Used on both sides of every comparison.
std::string normalize(std::string_view utf8);
// Pinyin initials of the Han characters, other letters and digits kept, lower-case:
// "王小明" → "wxm", "城关区A1" → "cgqa1". Polyphonic characters take ICU's reading.
std::string pinyin_initials(std::string_view utf8);
// Full pinyin without tones, syllables joined without spaces: "王小明" → "wangxiaoming".
std::string pinyin_full(std::string_view utf8);
// The text a list search matches against: normalize(name) + " " + initials + " " + full
// pinyin, so q="wxm", q="wang", q="王小" and q="小明" all find 王小明 by substring.
std::string search_key(std::string_view name);

}  // namespace tongxin::text
