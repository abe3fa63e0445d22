// src/records/rule_sets.cpp
#include "records/rule_sets.hpp"

namespace tongxin::records {

std::string_view split_name(Split s) {
  switch (s) {
    case Split::first_author:
      return "first_author";
    case Split::shared:
      return "shared";
    case Split::each:
      break;
  }
  return "each";
}

namespace {

std::vector<Rule> rules_of_set(storage::Connection& c, std::int64_t set_id) {
  std::vector<Rule> rules;
  for (const auto& r :
       c.q("SELECT * FROM points_rules WHERE rule_set_id = $1 ORDER BY id", set_id)) {
    Rule rule;
    rule.id = r.int64("id");
    rule.code = r.text("code");
    rule.category = r.text("category");
    rule.title = r.text("title");
    rule.points = r.real("points");
    rule.co_points = r.real("co_points");
    rule.yearly_cap = r.opt_real("yearly_cap");
    const auto split = r.text("split");
    rule.split = split == "first_author" ? Split::first_author
                 : split == "shared"     ? Split::shared
                                         : Split::each;
    rule.half_if_unregistered = r.boolean("half_if_unregistered");
    rule.unit = r.text("unit");
    rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace

std::vector<RuleSet> rule_sets(storage::Connection& c) {
  std::vector<RuleSet> out;
  for (const auto& s : c.q("SELECT * FROM points_rule_sets ORDER BY version DESC")) {
    out.push_back({s.text("name"), s.int64("version"), s.int64("valid_from_year"),
                   rules_of_set(c, s.int64("id"))});
  }
  return out;
}

std::vector<Rule> rules_in_force(storage::Connection& c, int year) {
  const auto set =
      c.q("SELECT id FROM points_rule_sets WHERE valid_from_year <= $1 ORDER BY"
          " version DESC LIMIT 1",
          year);
  return set.empty() ? std::vector<Rule>{} : rules_of_set(c, set.front().int64(0));
}

}  // namespace tongxin::records
