// src/cases/snippet.cpp
#include "cases/snippet.hpp"

#include "core/text/text.hpp"
#include "core/text/utf8.hpp"

namespace tongxin::cases {

namespace {

void append_escaped(std::string& out, std::string_view s) {
  for (const char ch : s) {
    switch (ch) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
}

// Normalised form of one code point: ASCII and Han need no ICU call (Han is unchanged by
// NFKC casefolding, ASCII only lower-cases), which keeps a page of snippets cheap.
std::string normalize_one(std::string_view cp_bytes) {
  if (cp_bytes.size() == 1) {
    const char ch = cp_bytes[0];
    return std::string(1, (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch);
  }
  std::size_t len = 0;
  if (text::is_han(text::decode_at(cp_bytes, 0, len))) return std::string(cp_bytes);
  return text::normalize(cp_bytes);
}

}  // namespace

std::string snippet_html(const std::string& text, const std::vector<text::QueryTerm>& terms,
                         std::size_t width_chars) {
  const auto starts = text::codepoint_starts(text);
  const std::size_t n = starts.size() - 1;
  std::string norm;
  std::vector<std::size_t> norm_start(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    norm_start[i] = norm.size();
    norm += normalize_one(std::string_view(text).substr(starts[i], starts[i + 1] - starts[i]));
  }
  norm_start[n] = norm.size();
  std::vector<bool> marked(n, false);
  std::size_t first = n;
  for (const auto& t : terms) {
    if (t.token.empty()) continue;
    for (auto pos = norm.find(t.token); pos != std::string::npos;
         pos = norm.find(t.token, pos + 1)) {
      const auto end = pos + t.token.size();
      for (std::size_t i = 0; i < n; ++i) {
        if (norm_start[i] < end && norm_start[i + 1] > pos) {
          marked[i] = true;
          first = std::min(first, i);
        }
      }
    }
  }
  std::size_t from = 0;
  if (first != n && first > width_chars / 4) from = first - width_chars / 4;
  const std::size_t to = std::min(n, from + width_chars);
  std::string out;
  if (from > 0) out += "…";
  bool open = false;
  for (std::size_t i = from; i < to; ++i) {
    if (marked[i] && !open) {
      out += "<mark>";
      open = true;
    } else if (!marked[i] && open) {
      out += "</mark>";
      open = false;
    }
    append_escaped(out, std::string_view(text).substr(starts[i], starts[i + 1] - starts[i]));
  }
  if (open) out += "</mark>";
  if (to < n) out += "…";
  return out;
}

}  // namespace tongxin::cases
