// src/records/routes.cpp
//
// Duty records, points, assessments, awards and the yearly duty report. A member sees their
// own; staff and leaders their conference and those below. GETs only read.
#include "records/routes.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

#include "core/calendar/calendar.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/http/query_params.hpp"
#include "core/json/fields.hpp"
#include "core/paging.hpp"
#include "organisation/briefs.hpp"
#include "records/duty_report.hpp"
#include "records/records.hpp"
#include "records/rule_sets.hpp"

namespace tongxin::records {

namespace json = boost::json;
using auth::Role;

namespace {

// Query parameters: absent or empty → nullopt; anything malformed → 400 with a Chinese message
// (never an exception from the standard library, which would be a 500).
std::optional<std::int64_t> positive_param(const http::Request& req, std::string_view name,
                                           const std::string& label) {
  const auto v = req.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  std::int64_t n = 0;
  const auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || p != v->data() + v->size() || n <= 0) {
    throw Error::invalid_field(std::string(name), label + "参数无效，应为正整数",
                               std::string(name) + " must be a positive integer");
  }
  return n;
}

int year_param(const http::Request& req) {
  const auto now_year = static_cast<int>(calendar::china_date(audit::now_ms()).year());
  const auto year = http::year_query(req).value_or(now_year);
  if (year > now_year + 1) {
    throw Error::invalid_field("year", "年度无效", "invalid year");
  }
  return year;
}

std::optional<std::string> grade_param(const http::Request& req) {
  const auto g = req.query_param("grade");
  if (!g || g->empty()) return std::nullopt;
  if (!is_grade_code(*g)) {
    throw Error::invalid_field("grade",
                               "等次参数无效，应为 excellent（优秀）、competent（称职）、"
                               "basic（基本称职）或 unqualified（不称职）",
                               "grade must be excellent, competent, basic or unqualified");
  }
  return *g;
}

// The member in the path, if the caller may see their record.
std::int64_t member_in_scope(storage::Connection& c, const http::Request& req) {
  const auto id = req.id_param();
  const auto& p = req.user();
  if (p.member_id && *p.member_id == id) return id;
  const auto m = organisation::find_member(c, id);
  if (m && (p.has(Role::staff) || p.has(Role::leader)) &&
      organisation::in_scope(c, p, m->conference_id)) {
    return id;
  }
  throw Error::not_found("member.not_found", "委员不存在", "member not found");
}

bool is_self(const http::Request& req) {
  return req.user().member_id && *req.user().member_id == req.id_param();
}

json::object report_json(const DutyReport& r) {
  return json::object{
      {"year", r.year},
      {"text", r.text},
      {"status", r.status},
      {"generated", r.generated},
      {"updated_at", r.updated_at ? json::value(*r.updated_at) : json::value(nullptr)}};
}

json::object rule_json(const Rule& r) {
  return json::object{
      {"code", r.code},
      {"category", r.category},
      {"title", r.title},
      {"points", r.points},
      {"co_points", r.co_points},
      {"unit", r.unit},
      {"yearly_cap", r.yearly_cap ? json::value(*r.yearly_cap) : json::value(nullptr)},
      {"split", std::string(split_name(r.split))},
      {"half_if_unregistered", r.half_if_unregistered}};
}

}  // namespace

