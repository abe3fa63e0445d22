// src/core/text/text.cpp
#include "core/text/text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>
#include <stdexcept>

#include "core/text/utf8.hpp"

namespace tongxin::text {

namespace {

const icu::Normalizer2& nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const auto* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU: no NFKC_Casefold");
  return *n;
}

// ICU transliterators are not thread-safe; one per thread, created on first use, costs
// ~1 ms once and no lock on the hot path.
icu::Transliterator& pinyin_transliterator() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createInstance(
        "Han-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !made) throw std::runtime_error("ICU: no Han-Latin transliterator");
    return made;
  }();
  return *t;
}

// Pinyin syllables of `utf8`, one per Han character, with other letters and digits
// passed through as their own "syllables".
struct Syllable {
  std::string text;
  bool han;
};

std::vector<Syllable> syllables(std::string_view utf8) {
  std::vector<Syllable> out;
  const std::string norm = normalize(utf8);
  std::string pending;  // a run of ASCII letters/digits
  const auto flush = [&] {
    if (!pending.empty()) out.push_back({std::move(pending), false});
    pending.clear();
  };
  for (std::size_t i = 0; i < norm.size();) {
    std::size_t len = 1;
    const char32_t cp = decode_at(norm, i, len);
    if (is_han(cp)) {
      flush();
      auto u = icu::UnicodeString::fromUTF8(
          icu::StringPiece(norm.data() + i, static_cast<int32_t>(len)));
      pinyin_transliterator().transliterate(u);
      std::string s;
      u.toUTF8String(s);
      std::string clean;
      for (const char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) clean += c;
      }
      if (!clean.empty()) out.push_back({clean, true});
    } else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
      pending += static_cast<char>(cp);
    } else {
      flush();
    }
    i += len;
  }
  flush();
  return out;
}

}  // namespace

std::string normalize(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const auto in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  const auto out = nfkc_casefold().normalize(in, status);
  if (U_FAILURE(status)) return std::string(utf8);
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::string pinyin_initials(std::string_view utf8) {
  std::string out;
  // A Han syllable gives its first letter; a run of letters or digits stays whole.
  for (const auto& s : syllables(utf8))
    out += s.han ? s.text.substr(0, 1) : s.text;
  return out;
}

std::string pinyin_full(std::string_view utf8) {
  std::string out;
  for (const auto& s : syllables(utf8))
    out += s.text;
  return out;
}

std::string search_key(std::string_view name) {
  return normalize(name) + " " + pinyin_initials(name) + " " + pinyin_full(name);
}

}  // namespace tongxin::text
