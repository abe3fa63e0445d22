// src/contact/key_contact_routes.cpp
//
// /api/v1/key-contacts: a member's key contacts (staff may act for a member in scope), the
// detail view, changes that fire must-visit triggers, edits, archiving and restoring.
#include <boost/json.hpp>

#include "contact/route_support.hpp"
#include "core/crypto/field_crypto.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/json/fields.hpp"
#include "core/paging.hpp"

namespace tongxin::contact {

namespace json = boost::json;
using auth::Role;

namespace {

NewKeyContact key_contact_from_json(const json::object& body) {
  tongxin::json::FieldReader f(body);
  NewKeyContact k;
  k.name = f.required_string("name", 30);
  k.phone = f.optional_string("phone", 20);
  k.sector_label = f.optional_string("sector_label", 30).value_or("");
  k.work_unit = f.optional_string("work_unit", 60).value_or("");
  k.notes = f.optional_string("notes", 500).value_or("");
  k.member_id = f.optional_int("member_id");
  f.reject_unknown();
  // A bad phone is a bad request whoever sends it (checked before who acts).
  if (k.phone && !k.phone->empty() && !crypto::normalize_mobile(*k.phone)) {
    throw Error::invalid_field("phone", "请填写正确的手机号码", "not a mobile number");
  }
  return k;
}

KeyContactEdit key_contact_edit_from_json(const json::object& body) {
  tongxin::json::FieldReader f(body);
  KeyContactEdit e;
  e.name = f.optional_string("name", 30);
  e.sector_label = f.optional_string("sector_label", 30);
  e.work_unit = f.optional_string("work_unit", 60);
  e.phone = f.optional_string("phone", 20);
  e.notes = f.optional_string("notes", 500);
  f.reject_unknown();
  // null clears a field (the name cannot be cleared: it fails as empty).
  for (const auto& [key, field] :
       {std::pair{"name", &e.name}, std::pair{"sector_label", &e.sector_label},
        std::pair{"work_unit", &e.work_unit}, std::pair{"phone", &e.phone},
        std::pair{"notes", &e.notes}}) {
    if (const auto* v = body.if_contains(key); v && v->is_null()) *field = "";
  }
  return e;
}

NewKeyContactChange change_from_json(const json::object& body) {
  tongxin::json::FieldReader f(body);
  const auto kind = f.optional_enum("kind", {"life_event", "demand", "difficulty"});
  if (!kind) throw Error::invalid_field("kind", "请选择变化类型", "kind is required");
  NewKeyContactChange change{*kind, f.required_string("note", 500)};
  f.reject_unknown();
  return change;
}

json::object key_contact_json(const KeyContact& k) {
  json::object o{{"id", k.id},
                 {"member_id", k.member_id},
                 {"name", k.name},
                 {"phone", k.phone},
                 {"sector_label", k.sector_label},
                 {"work_unit", k.work_unit},
                 {"notes", k.notes},
                 {"masked", k.masked},
                 {"archived", k.archived},
                 {"created_at", k.created_at}};
  if (k.open_tasks) o["open_tasks"] = *k.open_tasks;
  return o;
}

json::object key_contact_detail_json(const KeyContact& k) {
  auto o = key_contact_json(k);
  json::array changes;
  for (const auto& ch : k.changes)
    changes.push_back(json::object{{"kind", ch.kind}, {"note", ch.note}, {"at", ch.at}});
  o["changes"] = std::move(changes);
  return o;
}

http::Response list(ServiceContext& ctx, http::Request& req) {
  const auto cursor = paging::decode(req.query_param("cursor"));
  const auto limit = paging::limit(req.query_param("limit"), 50, 100);
  const bool archived = archived_param(req);
  return ctx.db.read([&](storage::Connection& c) {
    const auto member = acting_member(c, req.user(), member_param(req));
    const auto page = key_contacts_of_member(c, member, archived, cursor ? cursor->id : 0, limit);
    json::array items;
    for (const auto& k : page.items)
      items.push_back(key_contact_json(k));
    return http::Response::json(
        json::object{{"items", std::move(items)}, {"next_cursor", next_cursor(page.next_after)}});
  });
}

http::Response create(ServiceContext& ctx, http::Request& req) {
  auto k = key_contact_from_json(req.json());
  const auto actor = http::actor_of(req);
  return ctx.db.write([&](storage::Connection& c) {
    k.member_id = acting_member(c, req.user(), k.member_id);
    return http::Response::json(
        key_contact_json(create_key_contact(c, ctx, actor, k, audit::now_ms())), 201);
  });
}

http::Response get(ServiceContext& ctx, http::Request& req) {
  const auto actor = http::actor_of(req);
  return ctx.db.write([&](storage::Connection& c) {
    return http::Response::json(
        key_contact_detail_json(open_key_contact(c, ctx, actor, req.id_param())));
  });
}

http::Response record_change(ServiceContext& ctx, http::Request& req) {
  const auto change = change_from_json(req.json());
  const auto actor = http::actor_of(req);
  return ctx.db.write([&](storage::Connection& c) {
    const auto id = find_key_contact(c, ctx, req.user(), req.id_param()).id;
    const auto fired = record_key_contact_change(c, ctx, actor, id, change, audit::now_ms());
    return http::Response::json(json::object{{"trigger_id", fired.id}, {"tasks", fired.tasks}},
                                201);
  });
}

http::Response edit(ServiceContext& ctx, http::Request& req) {
  const auto e = key_contact_edit_from_json(req.json());
  const auto actor = http::actor_of(req);
  return ctx.db.write([&](storage::Connection& c) {
    const auto id = find_key_contact(c, ctx, req.user(), req.id_param()).id;
    update_key_contact(c, ctx, actor, id, e, audit::now_ms());
    return http::Response::json(key_contact_json(find_key_contact(c, ctx, req.user(), id)));
  });
}

http::Response archive(ServiceContext& ctx, http::Request& req) {
  const auto actor = http::actor_of(req);
  return ctx.db.write([&](storage::Connection& c) {
    const auto id = find_key_contact(c, ctx, req.user(), req.id_param()).id;
    const auto cancelled = archive_key_contact(c, actor, id, audit::now_ms());
    auto o = key_contact_json(find_key_contact(c, ctx, req.user(), id));
    o["tasks_cancelled"] = cancelled;
    return http::Response::json(o);
  });
}

http::Response restore(ServiceContext& ctx, http::Request& req) {
  const auto actor = http::actor_of(req);
  return ctx.db.write([&](storage::Connection& c) {
    const auto id = find_key_contact(c, ctx, req.user(), req.id_param()).id;
    restore_key_contact(c, actor, id, audit::now_ms());
    return http::Response::json(key_contact_json(find_key_contact(c, ctx, req.user(), id)));
  });
}

}  // namespace

void register_key_contact_routes(http::Router& router, ServiceContext& ctx) {
  const auto bind = [&ctx](http::Response (*f)(ServiceContext&, http::Request&)) {
    return [&ctx, f](http::Request& req) { return f(ctx, req); };
  };
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/key-contacts",
              .handler = bind(list),
              .roles = members_and_staff(),
              .summary = "重点联系人（本人或指定委员；archived=true 为已归档） / key contacts",
              .tag = "contact"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/key-contacts",
              .handler = bind(create),
              .roles = {Role::member, Role::staff},
              .summary = "新增重点联系人 / add a key contact",
              .tag = "contact"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/key-contacts/{id}",
              .handler = bind(get),
              .roles = members_and_staff(),
              .summary = "联系人详情 / a key contact",
              .tag = "contact"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/key-contacts/{id}/changes",
              .handler = bind(record_change),
              .roles = {Role::member, Role::staff},
              .summary = "记录联系人变化（触发八必访） / record a change on a key contact",
              .tag = "contact"});
  router.add(
      {.method = http::Method::patch,
       .pattern = "/api/v1/key-contacts/{id}",
       .handler = bind(edit),
       .roles = {Role::member, Role::staff},
       .summary = "修改重点联系人（姓名、手机号加密保存） / edit a key contact",
       .tag = "contact",
       .request_schema =
           R"({"type":"object","additionalProperties":false,"minProperties":1,"properties":{"name":{"type":"string","minLength":1,"maxLength":30},"sector_label":{"type":["string","null"],"maxLength":30},"work_unit":{"type":["string","null"],"maxLength":60},"phone":{"type":["string","null"],"maxLength":20},"notes":{"type":["string","null"],"maxLength":500}}})"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/key-contacts/{id}/archive",
              .handler = bind(archive),
              .roles = {Role::member, Role::staff},
              .summary = "归档重点联系人（取消其未完成的走访任务） / archive a key contact",
              .tag = "contact"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/key-contacts/{id}/restore",
              .handler = bind(restore),
              .roles = {Role::member, Role::staff},
              .summary = "恢复已归档的重点联系人 / restore an archived key contact",
              .tag = "contact"});
}

}  // namespace tongxin::contact
