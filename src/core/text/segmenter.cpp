// src/core/text/segmenter.cpp
#include "core/text/segmenter.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <mutex>
#include <numeric>
#include <stdexcept>

#include "core/text/utf8.hpp"

namespace tongxin::text {

namespace {
constexpr const char* kSystemDictionary = "/usr/lib/python3/dist-packages/jieba/dict.txt";
}

std::shared_ptr<const Segmenter> Segmenter::load(const std::string& dict_path) {
  std::ifstream in(dict_path);
  if (!in) throw std::runtime_error("segmenter: cannot read dictionary " + dict_path);
  struct Entry {
    std::string word;
    std::uint32_t freq;
  };
  std::vector<Entry> entries;
  entries.reserve(350'000);
  std::string line;
  double total = 0;
  while (std::getline(in, line)) {
    const auto sp = line.find(' ');
    if (sp == std::string::npos || sp == 0) continue;
    const auto sp2 = line.find(' ', sp + 1);
    const auto freq_text = line.substr(sp + 1, sp2 == std::string::npos ? sp2 : sp2 - sp - 1);
    const auto freq = static_cast<std::uint32_t>(std::strtoul(freq_text.c_str(), nullptr, 10));
    entries.push_back({line.substr(0, sp), freq});
    total += freq;
  }
  if (entries.empty()) throw std::runtime_error("segmenter: empty dictionary " + dict_path);
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.word < b.word; });

  std::shared_ptr<Segmenter> s(new Segmenter());
  s->offsets_.reserve(entries.size());
  s->lengths_.reserve(entries.size());
  s->freqs_.reserve(entries.size());
  for (auto& e : entries) {
    // A word listed twice keeps the larger frequency.
    if (!s->offsets_.empty() && s->word_at(s->offsets_.size() - 1) == e.word) {
      s->freqs_.back() = std::max(s->freqs_.back(), e.freq);
      continue;
    }
    s->offsets_.push_back(static_cast<std::uint32_t>(s->words_.size()));
    s->lengths_.push_back(static_cast<std::uint32_t>(e.word.size()));
    s->freqs_.push_back(e.freq);
    s->words_ += e.word;
  }
  s->log_total_ = std::log(total);
  return s;
}

const Segmenter& Segmenter::shared() {
  static std::once_flag once;
  static std::shared_ptr<const Segmenter> instance;
  std::call_once(once, [] { instance = load(kSystemDictionary); });
  return *instance;
}

std::string_view Segmenter::word_at(std::size_t i) const {
  return std::string_view(words_).substr(offsets_[i], lengths_[i]);
}

std::uint32_t Segmenter::frequency(std::string_view word) const {
  std::size_t lo = 0;
  std::size_t hi = offsets_.size();
  while (lo < hi) {
    const auto mid = lo + (hi - lo) / 2;
    if (word_at(mid) < word) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < offsets_.size() && word_at(lo) == word ? freqs_[lo] : 0;
}

bool Segmenter::has_prefix(std::string_view prefix) const {
  std::size_t lo = 0;
  std::size_t hi = offsets_.size();
  while (lo < hi) {
    const auto mid = lo + (hi - lo) / 2;
    if (word_at(mid) < prefix) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < offsets_.size() && word_at(lo).starts_with(prefix);
}

bool Segmenter::contains(std::string_view word) const {
  return frequency(word) > 0;
}

std::vector<std::string> Segmenter::cut(std::string_view run) const {
  const auto starts = codepoint_starts(run);  // byte offset of each code point, + end
  const std::size_t n = starts.size() - 1;
  if (n == 0) return {};
  // dag[i]: ends j (exclusive, in code points) of dictionary words starting at i.
  std::vector<std::vector<std::size_t>> dag(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j <= n; ++j) {
      const auto piece = run.substr(starts[i], starts[j] - starts[i]);
      if (!has_prefix(piece)) break;
      if (frequency(piece) > 0) dag[i].push_back(j);
    }
    if (dag[i].empty()) dag[i].push_back(i + 1);
  }
  // best[i]: log-probability of the best cut of [i, n); next[i]: where its first word ends.
  std::vector<double> best(n + 1, 0.0);
  std::vector<std::size_t> next(n + 1, n);
  for (std::size_t i = n; i-- > 0;) {
    best[i] = -1e300;
    for (const auto j : dag[i]) {
      const auto f = frequency(run.substr(starts[i], starts[j] - starts[i]));
      const double score = std::log(f > 0 ? static_cast<double>(f) : 1.0) - log_total_ + best[j];
      if (score > best[i]) {
        best[i] = score;
        next[i] = j;
      }
    }
  }
  std::vector<std::string> words;
  for (std::size_t i = 0; i < n; i = next[i]) {
    words.emplace_back(run.substr(starts[i], starts[next[i]] - starts[i]));
  }
  return words;
}

std::vector<std::string> Segmenter::cut_for_search(std::string_view run) const {
  std::vector<std::string> out;
  for (auto& word : cut(run)) {
    const auto starts = codepoint_starts(word);
    const std::size_t n = starts.size() - 1;
    for (const std::size_t width : {std::size_t{2}, std::size_t{3}}) {
      if (n <= width) continue;
      for (std::size_t i = 0; i + width <= n; ++i) {
        const auto piece = std::string_view(word).substr(starts[i], starts[i + width] - starts[i]);
        if (contains(piece)) out.emplace_back(piece);
      }
    }
    out.push_back(std::move(word));
  }
  return out;
}

}  // namespace tongxin::text
