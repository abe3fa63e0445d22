// src/records/record.cpp
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "cases/cases.hpp"
#include "cases/member_cases.hpp"
#include "contact/contact.hpp"
#include "contact/member_tasks.hpp"
#include "core/calendar/calendar.hpp"
#include "core/calendar/dates.hpp"
#include "core/error.hpp"
#include "core/paging.hpp"
#include "meetings/meetings.hpp"
#include "organisation/briefs.hpp"
#include "outputs/outputs.hpp"
#include "records/points.hpp"
#include "records/records.hpp"
#include "records/rule_sets.hpp"

namespace tongxin::records {

namespace json = boost::json;

namespace {

std::int64_t year_start_ms(int year) {
  using namespace std::chrono;
  const sys_days d{std::chrono::year{year} / January / 1};
  return duration_cast<milliseconds>(d.time_since_epoch()).count() - calendar::kChinaOffsetMs;
}

std::string category_label(const std::string& c) {
  static const std::map<std::string, std::string> labels{
      {"contact", "联系群众"},  {"activity", "履职活动"},  {"case", "诉求办理"},
      {"proposal", "提案工作"}, {"opinion", "社情民意"},   {"suggestion", "微建议"},
      {"meeting", "会议出勤"},  {"discipline", "纪律扣分"}};
  const auto it = labels.find(c);
  return it == labels.end() ? c : it->second;
}

double round2(double v) {
  return std::round(v * 100) / 100;
}

GradeBands bands_of(const ServiceContext& ctx) {
  return {ctx.config.points.excellent_min, ctx.config.points.competent_min,
          ctx.config.points.basic_min};
}

// What the member did in the year, scored with the rule set in force. Reads only.
struct Scored {
  std::vector<Rule> rules;
  std::vector<Entry> entries;
  double total = 0;
};

Scored score_member(storage::Connection& c, std::int64_t member_id, int year, std::int64_t now_ms) {
  const auto from = std::to_string(year) + "-01-01";
  const auto to = std::to_string(year) + "-12-31";
  std::vector<Source> sources;
  for (const auto& a : contact::activities_of_member(c, member_id, from, to)) {
    if (a.revoked) continue;
    Source s;
    s.rule_code = "activity." + a.kind;
    s.type = "activity";
    s.id = a.id;
    s.date = a.held_on;
    s.participants = a.participants;
    s.title = a.summary;
    sources.push_back(std::move(s));
  }
  for (const auto& k :
       cases::handled_cases(c, member_id, year_start_ms(year), year_start_ms(year + 1))) {
    const auto date = calendar::iso_date(calendar::china_date(k.closed_at));
    sources.push_back({"case.closed", "case", k.id, date, true, 1, true, k.title});
    if (k.rating == "satisfied") {
      sources.push_back({"case.satisfied", "case", k.id, date, true, 1, true, k.title});
    }
  }
  for (const auto& a :
       outputs::authored_outputs(c, member_id, year_start_ms(year), year_start_ms(year + 1))) {
    const auto date = calendar::iso_date(calendar::china_date(a.accepted_at));
    const bool first = a.position == 1;
    switch (a.kind) {
      case outputs::Kind::micro_suggestion:
        sources.push_back({"micro_suggestion.accepted", "micro_suggestion", a.id, date, first,
                           a.authors, true, a.title});
        break;
      case outputs::Kind::proposal:
        // A sector's collective proposal is shared among its signers; others go by place.
        if (a.authorship == "sector") {
          sources.push_back(
              {"proposal.sector", "proposal", a.id, date, first, a.authors, true, a.title});
        } else {
          sources.push_back(
              {"proposal.registered", "proposal", a.id, date, first, a.authors, true, a.title});
        }
        if (a.is_excellent) {
          sources.push_back(
              {"proposal.excellent", "proposal", a.id, date, first, a.authors, true, a.title});
        }
        break;
      case outputs::Kind::opinion_report:
        sources.push_back(
            {"opinion.adopted", "opinion_report", a.id, date, first, a.authors, true, a.title});
        break;
    }
    for (const auto& i : a.instructions) {
      if (i.date < from || i.date > to) continue;
      sources.push_back({"opinion.instructed", "output_instruction", i.id, i.date, first, a.authors,
                         true, a.title + "（" + i.by_whom + "批示）"});
    }
  }
  // Meetings: attending scores by the meeting's kind (a rule set may score only some kinds),
  // full when signed in, half when present without signing in; an unexcused absence from a
  // plenary or standing committee meeting costs points. Excused and still-expected count
  // nothing.
  for (const auto& a : meetings::attendance_of_member(c, member_id, from, to)) {
    if (a.status == "registered" || a.status == "present") {
      sources.push_back({"meeting." + a.kind, "meeting", a.meeting_id, a.held_on, true, 1,
                         a.status == "registered", a.title});
    } else if (a.status == "absent" && (a.kind == "plenary" || a.kind == "standing")) {
      sources.push_back({a.kind == "plenary" ? "meeting.absent" : "meeting.standing_absent",
                         "meeting", a.meeting_id, a.held_on, true, 1, true, a.title});
    }
  }
  const auto today = calendar::iso_date(calendar::china_date(now_ms));
  for (const auto& t : contact::overdue_visit_tasks(c, member_id, from, to, today)) {
    sources.push_back({"visit.overdue", "visit_task", t.id, t.due_on, true, 1, true, ""});
  }
  Scored out;
  out.rules = rules_in_force(c, year);
  out.entries = score(out.rules, sources);
  for (const auto& e : out.entries)
    out.total += e.points;
  out.total = round2(out.total);
  return out;
}

// Stores the member's total for the year with their place in the organisation; writes only
// when something differs. True when it wrote.
bool store_total(storage::Connection& c, const organisation::MemberBrief& m, int year, double total,
                 std::int64_t now_ms) {
  const auto existing = c.q(
      "SELECT conference_id, sector_id, committee_id, total FROM points_totals WHERE member_id ="
      " $1 AND year = $2",
      m.id, year);
  if (!existing.empty()) {
    const auto& r = existing.front();
    if (r.int64("conference_id") == m.conference_id && r.opt_int64("sector_id") == m.sector_id &&
        r.opt_int64("committee_id") == m.committee_id && std::abs(r.real("total") - total) < 1e-9) {
      return false;
    }
  }
  c.x("INSERT INTO points_totals (member_id, year, conference_id, sector_id, committee_id, total,"
      " computed_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (member_id, year) DO UPDATE"
      " SET conference_id = excluded.conference_id, sector_id = excluded.sector_id, committee_id ="
      " excluded.committee_id, total = excluded.total, computed_at = excluded.computed_at",
      m.id, year, m.conference_id, m.sector_id, m.committee_id, total, now_ms);
  return true;
}

Recomputed recompute_member(storage::Connection& c, const organisation::MemberBrief& member,
                            int year, std::int64_t now_ms) {
  const auto scored = score_member(c, member.id, year, now_ms);
  Recomputed out;
  out.total = scored.total;
  std::set<std::tuple<std::int64_t, std::string, std::int64_t>> live;
  for (const auto& e : scored.entries) {
    live.emplace(e.rule_id, e.source.type, e.source.id);
    const auto existing =
        c.q("SELECT id, points, note, revoked_at FROM points_ledger WHERE member_id = $1 AND"
            " rule_id = $2 AND source_type = $3 AND source_id = $4",
            member.id, e.rule_id, e.source.type, e.source.id);
    if (existing.empty()) {
      c.x("INSERT INTO points_ledger (member_id, year, rule_id, points, source_type, source_id,"
          " occurred_on, note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
          member.id, year, e.rule_id, e.points, e.source.type, e.source.id, e.source.date, e.note,
          now_ms);
      ++out.added;
    } else if (!existing.front().is_null("revoked_at") ||
               std::abs(existing.front().real("points") - e.points) > 1e-9 ||
               existing.front().text("note") != e.note) {
      c.x("UPDATE points_ledger SET points = $2, note = $3, revoked_at = NULL WHERE id = $1",
          existing.front().int64("id"), e.points, e.note);
      ++out.updated;
    }
  }
  for (const auto& r : c.q("SELECT id, rule_id, source_type, source_id FROM points_ledger WHERE"
                           " member_id = $1 AND year = $2 AND revoked_at IS NULL",
                           member.id, year)) {
    if (!live.contains({r.int64(1), r.text(2), r.int64(3)})) {
      c.x("UPDATE points_ledger SET revoked_at = $2 WHERE id = $1", r.int64(0), now_ms);
      ++out.revoked;
    }
  }
  out.total_changed = store_total(c, member, year, out.total, now_ms);
  return out;
}

int china_year(std::int64_t now_ms) {
  return static_cast<int>(calendar::china_date(now_ms).year());
}

}  // namespace

Recomputed recompute(storage::Connection& c, const ServiceContext& ctx, std::int64_t member_id,
                     int year, std::int64_t now_ms) {
  (void)ctx;
  const auto member = organisation::find_member(c, member_id);
  if (!member) {
    c.x("DELETE FROM points_totals WHERE member_id = $1 AND year = $2", member_id, year);
    return {};
  }
  return recompute_member(c, *member, year, now_ms);
}

SweepReport sweep(storage::Database& db, const ServiceContext& ctx, std::int64_t now_ms,
                  const SweepOptions& options) {
  (void)ctx;
  using namespace std::chrono;
  const auto started = steady_clock::now();
  const auto spent = [&] {
    return duration_cast<milliseconds>(steady_clock::now() - started).count() >= options.budget_ms;
  };
  const int year = china_year(now_ms);
  std::vector<int> years{year};
  if (static_cast<unsigned>(calendar::china_date(now_ms).month()) <= 3) years.push_back(year - 1);
  const int batch = std::max(1, options.batch);
  SweepReport report;
  for (const int y : years) {
    bool pass_done = false;
    while (!pass_done) {
      db.write([&](storage::Connection& c) {
        const auto state = c.q("SELECT after_member_id FROM points_sweep WHERE year = $1", y);
        const std::int64_t after = state.empty() ? 0 : state.front().int64(0);
        const auto members = organisation::live_members_after(c, after, batch);
        std::string keep;
        std::vector<storage::Value> params{storage::Value{static_cast<std::int64_t>(y)},
                                           storage::Value{after}};
        for (const auto& m : members) {
          const auto r = recompute_member(c, m, y, now_ms);
          ++report.members;
          if (r.added + r.revoked + r.updated > 0 || r.total_changed) ++report.changed;
          params.emplace_back(m.id);
          keep += (keep.empty() ? "$" : ", $") + std::to_string(params.size());
        }
        pass_done = members.size() < static_cast<std::size_t>(batch);
        // Totals of members between the last id and these that are no longer live; at the
        // end of a pass, everything after the last live member too.
        std::string sql = "DELETE FROM points_totals WHERE year = $1 AND member_id > $2";
        if (!pass_done) {
          params.emplace_back(members.back().id);
          sql += " AND member_id <= $" + std::to_string(params.size());
        }
        if (!keep.empty()) sql += " AND member_id NOT IN (" + keep + ")";
        report.removed += static_cast<int>(c.execute(sql, params));
        const std::int64_t next = pass_done ? 0 : members.back().id;
        if (pass_done) {
          ++report.passes;
          c.x("INSERT INTO points_sweep (year, after_member_id, passes, passed_at, updated_at)"
              " VALUES ($1, 0, 1, $2, $2) ON CONFLICT (year) DO UPDATE SET after_member_id = 0,"
              " passes = points_sweep.passes + 1, passed_at = excluded.passed_at, updated_at ="
              " excluded.updated_at",
              y, now_ms);
        } else {
          c.x("INSERT INTO points_sweep (year, after_member_id, updated_at) VALUES ($1, $2, $3)"
              " ON CONFLICT (year) DO UPDATE SET after_member_id = excluded.after_member_id,"
              " updated_at = excluded.updated_at",
              y, next, now_ms);
        }
      });
      if (!pass_done && spent()) return report;
    }
    if (spent()) return report;
  }
  return report;
}

DutyRecord duty_record(storage::Connection& c, const ServiceContext& ctx, std::int64_t member_id,
                       int year, std::int64_t now_ms) {
  const auto member = organisation::find_member(c, member_id);
  if (!member) throw Error::not_found("member.not_found", "委员不存在", "member not found");
  const auto scored = score_member(c, member_id, year, now_ms);
  const auto from = std::to_string(year) + "-01-01";
  const auto to = std::to_string(year) + "-12-31";
  const auto activities = contact::activities_of_member(c, member_id, from, to);
  int people = 0, active = 0;
  for (const auto& a : activities) {
    if (a.revoked) continue;
    ++active;
    people += a.reached_count;
  }
  const auto handled =
      cases::handled_cases(c, member_id, year_start_ms(year), year_start_ms(year + 1));
  int satisfied = 0;
  for (const auto& k : handled)
    satisfied += k.rating == "satisfied" ? 1 : 0;
  const auto open_cases = cases::open_case_count(c, member_id);
  const auto visits = contact::visit_task_counts(c, member_id, from, to,
                                                 calendar::iso_date(calendar::china_date(now_ms)));

  std::map<std::int64_t, const Rule*> rule_of;
  for (const auto& r : scored.rules)
    rule_of[r.id] = &r;
  // Newest first, as the ledger lists them.
  std::vector<const Entry*> entries;
  for (const auto& e : scored.entries)
    entries.push_back(&e);
  std::stable_sort(entries.begin(), entries.end(), [](const Entry* a, const Entry* b) {
    if (a->source.date != b->source.date) return a->source.date > b->source.date;
    return a->source.id > b->source.id;
  });
  DutyRecord out;
  out.member_id = member->id;
  out.member_name = member->name;
  out.sector = member->sector_name;
  out.year = year;
  out.totals = {active,
                people,
                static_cast<int>(handled.size()),
                static_cast<int>(handled.size()),
                satisfied,
                open_cases,
                visits.done,
                visits.overdue};
  std::map<std::string, double> by_category;
  for (const auto* e : entries) {
    by_category[e->category] += e->points;
    const auto it = rule_of.find(e->rule_id);
    out.items.push_back({e->source.date, e->rule_code,
                         it == rule_of.end() ? e->rule_code : it->second->title, e->points, e->note,
                         e->source.type, e->source.id});
  }
  for (const auto& [cat, pts] : by_category)
    out.by_category.push_back({cat, category_label(cat), round2(pts)});
  const auto grade = grade_for(scored.total, bands_of(ctx));
  out.total = scored.total;
  out.grade = grade.code;
  out.grade_label = grade.label;
  out.outputs =
      outputs::outputs_of_member(c, member_id, year_start_ms(year), year_start_ms(year + 1));
  return out;
}

json::object to_json(const DutyRecord& r) {
  json::array items;
  for (const auto& i : r.items) {
    items.push_back(
        json::object{{"at", i.at},
                     {"kind", i.kind},
                     {"title", i.title},
                     {"points", i.points},
                     {"note", i.note},
                     {"source", json::object{{"type", i.source_type}, {"id", i.source_id}}}});
  }
  json::array categories;
  for (const auto& c : r.by_category)
    categories.push_back(
        json::object{{"category", c.category}, {"label", c.label}, {"points", c.points}});
  const auto& t = r.totals;
  return json::object{
      {"member", json::object{{"id", r.member_id}, {"name", r.member_name}, {"sector", r.sector}}},
      {"year", r.year},
      {"totals", json::object{{"activities", t.activities},
                              {"people_reached", t.people_reached},
                              {"cases_handled", t.cases_handled},
                              {"cases_closed", t.cases_closed},
                              {"cases_satisfied", t.cases_satisfied},
                              {"cases_open", t.cases_open},
                              {"visit_tasks_done", t.visit_tasks_done},
                              {"visit_tasks_overdue", t.visit_tasks_overdue}}},
      {"points", json::object{{"total", r.total},
                              {"grade", r.grade},
                              {"grade_label", r.grade_label},
                              {"by_category", std::move(categories)}}},
      {"items", std::move(items)},
      {"outputs", r.outputs}};
}

bool is_grade_code(std::string_view code) {
  return code == "excellent" || code == "competent" || code == "basic" || code == "unqualified";
}

namespace {

std::string key_of(double total) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", total);
  return buf;
}

std::optional<paging::Cursor> assessment_cursor(const std::optional<std::string>& text,
                                                double& key) {
  auto cursor = paging::decode(text);
  if (!cursor) return cursor;
  char* end = nullptr;
  key = std::strtod(cursor->key.c_str(), &end);
  if (cursor->key.empty() || end != cursor->key.c_str() + cursor->key.size() ||
      !std::isfinite(key)) {
    throw Error::bad_request("paging.bad_cursor", "分页参数无效，请从第一页重新加载",
                             "invalid cursor; reload from the first page");
  }
  return cursor;
}

json::value id_or_null(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

json::object assessment(storage::Connection& c, const ServiceContext& ctx, const auth::Principal& p,
                        const AssessmentQuery& q) {
  double cursor_key = 0;
  const auto cursor = assessment_cursor(q.cursor, cursor_key);
  const auto bands = bands_of(ctx);
  const auto empty = [&] {
    return json::object{
        {"year", q.year},
        {"items", json::array{}},
        {"next_cursor", nullptr},
        {"summary",
         cursor ? json::value(nullptr)
                : json::value(json::object{
                      {"count", 0},
                      {"average", 0.0},
                      {"by_grade",
                       json::object{
                           {"excellent", 0}, {"competent", 0}, {"basic", 0}, {"unqualified", 0}}},
                      {"computed_at", nullptr}})}};
  };
  std::vector<std::int64_t> scope;
  if (q.conference_id) {
    if (!organisation::in_scope(c, p, *q.conference_id)) {
      throw Error::not_found("conference.not_found", "政协不存在或不在您的管辖范围内",
                             "conference not found");
    }
    scope.push_back(*q.conference_id);
  } else {
    scope = organisation::conferences_in_scope(c, p);
  }
  if (scope.empty()) return empty();

  std::vector<storage::Value> params;
  const auto param = [&](storage::Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  std::string where = "t.year = " + param(static_cast<std::int64_t>(q.year));
  std::string in;
  for (const auto id : scope)
    in += (in.empty() ? "" : ", ") + param(id);
  where += " AND t.conference_id IN (" + in + ")";
  if (q.sector_id) where += " AND t.sector_id = " + param(*q.sector_id);
  if (q.committee_id) where += " AND t.committee_id = " + param(*q.committee_id);
  if (q.grade) {
    if (*q.grade == "excellent") {
      where += " AND t.total >= " + param(bands.excellent);
    } else if (*q.grade == "competent") {
      where +=
          " AND t.total >= " + param(bands.competent) + " AND t.total < " + param(bands.excellent);
    } else if (*q.grade == "basic") {
      where += " AND t.total >= " + param(bands.basic) + " AND t.total < " + param(bands.competent);
    } else {
      where += " AND t.total < " + param(bands.basic);
    }
  }

  json::value summary = nullptr;
  if (!cursor) {
    auto summary_params = params;
    const auto sp = [&](storage::Value v) {
      summary_params.push_back(std::move(v));
      return "$" + std::to_string(summary_params.size());
    };
    const auto ex = sp(bands.excellent), co = sp(bands.competent), ba = sp(bands.basic);
    const auto counted = c.query(
        "SELECT COUNT(*) AS n, COALESCE(AVG(t.total), 0.0) AS average,"
        " COALESCE(SUM(CASE WHEN t.total >= " +
            ex + " THEN 1 ELSE 0 END), 0) AS excellent, COALESCE(SUM(CASE WHEN t.total >= " + co +
            " AND t.total < " + ex +
            " THEN 1 ELSE 0 END), 0) AS competent, COALESCE(SUM(CASE WHEN t.total >= " + ba +
            " AND t.total < " + co +
            " THEN 1 ELSE 0 END), 0) AS basic, COALESCE(SUM(CASE WHEN t.total < " + ba +
            " THEN 1 ELSE 0 END), 0) AS unqualified FROM points_totals t WHERE " + where,
        summary_params);
    const auto& s = counted.front();
    const auto passed = c.q("SELECT passed_at FROM points_sweep WHERE year = $1", q.year);
    summary = json::object{
        {"count", s.int64("n")},
        {"average", round2(s.real("average"))},
        {"by_grade", json::object{{"excellent", s.int64("excellent")},
                                  {"competent", s.int64("competent")},
                                  {"basic", s.int64("basic")},
                                  {"unqualified", s.int64("unqualified")}}},
        {"computed_at", passed.empty() ? json::value(nullptr)
                                       : id_or_null(passed.front().opt_int64("passed_at"))}};
  }

  if (cursor) {
    const auto k = param(cursor_key);
    where += " AND (t.total < " + k + " OR (t.total = " + k + " AND t.member_id > " +
             param(cursor->id) + "))";
  }
  const auto limit = param(static_cast<std::int64_t>(q.limit) + 1);
  const auto rows = c.query(
      "SELECT t.member_id, t.conference_id, t.sector_id, t.committee_id, t.total,"
      " (SELECT COUNT(*) FROM points_totals o WHERE o.year = t.year AND o.conference_id ="
      " t.conference_id AND o.total > t.total) + 1 AS rank,"
      " CASE WHEN t.sector_id IS NULL THEN NULL ELSE (SELECT COUNT(*) FROM points_totals o WHERE"
      " o.year = t.year AND o.sector_id = t.sector_id AND o.total > t.total) + 1 END AS"
      " sector_rank,"
      " CASE WHEN t.committee_id IS NULL THEN NULL ELSE (SELECT COUNT(*) FROM points_totals o"
      " WHERE o.year = t.year AND o.committee_id = t.committee_id AND o.total > t.total) + 1 END"
      " AS committee_rank FROM points_totals t WHERE " +
          where + " ORDER BY t.total DESC, t.member_id LIMIT " + limit,
      params);
  const auto n = std::min(rows.size(), static_cast<std::size_t>(q.limit));
  std::vector<std::int64_t> members, sectors, committees, conferences;
  for (std::size_t i = 0; i < n; ++i) {
    members.push_back(rows[i].int64("member_id"));
    conferences.push_back(rows[i].int64("conference_id"));
    if (const auto s = rows[i].opt_int64("sector_id")) sectors.push_back(*s);
    if (const auto k = rows[i].opt_int64("committee_id")) committees.push_back(*k);
  }
  const auto member_names = organisation::names_of_members(c, members);
  const auto sector_names = organisation::names_of_sectors(c, sectors);
  const auto committee_names = organisation::names_of_committees(c, committees);
  const auto conference_names = organisation::names_of_conferences(c, conferences);
  const auto name_in = [](const std::map<std::int64_t, std::string>& names, std::int64_t id) {
    const auto it = names.find(id);
    return it == names.end() ? std::string() : it->second;
  };
  json::array items;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& r = rows[i];
    const auto total = r.real("total");
    const auto grade = grade_for(total, bands);
    const auto sector = r.opt_int64("sector_id");
    const auto committee = r.opt_int64("committee_id");
    json::array committee_list;
    if (committee) {
      committee_list.push_back(json::object{{"id", *committee},
                                            {"name", name_in(committee_names, *committee)},
                                            {"rank", r.int64("committee_rank")}});
    }
    items.push_back(
        json::object{{"member_id", r.int64("member_id")},
                     {"name", name_in(member_names, r.int64("member_id"))},
                     {"conference_id", r.int64("conference_id")},
                     {"conference", name_in(conference_names, r.int64("conference_id"))},
                     {"sector_id", id_or_null(sector)},
                     {"sector", sector ? name_in(sector_names, *sector) : std::string()},
                     {"committees", std::move(committee_list)},
                     {"points", total},
                     {"grade", grade.code},
                     {"grade_label", grade.label},
                     {"rank", r.int64("rank")},
                     {"sector_rank", id_or_null(r.opt_int64("sector_rank"))},
                     {"committee_rank", id_or_null(r.opt_int64("committee_rank"))}});
  }
  json::value next = nullptr;
  if (rows.size() > n && n > 0) {
    const auto& last = rows[n - 1];
    next = json::string(paging::encode({key_of(last.real("total")), last.int64("member_id")}));
  }
  return json::object{{"year", q.year},
                      {"items", std::move(items)},
                      {"next_cursor", std::move(next)},
                      {"summary", std::move(summary)}};
}

std::string draft_report_text(const DutyRecord& record) {
  const auto& t = record.totals;
  const auto year = std::to_string(record.year);
  const auto n = [](int v) { return std::to_string(v); };
  std::string text;
  text += "各位委员：\n\n";
  text += "　　" + year + "年，我作为" + record.sector +
          "委员，坚持把联系界别群众作为履职的基础性工作，现将一年来的履职情况报告如下。\n\n";
  text += "一、联系服务界别群众\n";
  text +=
      "　　全年参加委员接待日、走访、谈心谈话、视察调研等履职活动" + n(t.activities) +
      "次，联系群众" + n(t.people_reached) + "人次；完成“八必访”走访任务" + n(t.visit_tasks_done) +
      "项" +
      (t.visit_tasks_overdue > 0 ? "，仍有" + n(t.visit_tasks_overdue) + "项超期未完成，将尽快补访"
                                 : std::string()) +
      "。\n\n";
  text += "二、办理群众诉求\n";
  text += "　　全年办结群众反映的问题" + n(t.cases_closed) + "件，其中群众评价满意" +
          n(t.cases_satisfied) + "件；目前在办" + n(t.cases_open) +
          "件，将按期答复，做到事事有回音、件件有着落。\n\n";
  text += "三、履职积分\n";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", record.total);
  text += "　　全年履职积分" + std::string(buf) + "分，自评等次为“" + record.grade_label + "”。";
  for (const auto& c : record.by_category) {
    std::snprintf(buf, sizeof buf, "%.2f", c.points);
    text += c.label + buf + "分；";
  }
  text += "\n\n四、存在的不足和今后打算\n";
  text += "　　（请委员本人补充：履职中的不足，以及下一年度联系群众、建言资政的打算。）\n\n";
  text += "　　以上报告，请予审议。\n";
  return text;
}

}  // namespace tongxin::records
