// src/records/record.cpp
#include <boost/json.hpp>
#include <cmath>
#include <map>
#include <set>

#include "cases/cases.hpp"
#include "contact/contact.hpp"
#include "core/calendar/calendar.hpp"
#include "core/error.hpp"
#include "organisation/briefs.hpp"
#include "records/points.hpp"
#include "records/records.hpp"

namespace tongxin::records {

namespace json = boost::json;

namespace {

std::vector<Rule> active_rules(storage::Connection& c, int year) {
  const auto set =
      c.q("SELECT id FROM points_rule_sets WHERE valid_from_year <= $1 ORDER BY"
          " version DESC LIMIT 1",
          year);
  if (set.empty()) return {};
  std::vector<Rule> rules;
  for (const auto& r :
       c.q("SELECT * FROM points_rules WHERE rule_set_id = $1 ORDER BY id", set.front().int64(0))) {
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
    rules.push_back(std::move(rule));
  }
  return rules;
}

std::int64_t year_start_ms(int year) {
  using namespace std::chrono;
  const sys_days d{std::chrono::year{year} / January / 1};
  return duration_cast<milliseconds>(d.time_since_epoch()).count() - calendar::kChinaOffsetMs;
}

std::string category_label(const std::string& c) {
  static const std::map<std::string, std::string> labels{
      {"contact", "联系群众"},   {"activity", "履职活动"}, {"case", "诉求办理"},
      {"proposal", "提案工作"},  {"opinion", "社情民意"},  {"meeting", "会议出勤"},
      {"discipline", "纪律扣分"}};
  const auto it = labels.find(c);
  return it == labels.end() ? c : it->second;
}

}  // namespace

Recomputed recompute(storage::Connection& c, const ServiceContext& ctx, std::int64_t member_id,
                     int year, std::int64_t now_ms) {
  (void)ctx;
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
    const auto date = contact::iso_date(calendar::china_date(k.closed_at));
    sources.push_back({"case.closed", "case", k.id, date, true, 1, true, k.title});
    if (k.rating == "satisfied") {
      sources.push_back({"case.satisfied", "case", k.id, date, true, 1, true, k.title});
    }
  }
  const auto today = contact::iso_date(calendar::china_date(now_ms));
  for (const auto& r : c.q("SELECT id, due_on FROM visit_tasks WHERE member_id = $1 AND status ="
                           " 'open' AND due_on < $2 AND due_on >= $3 AND due_on <= $4",
                           member_id, today, from, to)) {
    sources.push_back({"visit.overdue", "visit_task", r.int64(0), r.text(1), true, 1, true, ""});
  }
  const auto entries = score(active_rules(c, year), sources);

  Recomputed out;
  std::set<std::tuple<std::int64_t, std::string, std::int64_t>> live;
  for (const auto& e : entries) {
    live.emplace(e.rule_id, e.source.type, e.source.id);
    out.total += e.points;
    const auto existing =
        c.q("SELECT id, points, revoked_at FROM points_ledger WHERE member_id = $1 AND rule_id ="
            " $2 AND source_type = $3 AND source_id = $4",
            member_id, e.rule_id, e.source.type, e.source.id);
    if (existing.empty()) {
      c.x("INSERT INTO points_ledger (member_id, year, rule_id, points, source_type, source_id,"
          " occurred_on, note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
          member_id, year, e.rule_id, e.points, e.source.type, e.source.id, e.source.date, e.note,
          now_ms);
      ++out.added;
    } else if (!existing.front().is_null("revoked_at") ||
               std::abs(existing.front().real("points") - e.points) > 1e-9) {
      c.x("UPDATE points_ledger SET points = $2, note = $3, revoked_at = NULL WHERE id = $1",
          existing.front().int64("id"), e.points, e.note);
    }
  }
  for (const auto& r : c.q("SELECT id, rule_id, source_type, source_id FROM points_ledger WHERE"
                           " member_id = $1 AND year = $2 AND revoked_at IS NULL",
                           member_id, year)) {
    if (!live.contains({r.int64(1), r.text(2), r.int64(3)})) {
      c.x("UPDATE points_ledger SET revoked_at = $2 WHERE id = $1", r.int64(0), now_ms);
      ++out.revoked;
    }
  }
  out.total = std::round(out.total * 100) / 100;
  return out;
}