void register_routes(http::Router& router, ServiceContext& ctx) {
  const std::vector<Role> readers{Role::member, Role::staff, Role::leader, Role::studio_lead};
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/members/{id}/duty-record",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto year = year_param(req);
                    // Scored live from the sources; the stored ledger is the sweep's.
                    return ctx.db.read([&](storage::Connection& c) {
                      return http::Response::json(to_json(
                          duty_record(c, ctx, member_in_scope(c, req), year, audit::now_ms())));
                    });
                  },
              .roles = readers,
              .summary = "委员履职档案（含积分） / a member's duty record with points",
              .tag = "records"});
  router.add(
      {.method = http::Method::get,
       .pattern = "/api/v1/points/rules",
       .handler =
           [&ctx](http::Request&) {
             return ctx.db.read([&](storage::Connection& c) {
               json::array sets;
               for (const auto& set : rule_sets(c)) {
                 json::array rules;
                 for (const auto& r : set.rules)
                   rules.push_back(rule_json(r));
                 sets.push_back(json::object{{"name", set.name},
                                             {"version", set.version},
                                             {"valid_from_year", set.valid_from_year},
                                             {"rules", std::move(rules)}});
               }
               return http::Response::json(json::object{
                   {"rule_sets", std::move(sets)},
                   {"grades", json::object{{"excellent_min", ctx.config.points.excellent_min},
                                           {"competent_min", ctx.config.points.competent_min},
                                           {"basic_min", ctx.config.points.basic_min}}}});
             });
           },
       .roles = {Role::member, Role::staff, Role::leader, Role::studio_lead, Role::admin},
       .summary = "履职积分规则 / points rules",
       .tag = "records"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/assessments",
              .handler =
                  [&ctx](http::Request& req) {
                    AssessmentQuery q;
                    q.year = year_param(req);
                    q.conference_id = positive_param(req, "conference_id", "政协");
                    q.sector_id = positive_param(req, "sector_id", "界别");
                    q.committee_id = positive_param(req, "committee_id", "专委会");
                    q.grade = grade_param(req);
                    q.limit = paging::limit(req.query_param("limit"), 50, 200);
                    q.cursor = req.query_param("cursor");
                    return ctx.db.read([&](storage::Connection& c) {
                      return http::Response::json(assessment(c, ctx, req.user(), q));
                    });
                  },
              .roles = {Role::staff, Role::leader},
              .summary = "年度履职考核排名 / yearly assessment and ranking",
              .tag = "records"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/members/{id}/duty-report",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto year = year_param(req);
                    return ctx.db.read([&](storage::Connection& c) {
                      return http::Response::json(report_json(
                          duty_report(c, ctx, member_in_scope(c, req), year, audit::now_ms())));
                    });
                  },
              .roles = readers,
              .summary = "述职报告（草稿或已提交） / the yearly duty report",
              .tag = "records"});
  router.add({.method = http::Method::put,
              .pattern = "/api/v1/members/{id}/duty-report",
              .handler =
                  [&ctx](http::Request& req) {
                    if (!is_self(req))
                      throw Error::forbidden("records.not_yours", "只能编辑本人的述职报告",
                                             "your own report only");
                    tongxin::json::FieldReader f(req.json());
                    const auto text = f.required_string("text", 20000);
                    f.reject_unknown();
                    const auto year = year_param(req);
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      return http::Response::json(report_json(apply_duty_report_action(
                          c, ctx, actor, req.id_param(), year, "save", text, audit::now_ms())));
                    });
                  },
              .roles = {Role::member},
              .summary = "保存述职报告草稿 / save the duty report draft",
              .tag = "records"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/members/{id}/duty-report/submit",
              .handler =
                  [&ctx](http::Request& req) {
                    if (!is_self(req))
                      throw Error::forbidden("records.not_yours", "只能提交本人的述职报告",
                                             "your own report only");
                    const auto year = year_param(req);
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      return http::Response::json(report_json(apply_duty_report_action(
                          c, ctx, actor, req.id_param(), year, "submit", "", audit::now_ms())));
                    });
                  },
              .roles = {Role::member},
              .summary = "提交述职报告 / submit the duty report",
              .tag = "records"});
  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/awards",
       .handler =
           [&ctx](http::Request& req) {
             tongxin::json::FieldReader f(req.json());
             NewAward a;
             a.year =
                 static_cast<int>(std::clamp<std::int64_t>(f.required_int("year"), -1, 100000));
             a.kind = f.optional_enum("kind", {"excellent_member", "advanced_studio"}).value_or("");
             a.member_id = f.optional_int("member_id");
             a.studio_id = f.optional_int("studio_id");
             a.citation = f.optional_string("citation", 500).value_or("");
             a.awarded_on = f.optional_string("awarded_on", 10);
             f.reject_unknown();
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               return http::Response::json(create_award(c, actor, a, audit::now_ms()), 201);
             });
           },
       .roles = {Role::staff},
       .summary = "评比表彰（优秀委员、先进委员工作室） / record an award",
       .tag = "records",
       .request_schema =
           R"({"type":"object","required":["year","kind"],"properties":{"year":{"type":"integer"},"kind":{"enum":["excellent_member","advanced_studio"]},"member_id":{"type":"integer"},"studio_id":{"type":"integer"},"citation":{"type":"string","maxLength":500},"awarded_on":{"type":"string","format":"date"}}})"});
  router.add({.method = http::Method::del,
              .pattern = "/api/v1/awards/{id}",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto id = req.id_param();
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      delete_award(c, actor, id, audit::now_ms());
                      return http::Response::json(json::object{{"id", id}, {"deleted", true}});
                    });
                  },
              .roles = {Role::staff},
              .summary = "撤销表彰 / withdraw an award",
              .tag = "records"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/awards",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto year = year_param(req);
                    return ctx.db.read([&](storage::Connection& c) {
                      return http::Response::json(json::object{
                          {"year", year}, {"items", awards_of_year(c, req.user(), year)}});
                    });
                  },
              .roles = {Role::staff, Role::leader, Role::member},
              .summary = "表彰名单 / awards of a year",
              .tag = "records"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/members/{id}/duty-report.pdf",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto year = year_param(req);
                    const auto [title, subtitle, text] = ctx.db.read([&](storage::Connection& c) {
                      const auto member = member_in_scope(c, req);
                      const auto m = organisation::find_member(c, member);
                      return std::make_tuple(
                          std::to_string(year) + "年度委员述职报告",
                          m->name + "　" + m->sector_name,
                          duty_report(c, ctx, member, year, audit::now_ms()).text);
                    });
                    return http::Response::bytes(render_report_pdf(title, subtitle, text),
                                                 "application/pdf")
                        .header("Content-Disposition", "inline; filename=\"duty-report-" +
                                                           std::to_string(year) + ".pdf\"");
                  },
              .roles = readers,
              .summary = "述职报告PDF / the duty report as PDF",
              .tag = "records"});
}

}  // namespace tongxin::records
