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

std::vector<RuleSet> rule_sets(storage::Connection& c) {
  std::vector<RuleSet> out;
  for (const auto& s : c.q("SELECT * FROM points_rule_sets ORDER BY version DESC")) {
    RuleSet set{s.text("name"), s.int64("version"), s.int64("valid_from_year"), {}};
    for (const auto& r :
         c.q("SELECT * FROM points_rules WHERE rule_set_id = $1 ORDER BY id", s.int64("id"))) {
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
      set.rules.push_back(std::move(rule));
    }
    out.push_back(std::move(set));
  }
  return out;
}

}  // namespace tongxin::records
