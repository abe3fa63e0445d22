// src/core/text/analyzer.cpp
#include "core/text/analyzer.hpp"

#include "core/text/segmenter.hpp"
#include "core/text/text.hpp"
#include "core/text/utf8.hpp"

namespace tongxin::text {

namespace {

enum class RunKind { han, word };

struct Run {
  RunKind kind;
  std::string_view text;
};

bool is_word_char(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z');
}

// Splits normalised text into runs of Han characters and runs of letters/digits; all
// else (spaces, punctuation, emoji) separates runs.
std::vector<Run> runs_of(std::string_view s) {
  std::vector<Run> runs;
  std::size_t start = 0;
  bool open = false;
  RunKind kind = RunKind::word;
  const auto close = [&](std::size_t end) {
    if (open) runs.push_back({kind, s.substr(start, end - start)});
    open = false;
  };
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const char32_t cp = decode_at(s, i, len);
    const bool han = is_han(cp);
    const bool word = is_word_char(cp);
    if (!han && !word) {
      close(i);
    } else {
      const RunKind k = han ? RunKind::han : RunKind::word;
      if (open && k != kind) close(i);
      if (!open) {
        open = true;
        kind = k;
        start = i;
      }
    }
    i += len;
  }
  close(s.size());
  return runs;
}

void append_bigrams(std::string_view run, std::vector<std::string>& out) {
  const auto starts = codepoint_starts(run);
  for (std::size_t i = 0; i + 2 < starts.size(); ++i) {
    out.emplace_back(run.substr(starts[i], starts[i + 2] - starts[i]));
  }
}

}  // namespace

std::vector<std::string> index_tokens(std::string_view text) {
  const std::string norm = normalize(text);
  std::vector<std::string> tokens;
  for (const auto& run : runs_of(norm)) {
    if (run.kind == RunKind::word) {
      tokens.emplace_back(run.text);
      continue;
    }
    for (auto& w : Segmenter::shared().cut_for_search(run.text))
      tokens.push_back(std::move(w));
    append_bigrams(run.text, tokens);
  }
  return tokens;
}

std::string index_text(std::string_view text) {
  std::string out;
  for (const auto& t : index_tokens(text)) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

std::vector<QueryTerm> query_terms(std::string_view query) {
  const std::string norm = normalize(query);
  std::vector<QueryTerm> terms;
  for (const auto& run : runs_of(norm)) {
    if (run.kind == RunKind::word) {
      terms.push_back({std::string(run.text), true});
      continue;
    }
    std::vector<std::string> grams;
    append_bigrams(run.text, grams);
    if (grams.empty()) {
      terms.push_back({std::string(run.text), true});  // a single character
    } else {
      for (auto& g : grams)
        terms.push_back({std::move(g), false});
    }
  }
  return terms;
}

std::string fts5_match(const std::vector<QueryTerm>& terms) {
  std::string out;
  for (const auto& t : terms) {
    if (!out.empty()) out += " AND ";
    // Tokens hold only Han characters, letters and digits, so quoting needs no escaping.
    out += '"' + t.token + '"';
    if (t.prefix) out += '*';
  }
  return out;
}

std::string pg_tsquery(const std::vector<QueryTerm>& terms) {
  std::string out;
  for (const auto& t : terms) {
    if (!out.empty()) out += " & ";
    out += '\'' + t.token + '\'';
    if (t.prefix) out += ":*";
  }
  return out;
}

}  // namespace tongxin::text
