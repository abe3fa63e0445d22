// src/records/points.hpp
//
// The points engine, pure: given a rule set and what a member did in a scoring year, the
// ledger entries — each linked to its source — with splits for joint items, half points
// for attending without registering, and yearly caps applied in date order (the entry that
// crosses the cap gets the remainder, later ones get 0 and are kept with a note, so the
// record shows why). Negative rules (absence, overdue tasks) are never capped.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tongxin::records {

enum class Split { each, first_author, shared };

struct Rule {
  std::int64_t id = 0;
  std::string code;      // "activity.visit"
  std::string category;  // contact | activity | case | proposal | opinion | meeting | discipline
  std::string title;
  double points = 0;     // per unit; for first_author: the first author's points
  double co_points = 0;  // first_author: each co-author's points
  std::optional<double> yearly_cap;
  Split split = Split::each;
  bool half_if_unregistered = false;
  std::string unit;  // what a unit is (次, 篇 …), shown on the rules page
};

// One thing a member did that a rule scores.
struct Source {
  std::string rule_code;
  std::string type;  // "activity", "case", "visit_task", …
  std::int64_t id = 0;
  std::string date;          // YYYY-MM-DD
  bool first_author = true;  // first_author rules: false = co-author
  int participants = 1;      // shared rules: the points are divided among them
  bool registered = true;    // signed in at the event
  std::string title;
};

struct Entry {
  std::int64_t rule_id = 0;
  std::string rule_code;
  std::string category;
  double points = 0;
  Source source;
  std::string note;  // "年度上限" when the cap cut it
};

std::vector<Entry> score(const std::vector<Rule>& rules, std::vector<Source> sources);

struct GradeBands {
  double excellent = 60;  // 优秀
  double competent = 30;  // 称职
  double basic = 15;      // 基本称职; below: 不称职
};
struct Grade {
  std::string code;   // excellent | competent | basic | unqualified
  std::string label;  // 优秀 | 称职 | 基本称职 | 不称职
};
Grade grade_for(double total, const GradeBands& bands);

}  // namespace tongxin::records
