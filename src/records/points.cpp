// src/records/points.cpp
#include "records/points.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace tongxin::records {

namespace {

double round2(double v) {
  return std::round(v * 100.0) / 100.0;
}

}  // namespace

std::vector<Entry> score(const std::vector<Rule>& rules, std::vector<Source> sources) {
  std::map<std::string, const Rule*> by_code;
  for (const auto& r : rules)
    by_code[r.code] = &r;
  std::stable_sort(sources.begin(), sources.end(),
                   [](const Source& a, const Source& b) { return a.date < b.date; });
  std::map<std::string, double> used;  // per rule, this year
  std::vector<Entry> out;
  for (const auto& s : sources) {
    const auto it = by_code.find(s.rule_code);
    if (it == by_code.end()) continue;  // no rule for it in this rule set
    const Rule& rule = *it->second;
    double p = rule.points;
    switch (rule.split) {
      case Split::each:
        break;
      case Split::first_author:
        p = s.first_author ? rule.points : rule.co_points;
        break;
      case Split::shared:
        p = rule.points / std::max(1, s.participants);
        break;
    }
    std::string note;
    if (rule.half_if_unregistered && !s.registered) {
      p /= 2;
      note = "未签到，减半";
    }
    p = round2(p);
    if (rule.yearly_cap && p > 0) {
      const double room = std::max(0.0, *rule.yearly_cap - used[rule.code]);
      if (p > room) {
        p = round2(room);
        note = "已达年度上限" + std::string(note.empty() ? "" : "；" + note);
      }
      used[rule.code] += p;
    }
    out.push_back({rule.id, rule.code, rule.category, p, s, note});
  }
  return out;
}

Grade grade_for(double total, const GradeBands& bands) {
  if (total >= bands.excellent) return {"excellent", "优秀"};
  if (total >= bands.competent) return {"competent", "称职"};
  if (total >= bands.basic) return {"basic", "基本称职"};
  return {"unqualified", "不称职"};
}

}  // namespace tongxin::records
