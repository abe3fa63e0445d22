// src/contact/sector_date_routes.cpp
//
// /api/v1/sector-dates: sectors' days (solar or lunar) that fire must-visit triggers.
#include <boost/json.hpp>

#include "contact/route_support.hpp"
#include "core/calendar/calendar.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/json/fields.hpp"
#include "core/paging.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::contact {

namespace json = boost::json;
using auth::Role;

namespace {

NewSectorDate sector_date_from_json(const json::object& body) {
  tongxin::json::FieldReader f(body);
  NewSectorDate d;
  d.title = f.required_string("title", 60);
  d.sector_ids = f.int_array("sector_ids", 50);
  d.calendar = f.optional_enum("calendar", {"solar", "lunar"}).value_or("solar");
  d.month = f.required_int("month");
  d.day = f.required_int("day");
  f.reject_unknown();
  return d;
}

json::object sector_date_json(const SectorDate& d) {
  json::array ids, sectors;
  for (const auto id : d.sector_ids)
    ids.push_back(id);
  for (const auto& s : d.sectors)
    sectors.push_back(json::object{{"id", s.id}, {"name", s.name}});
  return json::object{{"id", d.id},
                      {"conference_id", d.conference_id},
                      {"title", d.title},
                      {"calendar", d.calendar},
                      {"month", d.month},
                      {"day", d.day},
                      {"sector_ids", std::move(ids)},
                      {"sectors", std::move(sectors)},
                      {"next_on", d.next_on ? json::value(*d.next_on) : json::value(nullptr)},
                      {"last_fired_year", opt(d.last_fired_year)},
                      {"archived", d.archived},
                      {"created_at", d.created_at}};
}

http::Response create(ServiceContext& ctx, http::Request& req) {
  const auto d = sector_date_from_json(req.json());
  const auto actor = http::actor_of(req);
  return ctx.db.write([&](storage::Connection& c) {
    const auto now = audit::now_ms();
    return http::Response::json(
        sector_date_json(create_sector_date(c, actor, req.user().conference_id, d,
                                            calendar::china_date(now), now)),
        201);
  });
}

http::Response list(ServiceContext& ctx, http::Request& req) {
  const auto cursor = paging::decode(req.query_param("cursor"));
  const auto limit = paging::limit(req.query_param("limit"), 50, 100);
  const bool archived = archived_param(req);
  const auto cal = req.query_param("calendar").value_or("");
  if (!cal.empty() && cal != "solar" && cal != "lunar") {
    throw Error::invalid_field("calendar", "历法只能为 solar（公历）或 lunar（农历）",
                               "calendar is solar or lunar");
  }
  return ctx.db.read([&](storage::Connection& c) {
    const auto page = sector_dates_in_scope(c, req.user(), archived, cal, cursor ? cursor->id : 0,
                                            limit, calendar::china_date(audit::now_ms()));
    json::array items;
    for (const auto& d : page.items)
      items.push_back(sector_date_json(d));
    return http::Response::json(
        json::object{{"items", std::move(items)}, {"next_cursor", next_cursor(page.next_after)}});
  });
}

http::Response archive(ServiceContext& ctx, http::Request& req) {
  const auto actor = http::actor_of(req);
  return ctx.db.write([&](storage::Connection& c) {
    const auto id = req.id_param();
    const auto now = audit::now_ms();
    const auto found = find_sector_date(c, id, calendar::china_date(now));
    if (!found || !organisation::in_scope(c, req.user(), found->conference_id)) {
      throw Error::not_found("sector_date.not_found", "界别节日不存在", "not found");
    }
    archive_sector_date(c, actor, id, now);
    return http::Response::json(
        sector_date_json(*find_sector_date(c, id, calendar::china_date(now))));
  });
}

}  // namespace

void register_sector_date_routes(http::Router& router, ServiceContext& ctx) {
  const auto bind = [&ctx](http::Response (*f)(ServiceContext&, http::Request&)) {
    return [&ctx, f](http::Request& req) { return f(ctx, req); };
  };
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/sector-dates",
              .handler = bind(create),
              .roles = {Role::staff},
              .summary = "界别节日（公历或农历） / a sector's day (solar or lunar)",
              .tag = "contact"});
  router.add(
      {.method = http::Method::get,
       .pattern = "/api/v1/sector-dates",
       .handler = bind(list),
       .roles = {Role::staff},
       .summary = "界别节日列表（archived=true 为已归档；calendar=solar|lunar） / sector days",
       .tag = "contact"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/sector-dates/{id}/archive",
              .handler = bind(archive),
              .roles = {Role::staff},
              .summary = "归档界别节日（不再触发） / archive a sector's day",
              .tag = "contact"});
}

}  // namespace tongxin::contact
