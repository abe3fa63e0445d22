// src/demo/data.hpp
//
// The demo's texts and names live in data/demo/*.tsv (data/demo/README.md), not in code:
// tab-separated files with a header row, one file per concept. A field escapes a newline as
// \n, a tab as \t and a backslash as \\; a list field separates its items with '|'.
//
// The folder is the configured data folder's demo/ (config data_dir, TONGXIN_DATA_DIR; in
// tests $TONGXIN_SOURCE_DIR/data). seed() and load_cases() make it current before they use
// any table; tables are read once per folder and kept for the process.
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/config/config.hpp"

namespace tongxin::demo {

struct Tsv {
  std::string file;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;

  // The column's index; throws std::runtime_error naming the file when there is none.
  std::size_t column(std::string_view name) const;
  const std::string& at(std::size_t row, std::string_view col) const {
    return rows[row][column(col)];
  }
  std::vector<std::string> list(std::size_t row, std::string_view col) const;
  int integer(std::size_t row, std::string_view col) const;
  double number(std::size_t row, std::string_view col) const;
  bool flag(std::size_t row, std::string_view col) const;
};

// Reads `path` (throws std::runtime_error on a missing file or a short row).
Tsv read_tsv(const std::string& path);

// data_dir/demo of a configuration.
std::string demo_data_dir(const config::Config& config);
// Makes `dir` the folder the tables come from.
void use_demo_data(const std::string& dir);
const std::string& current_demo_data();

// A table of the current folder parsed once by `parse` (per folder and file).
template <typename T>
const T& demo_table(const std::string& file, const std::function<T(const Tsv&)>& parse) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<T>> cache;
  const auto path = current_demo_data() + "/" + file;
  std::lock_guard lock(mutex);
  auto& slot = cache[path];
  if (!slot) slot = std::make_unique<T>(parse(read_tsv(path)));
  return *slot;
}

// phrases.tsv: short texts by key (list, text). A key with several rows is a list to draw
// from; placeholders in braces ({p} a place, {t} a topic …) are filled by the caller.
const std::vector<std::string>& phrases(std::string_view key);  // throws for an unknown key
const std::string& phrase(std::string_view key);                // the key's first text
// The key's first text with its placeholders filled, in order: phrase("k", {{"{t}", t}}).
std::string phrase(std::string_view key,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> values);
// `text` with every `key` replaced by `value`.
std::string fill(std::string text, std::string_view key, std::string_view value);

}  // namespace tongxin::demo
