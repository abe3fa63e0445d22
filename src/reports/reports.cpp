// src/reports/reports.cpp
//
// Resolves a report's filter to keys (through organisation), asks each module for its
// figure's query and computes values, previous values and rates. No SQL of its own: the
// reports module owns no table.
#include "reports/reports.hpp"

#include <algorithm>

#include "cases/figures.hpp"
#include "contact/figures.hpp"
#include "core/error.hpp"
#include "organisation/briefs.hpp"
#include "organisation/figures.hpp"
#include "outputs/figures.hpp"

namespace tongxin::reports {

using auth::Role;

const std::vector<FigureSpec>& catalogue() {
  static const std::vector<FigureSpec> specs{
      {"studios_built", "委员工作室（站）", "个"},
      {"reception_days_held", "接待日", "次"},
      {"people_served", "服务群众", "人次"},
      {"key_contacts", "重点联系人", "人"},
      {"contacts_visited", "走访联系人", "人"},
      {"things_done", "帮办实事", "件"},
      {"cases_collected", "收集群众诉求", "件"},
      {"cases_feedback_rate", "诉求反馈率", "%", true},
      {"cases_handled_rate", "诉求办结率", "%", true},
      {"micro_suggestions_submitted", "微建议", "条"},
      {"micro_suggestions_answer_rate", "微建议办复率", "%", true},
      {"proposals_registered", "提案立案", "件"},
      {"opinion_reports_adopted", "社情民意信息采用", "条"},
      {"leader_instructions", "领导批示", "次"},
  };
  return specs;
}

const FigureSpec* find_spec(std::string_view key) {
  for (const auto& s : catalogue()) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

namespace {

struct Resolved {
  figures::Filter filter;
  Scope scope;
};

Error not_found(const char* what_zh, const char* what_en) {
  return Error::not_found("reports.not_found", std::string(what_zh) + "不存在或不在统计范围内",
                          std::string(what_en) + " not found in the report's scope");
}

bool counted(const std::vector<std::int64_t>& conferences, std::optional<std::int64_t> id) {
  return id && std::find(conferences.begin(), conferences.end(), *id) != conferences.end();
}

// Narrows the filter's members to `ids` (the first filter sets them, the next intersect).
void narrow(figures::Filter& f, std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  if (!f.member_ids) {
    f.member_ids = std::move(ids);
    return;
  }
  std::vector<std::int64_t> both;
  std::set_intersection(f.member_ids->begin(), f.member_ids->end(), ids.begin(), ids.end(),
                        std::back_inserter(both));
  f.member_ids = std::move(both);
}

template <class Map>
std::string name_in(const Map& names, std::int64_t id) {
  const auto it = names.find(id);
  return it == names.end() ? std::string() : it->second;
}

Resolved resolve(storage::Connection& c, const auth::Principal& p, const FigureQuery& q) {
  Resolved out;
  auto& f = out.filter;
  auto& s = out.scope;
  const bool office = p.has(Role::staff) || p.has(Role::admin) || p.has(Role::leader);
  std::int64_t conference = q.conference_id.value_or(p.conference_id);
  if (office) {
    if (!organisation::in_scope(c, p, conference)) {
      throw Error::forbidden("reports.out_of_scope", "无权查看该政协的统计",
                             "this conference is outside your scope");
    }
  } else {
    // A member sees their own figures, wherever in their conference's tree they were done.
    const auto me = p.member_id ? organisation::find_member(c, *p.member_id) : std::nullopt;
    if (!me || q.member_id != p.member_id ||
        (q.conference_id && *q.conference_id != me->conference_id)) {
      throw Error::forbidden("reports.forbidden", "只能查看本人的履职统计",
                             "you may see your own figures only");
    }
    conference = me->conference_id;
  }
  f.conference_ids = q.include_below ? organisation::conference_and_below(c, conference)
                                     : std::vector<std::int64_t>{conference};
  if (q.include_below && f.conference_ids.empty()) throw not_found("政协", "conference");
  f.period = q.period;
  s.conference_id = conference;
  s.conference = name_in(organisation::names_of_conferences(c, {conference}), conference);
  s.include_below = q.include_below;
  s.conferences = f.conference_ids.size();

  if (q.studio_id) {
    if (!counted(f.conference_ids, organisation::conference_of_studio(c, *q.studio_id))) {
      throw not_found("工作室", "studio");
    }
    f.studio_id = q.studio_id;
    f.studio_member_ids = organisation::member_ids_of_studio(c, *q.studio_id);
    s.studio_id = q.studio_id;
    s.studio = name_in(organisation::names_of_studios(c, {*q.studio_id}), *q.studio_id);
  }
  if (q.sector_id) {
    if (!counted(f.conference_ids, organisation::conference_of_sector(c, *q.sector_id))) {
      throw not_found("界别", "sector");
    }
    narrow(f, organisation::member_ids_of_sector(c, *q.sector_id));
    s.sector_id = q.sector_id;
    s.sector = name_in(organisation::names_of_sectors(c, {*q.sector_id}), *q.sector_id);
  }
  if (q.committee_id) {
    if (!counted(f.conference_ids, organisation::conference_of_committee(c, *q.committee_id))) {
      throw not_found("专委会", "committee");
    }
    narrow(f, organisation::member_ids_of_committee(c, *q.committee_id));
    s.committee_id = q.committee_id;
    s.committee = name_in(organisation::names_of_committees(c, {*q.committee_id}), *q.committee_id);
  }
  if (q.member_id) {
    const auto m = organisation::find_member(c, *q.member_id);
    if (!m || !counted(f.conference_ids, m->conference_id)) throw not_found("委员", "member");
    narrow(f, {*q.member_id});
    s.member_id = q.member_id;
    s.member = m->name;
  }
  return out;
}

// The module that counts `key` answers it.
figures::Query query_for(std::string_view key, const figures::Filter& f) {
  if (auto q = organisation::figure_query(key, f)) return *q;
  if (auto q = contact::figure_query(key, f)) return *q;
  if (auto q = cases::figure_query(key, f)) return *q;
  if (auto q = outputs::figure_query(key, f)) return *q;
  // Every catalogued key has its module; reaching here is a programming error.
  throw Error::not_found("reports.unknown_figure", "统计指标不存在", "unknown figure");
}

Value value_of(storage::Connection& c, const FigureSpec& spec, const figures::Filter& f) {
  const auto q = query_for(spec.key, f);
  const auto t = figures::run_tally(c, q, f);
  Value v;
  if (spec.rate) {
    v.part = t.part;
    v.whole = t.rows;
    if (t.rows > 0) v.value = static_cast<double>(t.part) / static_cast<double>(t.rows);
  } else {
    v.part = v.whole = q.amount.empty() ? t.rows : t.amount;
    v.value = static_cast<double>(v.part);
  }
  return v;
}

const FigureSpec& spec_or_404(std::string_view key) {
  const auto* spec = find_spec(key);
  if (!spec) throw Error::not_found("reports.unknown_figure", "统计指标不存在", "unknown figure");
  return *spec;
}

}  // namespace

Report figures(storage::Connection& c, const auth::Principal& p, const FigureQuery& q) {
  auto r = resolve(c, p, q);
  auto before = r.filter;
  before.period = q.period.previous();
  Report out{.scope = std::move(r.scope), .period = q.period, .figures = {}};
  for (const auto& spec : catalogue()) {
    out.figures.push_back({&spec, value_of(c, spec, r.filter), value_of(c, spec, before)});
  }
  return out;
}

RowsPage figure_rows(storage::Connection& c, const auth::Principal& p, std::string_view key,
                     const FigureQuery& q, std::int64_t after, int limit) {
  const auto& spec = spec_or_404(key);
  auto r = resolve(c, p, q);
  RowsPage page{.spec = &spec, .scope = std::move(r.scope), .items = {}, .next_after = {}};
  page.items = figures::run_rows(c, query_for(spec.key, r.filter), r.filter, after, limit);
  if (page.items.size() > static_cast<std::size_t>(limit)) {
    page.items.resize(static_cast<std::size_t>(limit));
    page.next_after = page.items.back().id;
  }
  return page;
}

}  // namespace tongxin::reports
