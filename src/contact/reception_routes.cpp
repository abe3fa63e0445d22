// src/contact/reception_routes.cpp
//
// Reception days: a studio's rota (its lead and staff set it; its members, the members on
// it and staff read it), the days it produces, recording one as held, and the public
// iCalendar feed.
#include <algorithm>
#include <boost/json.hpp>

#include "contact/internal.hpp"
#include "contact/route_support.hpp"
#include "core/calendar/calendar.hpp"
#include "core/calendar/dates.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/http/query_params.hpp"
#include "core/json/fields.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::contact {

namespace json = boost::json;
using auth::Role;

void register_reception_routes(http::Router& router, ServiceContext& ctx) {
  router.add(
      {.method = http::Method::put,
       .pattern = "/api/v1/studios/{id}/reception-rota",
       .handler =
           [&ctx](http::Request& req) {
             tongxin::json::FieldReader f(req.json());
             Rota r;
             r.week_of_month = static_cast<int>(f.required_int("week_of_month"));
             r.weekday = static_cast<int>(f.required_int("weekday"));
             r.start_time = f.optional_string("start_time", 5).value_or("09:00");
             r.end_time = f.optional_string("end_time", 5).value_or("11:30");
             r.place = f.optional_string("place", 100).value_or("");
             r.member_ids = f.int_array("member_ids", 30);
             r.skip_holidays = f.optional_bool("skip_holidays").value_or(true);
             f.reject_unknown();
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               const auto id = req.id_param();
               const auto s = organisation::find_studio(c, id);
               const auto& p = req.user();
               const bool lead = p.has(Role::studio_lead) && p.studio_id && *p.studio_id == id;
               if (!s ||
                   !(lead || (is_staff(p) && organisation::in_scope(c, p, s->conference_id)))) {
                 throw Error::not_found("studio.not_found", "委员工作室不存在", "studio not found");
               }
               const auto now = audit::now_ms();
               save_rota(c, id, r, now);
               const auto ymd = calendar::china_date(now);
               const auto created =
                   generate_reception_days(c, ctx, id, {ymd.year(), ymd.month()}, 3, now);
               audit::record(c, actor, {"reception_rota.save", "studio", id, nullptr});
               return http::Response::json(
                   json::object{{"studio_id", id},
                                {"created", created},
                                {"upcoming", upcoming_reception_days(c, id, today_of(now))}});
             });
           },
       .roles = {Role::staff, Role::studio_lead},
       .summary = "设置接待日安排（每月第几个星期几） / set a studio's reception rota",
       .tag = "contact"});
  router.add(
      {.method = http::Method::get,
       .pattern = "/api/v1/studios/{id}/reception-rota",
       .handler =
           [&ctx](http::Request& req) {
             return ctx.db.read([&](storage::Connection& c) {
               const auto id = req.id_param();
               const auto s = organisation::find_studio(c, id);
               if (!s)
                 throw Error::not_found("studio.not_found", "委员工作室不存在", "studio not found");
               const auto& p = req.user();
               bool allowed = (p.has(Role::studio_lead) && p.studio_id && *p.studio_id == id) ||
                              (is_staff(p) && organisation::in_scope(c, p, s->conference_id));
               std::optional<Rota> rota;
               if (!allowed && p.member_id) {
                 // The studio's members, and members on its rota.
                 if (const auto m = organisation::find_member(c, *p.member_id)) {
                   allowed = std::any_of(m->studios.begin(), m->studios.end(),
                                         [&](const auto& st) { return st.id == id; });
                 }
                 if (!allowed) {
                   try {
                     rota = get_rota(c, id);
                     allowed = std::find(rota->member_ids.begin(), rota->member_ids.end(),
                                         *p.member_id) != rota->member_ids.end();
                   } catch (const Error& e) {  // no rota: nothing to be on
                     if (e.code() != "reception.no_rota") throw;
                   }
                 }
               }
               if (!allowed) {
                 throw Error::forbidden("reception.forbidden",
                                        "只有该工作室的委员、负责人和工作人员可以查看接待日安排",
                                        "the studio's members, lead and staff only");
               }
               if (!rota) rota = get_rota(c, id);  // Error 404 reception.no_rota
               const auto names = organisation::names_of_members(c, rota->member_ids);
               json::array ids, members;
               for (const auto m : rota->member_ids) {
                 ids.push_back(m);
                 if (const auto it = names.find(m); it != names.end())
                   members.push_back(json::object{{"id", m}, {"name", it->second}});
               }
               return http::Response::json(json::object{
                   {"studio_id", id},
                   {"week_of_month", rota->week_of_month},
                   {"weekday", rota->weekday},
                   {"start_time", rota->start_time},
                   {"end_time", rota->end_time},
                   {"place", rota->place},
                   {"skip_holidays", rota->skip_holidays},
                   {"member_ids", std::move(ids)},
                   {"members", std::move(members)},
                   {"upcoming", upcoming_reception_days(c, id, today_of(audit::now_ms()))}});
             });
           },
       .roles = members_and_staff(),
       .summary = "工作室当前接待日安排及值班委员 / a studio's reception rota",
       .tag = "contact"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/reception-days",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto studio = http::id_query(req, "studio_id", "工作室编号应为正整数");
                    if (!studio)
                      throw Error::invalid_field("studio_id", "请指定工作室",
                                                 "studio_id is required");
                    const auto from = req.query_param("from");
                    const auto since =
                        from ? calendar::iso_date(calendar::required_iso_date(*from, "from"))
                             : today_of(audit::now_ms());
                    return ctx.db.read([&](storage::Connection& c) {
                      return http::Response::json(
                          json::object{{"items", upcoming_reception_days(c, *studio, since, 24)}});
                    });
                  },
              .roles = members_and_staff(),
              .summary = "接待日安排 / reception days",
              .tag = "contact"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/reception-days/{id}/hold",
              .handler =
                  [&ctx](http::Request& req) {
                    tongxin::json::FieldReader f(req.json());
                    const auto summary = f.optional_string("summary", 2000).value_or("");
                    const auto reached = f.optional_int("reached_count").value_or(0);
                    const auto contacts = f.int_array("key_contact_ids", 50);
                    f.reject_unknown();
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      HeldReceptionDay held;
                      held.summary = summary;
                      held.reached_count = static_cast<int>(reached);
                      held.key_contact_ids = contacts;
                      held.fallback_member = req.user().member_id;
                      held.fallback_conference = req.user().conference_id;
                      const auto logged =
                          hold_reception_day(c, ctx, actor, req.id_param(), held, audit::now_ms());
                      return http::Response::json(json::object{
                          {"activity_id", logged.id}, {"tasks_closed", logged.tasks_closed}});
                    });
                  },
              .roles = {Role::staff, Role::studio_lead, Role::member},
              .summary = "登记接待日开展情况 / record a reception day as held",
              .tag = "contact"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/public/studios/{id}/reception-days.ics",
              .handler =
                  [&ctx](http::Request& req) {
                    return ctx.db.read([&](storage::Connection& c) {
                      return http::Response::bytes(reception_days_ics(c, ctx, req.id_param(),
                                                                      today_of(audit::now_ms())),
                                                   "text/calendar; charset=utf-8")
                          .header("Cache-Control", "public, max-age=3600");
                    });
                  },
              .access = http::Access::open,
              .summary = "接待日日历订阅（iCalendar） / reception days as iCalendar",
              .tag = "public"});
}

}  // namespace tongxin::contact
