// src/core/text/segmenter.hpp
//
// A dictionary segmenter for Chinese over jieba's dictionary (dict.txt: "word freq tag"
// per line; Debian python3-jieba, MIT). For each run of Han characters it builds the DAG
// of dictionary words and picks the most probable path (the unigram model jieba uses,
// without its HMM for unknown words: characters outside the dictionary come out as single
// characters, which the analyzer's bigrams cover). Search mode also emits the dictionary
// 2- and 3-character words inside longer words, as jieba's cut_for_search does.
// Thread-safe after construction (read-only).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tongxin::text {

class Segmenter {
 public:
  // Loads the dictionary; throws std::runtime_error when the file cannot be read.
  static std::shared_ptr<const Segmenter> load(const std::string& dict_path);
  // The process-wide segmenter over the system dictionary, loaded on first use.
  static const Segmenter& shared();

  // Words of one run of Han characters (UTF-8), in order, as the best path cuts them.
  std::vector<std::string> cut(std::string_view han_run) const;
  // cut() plus the dictionary sub-words of each long word (search mode).
  std::vector<std::string> cut_for_search(std::string_view han_run) const;

  bool contains(std::string_view word) const;
  std::size_t size() const { return offsets_.size(); }

 private:
  Segmenter() = default;
  // Frequency of `word`, or 0 when it is not a dictionary word.
  std::uint32_t frequency(std::string_view word) const;
  // True when some dictionary word starts with `prefix`.
  bool has_prefix(std::string_view prefix) const;
  std::string_view word_at(std::size_t i) const;

  std::string words_;                   // all words, concatenated
  std::vector<std::uint32_t> offsets_;  // start of each word in words_, sorted by word
  std::vector<std::uint32_t> lengths_;
  std::vector<std::uint32_t> freqs_;
  double log_total_ = 0;
};

}  // namespace tongxin::text
