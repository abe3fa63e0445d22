// src/contact/visit_routes.cpp
//
// 八必访: /api/v1/visit-triggers (staff fire them for an event) and /api/v1/visit-tasks
// (a member's tasks).
#include <boost/json.hpp>

#include "contact/internal.hpp"
#include "contact/route_support.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/json/fields.hpp"

namespace tongxin::contact {

namespace json = boost::json;
using auth::Role;

namespace {

NewTrigger trigger_from_json(const json::object& body, std::int64_t now_ms) {
  tongxin::json::FieldReader f(body);
  NewTrigger t;
  t.occasion =
      f.optional_enum("occasion", {"speech", "congress", "policy", "plenary"}).value_or("");
  if (t.occasion.empty()) {
    throw Error::invalid_field("occasion", "请选择必访情形（重要讲话、重要会议、政策出台、全会前）",
                               "occasion is required");
  }
  t.title = f.required_string("title", 100);
  t.sector_ids = f.int_array("sector_ids", 50);
  t.fired_on = f.optional_string("fired_on", 10).value_or(today_of(now_ms));
  t.due_days = static_cast<int>(f.optional_int("due_days").value_or(15));
  f.reject_unknown();
  return t;
}

json::object trigger_json(const VisitTrigger& t) {
  return json::object{{"id", t.id},         {"occasion", t.occasion}, {"title", t.title},
                      {"source", t.source}, {"fired_on", t.fired_on}, {"due_on", t.due_on},
                      {"tasks", t.tasks},   {"done", t.done}};
}

json::object task_json(const VisitTask& v) {
  return json::object{{"id", v.id},
                      {"due_on", v.due_on},
                      {"status", v.status},
                      {"overdue", v.overdue},
                      {"title", v.title},
                      {"occasion", v.occasion},
                      {"key_contact_id", v.key_contact_id},
                      {"key_contact", v.key_contact},
                      {"done_activity_id", opt(v.done_activity_id)}};
}

http::Response fire(ServiceContext& ctx, http::Request& req) {
  const auto now = audit::now_ms();
  auto t = trigger_from_json(req.json(), now);
  t.conference_id = req.user().conference_id;
  const auto actor = http::actor_of(req);
  return ctx.db.write([&](storage::Connection& c) {
    const auto r = fire_trigger(c, ctx, actor, t, now);
    return http::Response::json(json::object{{"id", r.id}, {"tasks", r.tasks}}, 201);
  });
}

http::Response triggers(ServiceContext& ctx, http::Request& req) {
  return ctx.db.read([&](storage::Connection& c) {
    json::array items;
    for (const auto& t : visit_triggers_in_scope(c, req.user()))
      items.push_back(trigger_json(t));
    return http::Response::json(json::object{{"items", std::move(items)}});
  });
}

http::Response tasks(ServiceContext& ctx, http::Request& req) {
  const auto status = req.query_param("status").value_or("");
  const auto now = audit::now_ms();
  return ctx.db.read([&](storage::Connection& c) {
    const auto member = acting_member(c, req.user(), member_param(req));
    json::array items;
    for (const auto& v : visit_tasks_of_member(c, member, status, today_of(now)))
      items.push_back(task_json(v));
    return http::Response::json(json::object{{"items", std::move(items)}});
  });
}

}  // namespace

void register_visit_routes(http::Router& router, ServiceContext& ctx) {
  const auto bind = [&ctx](http::Response (*f)(ServiceContext&, http::Request&)) {
    return [&ctx, f](http::Request& req) { return f(ctx, req); };
  };
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/visit-triggers",
              .handler = bind(fire),
              .roles = {Role::staff},
              .summary = "发布八必访事由（生成走访任务） / fire a must-visit trigger",
              .tag = "contact"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/visit-triggers",
              .handler = bind(triggers),
              .roles = {Role::staff, Role::leader},
              .summary = "八必访事由及完成情况 / triggers and their progress",
              .tag = "contact"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/visit-tasks",
              .handler = bind(tasks),
              .roles = members_and_staff(),
              .summary = "走访任务（status=open|done|overdue|cancelled） / visit tasks",
              .tag = "contact"});
}

}  // namespace tongxin::contact
