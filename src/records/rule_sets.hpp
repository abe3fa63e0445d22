// src/records/rule_sets.hpp
//
// The points rule sets as stored: newest version first for the rules page, and the set in
// force in a year for scoring.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/storage/connection.hpp"
#include "records/points.hpp"

namespace tongxin::records {

struct RuleSet {
  std::string name;
  std::int64_t version = 0;
  std::int64_t valid_from_year = 0;
  std::vector<Rule> rules;  // in stored order
};
std::vector<RuleSet> rule_sets(storage::Connection& c);
// The rules of the newest set in force in `year` (valid_from_year <= year); none when no
// set applies yet.
std::vector<Rule> rules_in_force(storage::Connection& c, int year);

// "each" | "first_author" | "shared" — the stored and the API name.
std::string_view split_name(Split s);

}  // namespace tongxin::records
