// src/cases/categories.hpp
//
// Problem categories (what a matter is about: street lights, lift retrofits, heating, …),
// found from the words citizens use. A category is the "service" of Open311 and the topic
// that near-duplicate detection compares when two reports of one problem share few words
// ("加梯手续复杂" and "加装电梯补贴没消息" are both about a lift retrofit). The lexicon is
// data, kept in categories.cpp; extend it when triage shows a category missing.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tongxin::cases {

struct Category {
  std::string_view code;  // "street_light"
  std::string_view name;  // "路灯照明"
};

const std::vector<Category>& categories();
// Codes of the categories whose keywords occur in `text` (normalised), in lexicon order.
std::vector<std::string_view> categories_of(std::string_view text);

}  // namespace tongxin::cases
