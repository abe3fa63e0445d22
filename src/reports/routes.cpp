// src/reports/routes.cpp
//
// GET /api/v1/reports/figures and /api/v1/reports/figures/{key}/rows (issue 10's fixed
// points): parse the filter strictly, call the service, render. Staff, admin and leaders;
// a member for their own figures (the service checks member_id).
#include "reports/routes.hpp"

#include <boost/json.hpp>
#include <cmath>

#include "core/audit/audit.hpp"
#include "core/calendar/calendar.hpp"
#include "core/error.hpp"
#include "core/http/query_params.hpp"
#include "core/paging.hpp"
#include "reports/reports.hpp"

namespace tongxin::reports {

namespace json = boost::json;
using auth::Role;

namespace {

FigureQuery parse_query(const http::Request& req) {
  FigureQuery q;
  q.conference_id = http::id_query(req, "conference_id", "政协编号应为正整数");
  q.studio_id = http::id_query(req, "studio_id", "工作室编号应为正整数");
  q.sector_id = http::id_query(req, "sector_id", "界别编号应为正整数");
  q.committee_id = http::id_query(req, "committee_id", "专委会编号应为正整数");
  q.member_id = http::id_query(req, "member_id", "委员编号应为正整数");
  q.include_below = !req.query_param("include_below") || http::flag_query(req, "include_below");
  const auto from = req.query_param("from"), to = req.query_param("to");
  if (!from && !to) {
    q.period =
        calendar::Period::year(static_cast<int>(calendar::china_date(audit::now_ms()).year()));
    return q;
  }
  if (!from || !to) {
    throw Error::invalid_field(from ? "to" : "from", "起止日期 from 与 to 须同时给出",
                               "from and to go together");
  }
  const auto a = calendar::required_iso_date(*from, "from");
  const auto b = calendar::required_iso_date(*to, "to");
  if (b < a) throw Error::invalid_field("to", "结束日期不能早于开始日期", "to is before from");
  q.period = calendar::Period::range(a, b);
  return q;
}

json::value number(const std::optional<double>& v, bool rate) {
  if (!v) return nullptr;
  if (!rate) return static_cast<std::int64_t>(*v);
  return std::round(*v * 10000.0) / 10000.0;  // a fraction, four decimals
}

json::value opt(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object scope_json(const Scope& s) {
  json::object o{{"conference_id", s.conference_id},    {"conference", s.conference},
                 {"include_below", s.include_below},    {"conferences", s.conferences},
                 {"studio_id", opt(s.studio_id)},       {"sector_id", opt(s.sector_id)},
                 {"committee_id", opt(s.committee_id)}, {"member_id", opt(s.member_id)}};
  if (s.studio_id) o["studio"] = s.studio;
  if (s.sector_id) o["sector"] = s.sector;
  if (s.committee_id) o["committee"] = s.committee;
  if (s.member_id) o["member"] = s.member;
  return o;
}

json::object figure_json(const Figure& f) {
  json::object o{{"key", f.spec->key},
                 {"label", f.spec->label},
                 {"value", number(f.current.value, f.spec->rate)},
                 {"unit", f.spec->unit},
                 {"previous", number(f.previous.value, f.spec->rate)}};
  if (f.spec->rate) {
    o["part"] = f.current.part;
    o["whole"] = f.current.whole;
  }
  return o;
}

json::object row_json(const figures::Row& r) {
  json::object o{{"id", r.id},
                 {"kind", r.kind},
                 {"title", r.title},
                 {"date", r.date.empty() ? json::value(nullptr) : json::value(r.date)},
                 {"state", r.state},
                 {"studio_id", opt(r.studio_id)},
                 {"member_id", opt(r.member_id)}};
  if (r.amount) o["amount"] = *r.amount;
  if (r.counted) o["counted"] = *r.counted;
  return o;
}

}  // namespace

void register_routes(http::Router& router, ServiceContext& ctx) {
  const std::vector<Role> readers{Role::staff, Role::admin, Role::leader, Role::member};
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/reports/figures",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto q = parse_query(req);
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto r = figures(c, req.user(), q);
                      json::array items;
                      for (const auto& f : r.figures)
                        items.push_back(figure_json(f));
                      return http::Response::json(json::object{
                          {"scope", scope_json(r.scope)},
                          {"from", calendar::iso_date(r.period.from)},
                          {"to", calendar::iso_date(r.period.to)},
                          {"previous_from", calendar::iso_date(r.period.previous().from)},
                          {"previous_to", calendar::iso_date(r.period.previous().to)},
                          {"figures", std::move(items)}});
                    });
                  },
              .roles = readers,
              .summary = "统计指标 / the seeds' figures for a scope and a period",
              .tag = "reports"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/reports/figures/{key}/rows",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto key = req.param("key");
                    const auto q = parse_query(req);
                    const auto cursor = paging::decode(req.query_param("cursor"));
                    const auto limit = paging::limit(req.query_param("limit"));
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto page =
                          figure_rows(c, req.user(), key, q, cursor ? cursor->id : 0, limit);
                      json::array items;
                      for (const auto& r : page.items)
                        items.push_back(row_json(r));
                      return http::Response::json(json::object{
                          {"key", page.spec->key},
                          {"label", page.spec->label},
                          {"scope", scope_json(page.scope)},
                          {"from", calendar::iso_date(q.period.from)},
                          {"to", calendar::iso_date(q.period.to)},
                          {"items", std::move(items)},
                          {"next_cursor", page.next_after
                                              ? json::value(paging::encode({"", *page.next_after}))
                                              : json::value(nullptr)}});
                    });
                  },
              .roles = readers,
              .summary = "统计指标明细 / the rows behind a figure",
              .tag = "reports"});
}

}  // namespace tongxin::reports
