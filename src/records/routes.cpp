// src/records/routes.cpp
//
// Duty records, points, assessments and the yearly duty report. A member sees their own;
// staff and leaders their conference.
#include <boost/json.hpp>

#include "core/calendar/calendar.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/json/fields.hpp"
#include "organisation/briefs.hpp"
#include "records/records.hpp"

namespace tongxin::records {

namespace json = boost::json;
using auth::Role;

namespace {

int year_param(const http::Request& req) {
  const auto now_year = static_cast<int>(calendar::china_date(audit::now_ms()).year());
  const auto y = req.query_param("year");
  if (!y || y->empty()) return now_year;
  try {
    std::size_t used = 0;
    const int v = std::stoi(*y, &used);
    if (used != y->size() || v < 2000 || v > now_year + 1) throw std::out_of_range("year");
    return v;
  } catch (const std::exception&) {
    throw Error::invalid_field("year", "年度无效", "invalid year");
  }
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

json::object report_json(storage::Connection& c, const ServiceContext& ctx, std::int64_t member,
                         int year, std::int64_t now) {
  const auto rows =
      c.q("SELECT * FROM duty_reports WHERE member_id = $1 AND year = $2", member, year);
  if (!rows.empty()) {
    const auto r = rows.front();
    return json::object{{"year", year},
                        {"text", r.text("text")},
                        {"status", r.text("status")},
                        {"generated", false},
                        {"updated_at", r.int64("updated_at")}};
  }
  return json::object{{"year", year},
                      {"text", draft_report_text(duty_record(c, ctx, member, year, now))},
                      {"status", "draft"},
                      {"generated", true},
                      {"updated_at", nullptr}};
}

}  // namespace

void register_routes(http::Router& router, ServiceContext& ctx) {
  const std::vector<Role> readers{Role::member, Role::staff, Role::leader, Role::studio_lead};
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/members/{id}/duty-record",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto year = year_param(req);
                    // Recomputing the points writes the ledger, so this read is a unit of work.
                    return ctx.db.write([&](storage::Connection& c) {
                      return http::Response::json(
                          duty_record(c, ctx, member_in_scope(c, req), year, audit::now_ms()));
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
               for (const auto& s : c.q("SELECT * FROM points_rule_sets ORDER BY version DESC")) {
                 json::array rules;
                 for (const auto& r : c.q("SELECT * FROM points_rules WHERE rule_set_id = $1"
                                          " ORDER BY id",
                                          s.int64("id"))) {
                   rules.push_back(
                       json::object{{"code", r.text("code")},
                                    {"category", r.text("category")},
                                    {"title", r.text("title")},
                                    {"points", r.real("points")},
                                    {"co_points", r.real("co_points")},
                                    {"unit", r.text("unit")},
                                    {"yearly_cap", r.opt_real("yearly_cap")
                                                       ? json::value(*r.opt_real("yearly_cap"))
                                                       : nullptr},
                                    {"split", r.text("split")},
                                    {"half_if_unregistered", r.boolean("half_if_unregistered")}});
                 }
                 sets.push_back(json::object{{"name", s.text("name")},
                                             {"version", s.int64("version")},
                                             {"valid_from_year", s.int64("valid_from_year")},
                                             {"rules", std::move(rules)}});
               }
               return http::Response::json(json::object{
                   {"rule_sets", std::move(sets)},
                   {"grades", json::object{{"excellent_min", ctx.config.points.excellent_min},
                                           {"competent_min", ctx.config.points.competent_min},
                                           {"basic_min", ctx.config.points.basic_min}}}});
             });
           },
       .roles = readers,
       .summary = "履职积分规则 / points rules",
       .tag = "records"});
  router.add(
      {.method = http::Method::get,
       .pattern = "/api/v1/assessments",
       .handler =
           [&ctx](http::Request& req) {
             const auto year = year_param(req);
             return ctx.db.write([&](storage::Connection& c) {
               return http::Response::json(json::object{
                   {"year", year},
                   {"items", assessment(c, ctx, req.user().conference_id, year, audit::now_ms())}});
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
                    return ctx.db.write([&](storage::Connection& c) {
                      return http::Response::json(
                          report_json(c, ctx, member_in_scope(c, req), year, audit::now_ms()));
                    });
                  },
              .roles = readers,
              .summary = "述职报告（草稿或已提交） / the yearly duty report",
              .tag = "records"});
  router.add(
      {.method = http::Method::put,
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
               const auto member = req.id_param();
               const auto now = audit::now_ms();
               const auto existing =
                   c.q("SELECT status FROM duty_reports WHERE member_id = $1 AND year = $2", member,
                       year);
               if (!existing.empty() && existing.front().text(0) == "submitted") {
                 throw Error::conflict("records.submitted", "述职报告已提交，不能再修改",
                                       "already submitted");
               }
               c.x("INSERT INTO duty_reports (member_id, year, text, status, updated_at) VALUES "
                   "($1, $2, $3,"
                   " 'draft', $4) ON CONFLICT (member_id, year) DO UPDATE SET text = excluded.text,"
                   " updated_at = excluded.updated_at",
                   member, year, text, now);
               audit::record(c, actor,
                             {"duty_report.save", "member", member, json::object{{"year", year}}});
               return http::Response::json(report_json(c, ctx, member, year, now));
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
                      const auto member = req.id_param();
                      const auto now = audit::now_ms();
                      const auto report = report_json(c, ctx, member, year, now);
                      if (report.at("status").as_string() == "submitted") {
                        throw Error::conflict("records.submitted", "述职报告已提交",
                                              "already submitted");
                      }
                      c.x("INSERT INTO duty_reports (member_id, year, text, status, updated_at, "
                          "submitted_at)"
                          " VALUES ($1, $2, $3, 'submitted', $4, $4) ON CONFLICT (member_id, year) "
                          "DO UPDATE"
                          " SET status = 'submitted', submitted_at = excluded.submitted_at",
                          member, year, std::string(report.at("text").as_string()), now);
                      audit::record(
                          c, actor,
                          {"duty_report.submit", "member", member, json::object{{"year", year}}});
                      return http::Response::json(report_json(c, ctx, member, year, now));
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
             const auto year = f.required_int("year");
             const auto kind = f.optional_enum("kind", {"excellent_member", "advanced_studio"});
             const auto member = f.optional_int("member_id");
             const auto studio = f.optional_int("studio_id");
             const auto citation = f.optional_string("citation", 500).value_or("");
             f.reject_unknown();
             if (!kind) throw Error::invalid_field("kind", "请选择表彰类型", "kind is required");
             if (*kind == "excellent_member" ? !member : !studio) {
               throw Error::invalid_field(*kind == "excellent_member" ? "member_id" : "studio_id",
                                          "请选择表彰对象", "who is awarded is required");
             }
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               const auto& p = req.user();
               if (member) {
                 const auto m = organisation::find_member(c, *member);
                 if (!m || !organisation::in_scope(c, p, m->conference_id)) {
                   throw Error::invalid_field("member_id", "委员不存在", "unknown member");
                 }
               }
               if (studio && !organisation::find_studio(c, *studio)) {
                 throw Error::invalid_field("studio_id", "委员工作室不存在", "unknown studio");
               }
               const auto id =
                   c.q("INSERT INTO awards (conference_id, year, kind, member_id, studio_id,"
                       " citation, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                       p.conference_id, year, *kind, member, studio, citation, audit::now_ms())
                       .front()
                       .int64(0);
               audit::record(c, actor, {"award.create", "award", id, nullptr});
               return http::Response::json(json::object{{"id", id}}, 201);
             });
           },
       .roles = {Role::staff},
       .summary = "评比表彰（优秀委员、先进委员工作室） / record an award",
       .tag = "records"});
  router.add(
      {.method = http::Method::get,
       .pattern = "/api/v1/awards",
       .handler =
           [&ctx](http::Request& req) {
             const auto year = year_param(req);
             return ctx.db.read([&](storage::Connection& c) {
               json::array items;
               for (const auto& r :
                    c.q("SELECT a.*, m.name AS member_name, s.name AS studio_name FROM awards a"
                        " LEFT JOIN members m ON m.id = a.member_id LEFT JOIN studios s ON"
                        " s.id = a.studio_id WHERE a.year = $1 AND a.conference_id IN"
                        " (SELECT id FROM conferences WHERE path LIKE $2) ORDER BY a.id",
                        year, organisation::scope_path(c, req.user()) + "%")) {
                 items.push_back(json::object{
                     {"id", r.int64("id")},
                     {"kind", r.text("kind")},
                     {"member_id",
                      r.opt_int64("member_id") ? json::value(*r.opt_int64("member_id")) : nullptr},
                     {"member", r.opt_text("member_name") ? json::value(*r.opt_text("member_name"))
                                                          : nullptr},
                     {"studio_id",
                      r.opt_int64("studio_id") ? json::value(*r.opt_int64("studio_id")) : nullptr},
                     {"studio", r.opt_text("studio_name") ? json::value(*r.opt_text("studio_name"))
                                                          : nullptr},
                     {"citation", r.text("citation")}});
               }
               return http::Response::json(
                   json::object{{"year", year}, {"items", std::move(items)}});
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
                    const auto [title, subtitle, text] = ctx.db.write([&](storage::Connection& c) {
                      const auto member = member_in_scope(c, req);
                      const auto m = organisation::find_member(c, member);
                      const auto report = report_json(c, ctx, member, year, audit::now_ms());
                      return std::make_tuple(std::to_string(year) + "年度委员述职报告",
                                             m->name + "　" + m->sector_name,
                                             std::string(report.at("text").as_string()));
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
