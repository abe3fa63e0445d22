// src/core/divisions/divisions.cpp
#include "core/divisions/divisions.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>

namespace tongxin::divisions {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Municipalities and some provinces have placeholder city levels in the statistics.
bool placeholder(std::string_view name) {
  return name == "市辖区" || name == "县" || name == "省直辖县级行政区划" ||
         name == "自治区直辖县级行政区划";
}

}  // namespace

std::optional<std::string> normalize_code(std::string_view code) {
  if (!all_digits(code)) return std::nullopt;
  if (code.size() == 6 || code.size() == 9)
    return std::string(code) + std::string(12 - code.size(), '0');
  if (code.size() == 12) return std::string(code);
  return std::nullopt;
}

std::string subtree_prefix(std::string_view code12) {
  std::string_view c = code12;
  if (c.size() != 12) return std::string(c);
  if (c.substr(2) == "0000000000") return std::string(c.substr(0, 2));
  if (c.substr(4) == "00000000") return std::string(c.substr(0, 4));
  if (c.substr(6) == "000000") return std::string(c.substr(0, 6));
  if (c.substr(9) == "000") return std::string(c.substr(0, 9));
  return std::string(c);
}

std::pair<std::string, std::string> subtree_range(std::string_view code12) {
  auto first = subtree_prefix(code12);
  auto second = first;
  // Codes are digits; '9' + 1 is ':', which still sorts after every digit.
  if (!second.empty()) second.back() = static_cast<char>(second.back() + 1);
  return {std::move(first), std::move(second)};
}

std::shared_ptr<const DivisionIndex> DivisionIndex::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("divisions: cannot read " + path);
  auto index = std::make_shared<DivisionIndex>();
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    Division d;
    std::size_t pos = 0;
    std::string fields[4];
    for (int i = 0; i < 4; ++i) {
      const auto tab = line.find('\t', pos);
      fields[i] = line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos);
      pos = tab == std::string::npos ? line.size() : tab + 1;
    }
    if (fields[0].size() != 12 || !all_digits(fields[0]) || fields[2].size() != 1 ||
        fields[2][0] < '1' || fields[2][0] > '4') {
      throw std::runtime_error("divisions: bad line " + std::to_string(line_no) + " in " + path);
    }
    d.code = fields[0];
    d.name = fields[1];
    d.level = static_cast<Level>(fields[2][0] - '0');
    d.parent_code = fields[3];
    index->children_[d.parent_code].push_back(d.code);
    index->by_code_.emplace(d.code, std::move(d));
  }
  for (auto& [_, kids] : index->children_)
    std::sort(kids.begin(), kids.end());
  return index;
}

const Division* DivisionIndex::find(std::string_view code) const {
  const auto norm = normalize_code(code);
  if (!norm) return nullptr;
  const auto it = by_code_.find(*norm);
  return it == by_code_.end() ? nullptr : &it->second;
}

std::vector<const Division*> DivisionIndex::children(std::string_view code) const {
  std::string key;
  if (!code.empty()) {
    const auto* d = find(code);
    if (d == nullptr) return {};
    key = d->code;
  }
  std::vector<const Division*> out;
  const auto it = children_.find(key);
  if (it == children_.end()) return out;
  for (const auto& c : it->second)
    out.push_back(&by_code_.at(c));
  return out;
}

std::string DivisionIndex::full_name(std::string_view code) const {
  std::vector<const Division*> chain;
  for (const auto* d = find(code); d != nullptr;
       d = d->parent_code.empty() ? nullptr : find(d->parent_code)) {
    chain.push_back(d);
  }
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (!placeholder((*it)->name)) out += (*it)->name;
  }
  return out;
}

bool DivisionIndex::contains(std::string_view ancestor, std::string_view code) const {
  const auto* a = find(ancestor);
  const auto* c = find(code);
  if (a == nullptr || c == nullptr) return false;
  for (const auto* d = c; d != nullptr;
       d = d->parent_code.empty() ? nullptr : find(d->parent_code)) {
    if (d == a) return true;
  }
  return false;
}

}  // namespace tongxin::divisions
