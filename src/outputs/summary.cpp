// src/outputs/summary.cpp
//
// Headline figures of a kind for a year (workflows.md §2; the seeds' "3,372 micro-
// suggestions, 95.4 % answered"): what was submitted in the year and how far it got.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/calendar/dates.hpp"
#include "organisation/briefs.hpp"
#include "outputs/errors.hpp"
#include "outputs/internal.hpp"
#include "outputs/output_json.hpp"
#include "outputs/outputs.hpp"

namespace tongxin::outputs {

namespace json = boost::json;

namespace {

double rate(std::int64_t part, std::int64_t whole) {
  return whole == 0
             ? 0.0
             : std::round(1000.0 * static_cast<double>(part) / static_cast<double>(whole)) / 10.0;
}

}  // namespace

Figures figures(storage::Connection& c, const auth::Principal& p, Kind kind, int year,
                std::optional<std::int64_t> conference_id) {
  auto scope = organisation::conferences_in_scope(c, p);
  if (conference_id) {
    if (std::find(scope.begin(), scope.end(), *conference_id) == scope.end()) {
      throw errors::conference_out_of_scope();
    }
    scope = {*conference_id};
  }
  std::string in;
  for (const auto id : scope)
    in += (in.empty() ? "" : ",") + std::to_string(id);
  if (in.empty()) in = "0";
  const auto period = calendar::Period::year(year);
  const auto from = period.from_ms(), to = period.to_ms() + 1;
  const std::string base = " FROM outputs o WHERE o.kind = $1 AND o.conference_id IN (" + in +
                           ") AND o.submitted_at >= $2 AND o.submitted_at < $3";
  const std::string k(kind_name(kind));
  const auto& w = workflow(kind);

  Figures out;
  out.kind = kind;
  out.year = year;
  std::map<std::string, std::int64_t> by_status;
  for (const auto& r :
       c.q("SELECT o.status, COUNT(*)" + base + " GROUP BY o.status", k, from, to)) {
    by_status[r.text(0)] = r.int64(1);
    out.submitted += r.int64(1);
  }
  for (const auto& s : w.states) {
    if (s.name == "draft") continue;
    const auto it = by_status.find(std::string(s.name));
    out.by_status.push_back(
        {std::string(s.name), std::string(s.zh), it == by_status.end() ? 0 : it->second});
  }
  const auto rows =
      c.q("SELECT SUM(CASE WHEN o.accepted_at IS NOT NULL THEN 1 ELSE 0 END),"
          " SUM(CASE WHEN EXISTS (SELECT 1 FROM output_agencies a WHERE a.output_id = o.id AND"
          " a.status <> 'withdrawn') THEN 1 ELSE 0 END),"
          " SUM(CASE WHEN o.replied_at IS NOT NULL THEN 1 ELSE 0 END),"
          " SUM(CASE WHEN o.closed_at IS NOT NULL AND o.accepted_at IS NOT NULL THEN 1 ELSE 0 END),"
          " SUM(CASE WHEN o.rating IS NOT NULL THEN 1 ELSE 0 END),"
          " SUM(CASE WHEN o.rating IN ('satisfied', 'basically_satisfied') THEN 1 ELSE 0 END),"
          " AVG(CASE WHEN o.replied_at IS NOT NULL AND o.accepted_at IS NOT NULL THEN"
          " (o.replied_at - o.accepted_at) / 86400000.0 END),"
          " SUM(CASE WHEN o.is_key THEN 1 ELSE 0 END), SUM(CASE WHEN o.is_excellent THEN 1 ELSE 0"
          " END)" +
              base,
          k, from, to);
  const auto& f = rows.front();
  auto n = [&](std::size_t i) { return f.is_null(i) ? std::int64_t{0} : f.int64(i); };
  out.accepted = n(0);
  out.dispatched = n(1);
  out.answered = n(2);
  out.closed = n(3);
  out.rated = n(4);
  const auto satisfied = n(5);
  // 办复率 = answered / accepted (workflows.md §2)
  out.answer_rate = rate(out.answered, out.accepted);
  out.closed_rate = rate(out.closed, out.accepted);
  out.satisfaction_rate = rate(satisfied, out.rated);
  if (!f.is_null(6)) out.mean_handling_days = std::round(f.real(6) * 10) / 10;
  out.key = n(7);
  out.excellent = n(8);
  if (kind == Kind::proposal) {
    out.by_reply_class.emplace();
    for (const auto& r : c.q("SELECT o.reply_class, COUNT(*)" + base +
                                 " AND o.reply_class IS NOT NULL GROUP BY o.reply_class",
                             k, from, to)) {
      out.by_reply_class->emplace_back(r.text(0), r.int64(1));
    }
  }
  if (kind == Kind::opinion_report) {
    out.outcomes =
        Figures::Counts{{"adopted_above", 0}, {"instruction", 0}, {"agency_adoption", 0}};
    for (const auto& r : c.q("SELECT x.kind, COUNT(*) FROM output_outcomes x JOIN outputs o ON"
                             " o.id = x.output_id WHERE o.kind = $1 AND o.conference_id IN (" +
                                 in +
                                 ") AND o.submitted_at >= $2 AND o.submitted_at < $3 GROUP BY"
                                 " x.kind",
                             k, from, to)) {
      const auto it = std::find_if(out.outcomes->begin(), out.outcomes->end(),
                                   [&](const auto& e) { return e.first == r.text(0); });
      if (it == out.outcomes->end()) {
        out.outcomes->emplace_back(r.text(0), r.int64(1));
      } else {
        it->second = r.int64(1);
      }
    }
  }
  // Repeat hot spots: the categories most written about.
  for (const auto& r : c.q("SELECT o.category, COUNT(*) AS n" + base +
                               " AND o.category <> '' GROUP BY o.category ORDER BY n DESC,"
                               " o.category LIMIT 10",
                           k, from, to)) {
    out.categories.emplace_back(r.text(0), r.int64(1));
  }
  return out;
}

json::object summary(storage::Connection& c, const auth::Principal& p, Kind kind, int year,
                     std::optional<std::int64_t> conference_id) {
  return figures_json(figures(c, p, kind, year, conference_id));
}

}  // namespace tongxin::outputs