json::object duty_record(storage::Connection& c, const ServiceContext& ctx, std::int64_t member_id,
                         int year, std::int64_t now_ms) {
  const auto member = organisation::find_member(c, member_id);
  if (!member) throw Error::not_found("member.not_found", "委员不存在", "member not found");
  const auto recomputed = recompute(c, ctx, member_id, year, now_ms);
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
  const auto open_cases =
      c.q("SELECT COUNT(*) FROM cases WHERE member_id = $1 AND status IN ('assigned',"
          " 'in_progress')",
          member_id)
          .front()
          .int64(0);
  const auto visits = contact::visit_task_counts(c, member_id, from, to,
                                                 contact::iso_date(calendar::china_date(now_ms)));

  json::array items;
  std::map<std::string, double> by_category;
  for (const auto& r :
       c.q("SELECT l.*, r.code, r.title, r.category FROM points_ledger l JOIN points_rules r ON"
           " r.id = l.rule_id WHERE l.member_id = $1 AND l.year = $2 AND l.revoked_at IS NULL"
           " ORDER BY l.occurred_on DESC, l.id DESC",
           member_id, year)) {
    by_category[r.text("category")] += r.real("points");
    items.push_back(json::object{
        {"at", r.text("occurred_on")},
        {"kind", r.text("code")},
        {"title", r.text("title")},
        {"points", r.real("points")},
        {"note", r.text("note")},
        {"source", json::object{{"type", r.text("source_type")}, {"id", r.int64("source_id")}}}});
  }
  json::array categories;
  for (const auto& [cat, pts] : by_category) {
    categories.push_back(json::object{{"category", cat},
                                      {"label", category_label(cat)},
                                      {"points", std::round(pts * 100) / 100}});
  }
  const GradeBands bands{ctx.config.points.excellent_min, ctx.config.points.competent_min,
                         ctx.config.points.basic_min};
  const auto grade = grade_for(recomputed.total, bands);
  return json::object{
      {"member",
       json::object{{"id", member->id}, {"name", member->name}, {"sector", member->sector_name}}},
      {"year", year},
      {"totals", json::object{{"activities", active},
                              {"people_reached", people},
                              {"cases_handled", static_cast<std::int64_t>(handled.size())},
                              {"cases_closed", static_cast<std::int64_t>(handled.size())},
                              {"cases_satisfied", satisfied},
                              {"cases_open", open_cases},
                              {"visit_tasks_done", visits.done},
                              {"visit_tasks_overdue", visits.overdue}}},
      {"points", json::object{{"total", recomputed.total},
                              {"grade", grade.code},
                              {"grade_label", grade.label},
                              {"by_category", std::move(categories)}}},
      {"items", std::move(items)}};
}

json::array assessment(storage::Connection& c, const ServiceContext& ctx,
                       std::int64_t conference_id, int year, std::int64_t now_ms) {
  struct Row {
    organisation::MemberBrief m;
    double total;
    std::optional<std::int64_t> committee;
  };
  std::vector<Row> rows;
  for (auto& m : organisation::members_of_conference(c, conference_id)) {
    const auto total = recompute(c, ctx, m.id, year, now_ms).total;
    const auto committee = c.q("SELECT committee_id FROM members WHERE id = $1", m.id);
    rows.push_back(
        {std::move(m), total,
         committee.empty() ? std::nullopt : committee.front().opt_int64("committee_id")});
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return a.total > b.total; });
  std::map<std::int64_t, int> sector_rank, committee_rank;
  const GradeBands bands{ctx.config.points.excellent_min, ctx.config.points.competent_min,
                         ctx.config.points.basic_min};
  json::array out;
  int rank = 0;
  for (const auto& r : rows) {
    ++rank;
    json::object o{{"member_id", r.m.id},
                   {"name", r.m.name},
                   {"sector", r.m.sector_name},
                   {"points", r.total},
                   {"grade", grade_for(r.total, bands).label},
                   {"rank", rank}};
    if (r.m.sector_id) o["sector_rank"] = ++sector_rank[*r.m.sector_id];
    if (r.committee) o["committee_rank"] = ++committee_rank[*r.committee];
    out.push_back(std::move(o));
  }
  return out;
}

std::string draft_report_text(const json::object& record) {
  const auto& m = record.at("member").as_object();
  const auto& t = record.at("totals").as_object();
  const auto& p = record.at("points").as_object();
  const auto year = std::to_string(record.at("year").as_int64());
  const auto n = [&](const char* key) {
    return std::to_string(t.at(key).to_number<std::int64_t>());
  };
  std::string text;
  text += "各位委员：\n\n";
  text += "　　" + year + "年，我作为" + std::string(m.at("sector").as_string()) +
          "委员，坚持把联系界别群众作为履职的基础性工作，现将一年来的履职情况报告如下。\n\n";
  text += "一、联系服务界别群众\n";
  text += "　　全年参加委员接待日、走访、谈心谈话、视察调研等履职活动" + n("activities") +
          "次，联系群众" + n("people_reached") + "人次；完成“八必访”走访任务" +
          n("visit_tasks_done") + "项" +
          (t.at("visit_tasks_overdue").to_number<std::int64_t>() > 0
               ? "，仍有" + n("visit_tasks_overdue") + "项超期未完成，将尽快补访"
               : std::string()) +
          "。\n\n";
  text += "二、办理群众诉求\n";
  text += "　　全年办结群众反映的问题" + n("cases_closed") + "件，其中群众评价满意" +
          n("cases_satisfied") + "件；目前在办" + n("cases_open") +
          "件，将按期答复，做到事事有回音、件件有着落。\n\n";
  text += "三、履职积分\n";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", p.at("total").to_number<double>());
  text += "　　全年履职积分" + std::string(buf) + "分，自评等次为“" +
          std::string(p.at("grade_label").as_string()) + "”。";
  for (const auto& c : p.at("by_category").as_array()) {
    std::snprintf(buf, sizeof buf, "%.2f", c.at("points").to_number<double>());
    text += std::string(c.at("label").as_string()) + buf + "分；";
  }
  text += "\n\n四、存在的不足和今后打算\n";
  text += "　　（请委员本人补充：履职中的不足，以及下一年度联系群众、建言资政的打算。）\n\n";
  text += "　　以上报告，请予审议。\n";
  return text;
}

}  // namespace tongxin::records
