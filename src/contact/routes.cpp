// src/contact/routes.cpp
//
// The contact-work API: grassroots units, key contacts and their changes, activities,
// must-visit triggers and visit tasks, sector days, reception rotas and days, and the
// public iCalendar feed. Members act for themselves; staff for their conference.
#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "contact/contact.hpp"
#include "core/calendar/calendar.hpp"
#include "core/crypto/field_crypto.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/http/query_params.hpp"
#include "core/json/fields.hpp"
#include "core/paging.hpp"
#include "core/text/text.hpp"
#include "organisation/briefs.hpp"
#include "organisation/organisation.hpp"

namespace tongxin::contact {

namespace json = boost::json;
using auth::Role;
using FieldReader = tongxin::json::FieldReader;

namespace {

std::string today(std::int64_t now_ms) {
  return iso_date(calendar::china_date(now_ms));
}

bool is_staff(const auth::Principal& p) {
  return p.has(Role::staff);
}

// The member an account acts as: itself, or (staff) the one named in the body.
std::int64_t acting_member(storage::Connection& c, const auth::Principal& p,
                           std::optional<std::int64_t> requested) {
  if (requested && (!p.member_id || *requested != *p.member_id)) {
    if (!is_staff(p)) {
      throw Error::forbidden("contact.not_your_member", "只能为自己登记",
                             "you act for yourself only");
    }
    const auto m = organisation::find_member(c, *requested);
    if (!m || !organisation::in_scope(c, p, m->conference_id)) {
      throw Error::invalid_field("member_id", "委员不存在", "unknown member");
    }
    return *requested;
  }
  if (!p.member_id) {
    throw Error::invalid_field("member_id", "请指定委员", "member_id is required");
  }
  return *p.member_id;
}

json::value opt(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object key_contact_json(const storage::Row& r, bool unmasked, const ServiceContext& ctx) {
  json::object o{{"id", r.int64("id")},
                 {"member_id", r.int64("member_id")},
                 {"name", r.text("name_masked")},
                 {"phone", r.text("phone_masked")},
                 {"sector_label", r.text("sector_label")},
                 {"work_unit", r.text("work_unit")},
                 {"notes", r.text("notes")},
                 {"masked", !unmasked},
                 {"archived", !r.is_null("archived_at")},
                 {"created_at", r.int64("created_at")}};
  if (unmasked) {
    o["name"] = ctx.crypto->open(r.text("name_enc")).value_or("");
    if (!r.is_null("phone_enc")) o["phone"] = ctx.crypto->open(r.text("phone_enc")).value_or("");
  }
  return o;
}

storage::Row load_contact(storage::Connection& c, storage::Result& holder, std::int64_t id,
                          const auth::Principal& p) {
  holder = c.q("SELECT * FROM key_contacts WHERE id = $1", id);
  if (holder.empty()) throw Error::not_found("key_contact.not_found", "联系人不存在", "not found");
  const auto r = holder.front();
  const bool own = p.member_id && *p.member_id == r.int64("member_id");
  if (!own && !(is_staff(p) && organisation::in_scope(c, p, r.int64("conference_id")))) {
    throw Error::not_found("key_contact.not_found", "联系人不存在", "not found");
  }
  return r;
}

// ?archived=true lists the archived rows instead of the live ones.
bool archived_param(const http::Request& req) {
  const auto v = req.query_param("archived").value_or("false");
  if (v != "true" && v != "false") {
    throw Error::invalid_field("archived", "参数 archived 只能为 true 或 false",
                               "archived is true or false");
  }
  return v == "true";
}

// A member_id query parameter: a positive integer or absent.
std::optional<std::int64_t> member_param(const http::Request& req) {
  return http::id_query(req, "member_id", "委员编号无效");
}

std::vector<std::int64_t> ids_of(const std::string& json_text) {
  std::vector<std::int64_t> out;
  boost::system::error_code ec;
  const auto v = json::parse(json_text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (x.is_int64()) out.push_back(x.as_int64());
  }
  return out;
}

// Sector id → name. Sectors belong to the organisation module, which offers no such view
// (briefs.hpp has members and studios); read like the module's joins on members.
std::map<std::int64_t, std::string> sector_names(storage::Connection& c,
                                                 const std::vector<std::int64_t>& ids,
                                                 std::optional<std::int64_t> conference_id) {
  std::map<std::int64_t, std::string> out;
  if (ids.empty()) return out;
  std::vector<storage::Value> params;
  std::string in;
  for (const auto id : ids) {
    params.emplace_back(id);
    in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  std::string sql = "SELECT id, name FROM sectors WHERE id IN (" + in + ")";
  if (conference_id) {
    params.emplace_back(*conference_id);
    sql += " AND archived_at IS NULL AND conference_id = $" + std::to_string(params.size());
  }
  for (const auto& r : c.query(sql, params))
    out[r.int64(0)] = r.text(1);
  return out;
}

json::object sector_date_json(const storage::Row& r,
                              const std::map<std::int64_t, std::string>& names,
                              std::chrono::year_month_day today) {
  json::array ids, sectors;
  for (const auto id : ids_of(r.text("sector_ids"))) {
    ids.push_back(id);
    if (const auto it = names.find(id); it != names.end())
      sectors.push_back(json::object{{"id", id}, {"name", it->second}});
  }
  const bool archived = !r.is_null("archived_at");
  json::value next = nullptr;
  if (!archived) {
    if (const auto d = next_sector_day(r.text("calendar"), static_cast<int>(r.int64("month")),
                                       static_cast<int>(r.int64("day")), today)) {
      next = json::string(iso_date(*d));
    }
  }
  const auto fired = r.opt_int64("last_fired_year");
  return json::object{{"id", r.int64("id")},
                      {"conference_id", r.int64("conference_id")},
                      {"title", r.text("title")},
                      {"calendar", r.text("calendar")},
                      {"month", r.int64("month")},
                      {"day", r.int64("day")},
                      {"sector_ids", std::move(ids)},
                      {"sectors", std::move(sectors)},
                      {"next_on", next},
                      {"last_fired_year", opt(fired)},
                      {"archived", archived},
                      {"created_at", r.int64("created_at")}};
}

// A function, not a global: a vector initialised at static time may throw before main.
const std::vector<Role>& members_and_staff() {
  static const std::vector<Role> roles{Role::member, Role::staff, Role::studio_lead, Role::leader};
  return roles;
}

// Who may list which activities (GET /api/v1/activities): staff and leaders those of their
// conference scope, filtered by member or studio as asked; a studio lead those of their own
// studio; a member their own, and those of the studios they belong to. Anything else is 403.
// Returns the filters to apply (0 = none) within the caller's conference scope.
std::pair<std::int64_t, std::int64_t> activities_filter(storage::Connection& c,
                                                        const auth::Principal& p,
                                                        std::optional<std::int64_t> member,
                                                        std::optional<std::int64_t> studio) {
  if (is_staff(p) || p.has(Role::leader)) return {member.value_or(0), studio.value_or(0)};
  const auto forbidden = [] {
    return Error::forbidden("contact.activities_forbidden",
                            "只能查看本人参加的活动或本人所在工作室的活动",
                            "your own activities and your studios' only");
  };
  const bool own_member = member && p.member_id && *member == *p.member_id;
  if (member && !own_member) {
    // Another member's activities: only within the lead's own studio.
    const bool lead_of_studio =
        studio && p.has(Role::studio_lead) && p.studio_id && *p.studio_id == *studio;
    if (!lead_of_studio) throw forbidden();
    return {*member, *studio};
  }
  if (studio && !own_member) {
    bool allowed = p.has(Role::studio_lead) && p.studio_id && *p.studio_id == *studio;
    if (!allowed && p.member_id) {
      if (const auto m = organisation::find_member(c, *p.member_id)) {
        allowed = std::any_of(m->studios.begin(), m->studios.end(),
                              [&](const auto& s) { return s.id == *studio; });
      }
    }
    if (!allowed) throw forbidden();
    return {0, *studio};
  }
  if (own_member) return {*member, studio.value_or(0)};
  // Nothing asked: a member's own activities, else a lead's studio's.
  if (p.member_id) return {*p.member_id, 0};
  if (p.has(Role::studio_lead) && p.studio_id) return {0, *p.studio_id};
  throw forbidden();
}

void register_units(http::Router& router, ServiceContext& ctx) {
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/grassroots-units",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto q = text::normalize(req.query_param("q").value_or(""));
                    const auto cursor = paging::decode(req.query_param("cursor"));
                    const auto limit = paging::limit(req.query_param("limit"));
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto rows = c.q(
                          "SELECT u.*, (SELECT COUNT(*) FROM member_units mu WHERE mu.unit_id ="
                          " u.id) AS members FROM grassroots_units u WHERE u.conference_id IN"
                          " (SELECT id FROM conferences WHERE path LIKE $1) AND u.archived_at IS"
                          " NULL AND ($2 = '' OR u.search_key LIKE $3) AND u.id > $4 ORDER BY u.id"
                          " LIMIT $5",
                          organisation::scope_path(c, req.user()) + "%", q,
                          "%" + storage::Dialect::like_escape(q) + "%", cursor ? cursor->id : 0,
                          limit + 1);
                      json::array items;
                      const auto n = std::min(rows.size(), static_cast<std::size_t>(limit));
                      for (std::size_t i = 0; i < n; ++i) {
                        const auto r = rows[i];
                        items.push_back(json::object{{"id", r.int64("id")},
                                                     {"name", r.text("name")},
                                                     {"kind", r.text("kind")},
                                                     {"division_code", r.text("division_code")},
                                                     {"address", r.text("address")},
                                                     {"members", r.int64("members")}});
                      }
                      const auto next = paging::next_by_id(rows, n);
                      return http::Response::json(
                          json::object{{"items", std::move(items)}, {"next_cursor", next}});
                    });
                  },
              .roles = members_and_staff(),
              .summary = "基层单元列表 / grassroots units",
              .tag = "contact"});
  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/grassroots-units",
       .handler =
           [&ctx](http::Request& req) {
             FieldReader f(req.json());
             const auto name = f.required_string("name", 60);
             const auto kind = f.optional_enum(
                 "kind", {"compound", "building", "village", "enterprise", "campus"});
             if (!kind) throw Error::invalid_field("kind", "请选择单元类型", "kind is required");
             const auto code = divisions::normalize_code(f.required_string("division_code", 12));
             if (!code || !ctx.divisions->find(*code)) {
               throw Error::invalid_field("division_code", "行政区划代码无效",
                                          "unknown division code");
             }
             const auto address = f.optional_string("address", 200).value_or("");
             f.reject_unknown();
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               const auto now = audit::now_ms();
               const auto id = c.q("INSERT INTO grassroots_units (conference_id, name, kind,"
                                   " division_code, address, search_key, created_at, updated_at)"
                                   " VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
                                   req.user().conference_id, name, *kind, *code, address,
                                   text::search_key(name), now)
                                   .front()
                                   .int64(0);
               audit::record(c, actor, {"grassroots_unit.create", "grassroots_unit", id, nullptr});
               return http::Response::json(json::object{{"id", id},
                                                        {"name", name},
                                                        {"kind", *kind},
                                                        {"division_code", *code},
                                                        {"address", address}},
                                           201);
             });
           },
       .roles = {Role::staff},
       .summary = "新建基层单元 / create a grassroots unit",
       .tag = "contact"});
  router.add(
      {.method = http::Method::put,
       .pattern = "/api/v1/members/{id}/grassroots-unit",
       .handler =
           [&ctx](http::Request& req) {
             FieldReader f(req.json());
             const auto unit = f.required_int("unit_id");
             f.reject_unknown();
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               const auto member = acting_member(c, req.user(), req.id_param());
               if (c.q("SELECT 1 FROM grassroots_units WHERE id = $1 AND archived_at IS NULL", unit)
                       .empty()) {
                 throw Error::invalid_field("unit_id", "基层单元不存在", "unknown unit");
               }
               c.x("INSERT INTO member_units (member_id, unit_id, since) VALUES ($1, $2, $3)"
                   " ON CONFLICT (member_id) DO UPDATE SET unit_id = excluded.unit_id,"
                   " since = excluded.since",
                   member, unit, audit::now_ms());
               audit::record(
                   c, actor,
                   {"member.grassroots_unit", "member", member, json::object{{"unit_id", unit}}});
               return http::Response::json(json::object{{"member_id", member}, {"unit_id", unit}});
             });
           },
       .roles = {Role::staff, Role::member},
       .summary = "委员联系的基层单元 / tie a member to a grassroots unit",
       .tag = "contact"});
}

void register_key_contacts(http::Router& router, ServiceContext& ctx) {
  router.add(
      {.method = http::Method::get,
       .pattern = "/api/v1/key-contacts",
       .handler =
           [&ctx](http::Request& req) {
             const auto cursor = paging::decode(req.query_param("cursor"));
             const auto limit = paging::limit(req.query_param("limit"), 50, 100);
             const bool archived = archived_param(req);
             return ctx.db.read([&](storage::Connection& c) {
               const auto& p = req.user();
               const auto member = acting_member(c, p, member_param(req));
               const auto rows =
                   c.q(std::string("SELECT * FROM key_contacts WHERE member_id = $1 AND"
                                   " archived_at IS ") +
                           (archived ? "NOT NULL" : "NULL") + " AND id > $2 ORDER BY id LIMIT $3",
                       member, cursor ? cursor->id : 0, limit + 1);
               json::array items;
               const auto n = std::min(rows.size(), static_cast<std::size_t>(limit));
               for (std::size_t i = 0; i < n; ++i) {
                 auto o = key_contact_json(rows[i], false, ctx);
                 o["open_tasks"] = c.q("SELECT COUNT(*) FROM visit_tasks WHERE key_contact_id = $1"
                                       " AND status = 'open'",
                                       rows[i].int64("id"))
                                       .front()
                                       .int64(0);
                 items.push_back(std::move(o));
               }
               const auto next = paging::next_by_id(rows, n);
               return http::Response::json(
                   json::object{{"items", std::move(items)}, {"next_cursor", next}});
             });
           },
       .roles = members_and_staff(),
       .summary = "重点联系人（本人或指定委员；archived=true 为已归档） / key contacts",
       .tag = "contact"});
  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/key-contacts",
       .handler =
           [&ctx](http::Request& req) {
             FieldReader f(req.json());
             const auto name = f.required_string("name", 30);
             const auto phone_in = f.optional_string("phone", 20);
             const auto sector = f.optional_string("sector_label", 30).value_or("");
             const auto work_unit = f.optional_string("work_unit", 60).value_or("");
             const auto notes = f.optional_string("notes", 500).value_or("");
             const auto member_in = f.optional_int("member_id");
             f.reject_unknown();
             std::optional<std::string> phone;
             if (phone_in && !phone_in->empty()) {
               phone = crypto::normalize_mobile(*phone_in);
               if (!phone)
                 throw Error::invalid_field("phone", "请填写正确的手机号码", "not a mobile number");
             }
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               const auto member = acting_member(c, req.user(), member_in);
               const auto m = organisation::find_member(c, member);
               const auto now = audit::now_ms();
               const auto id =
                   c.q("INSERT INTO key_contacts (conference_id, member_id, name_enc, name_masked,"
                       " sector_label, work_unit, phone_enc, phone_masked, notes, created_at,"
                       " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)"
                       " RETURNING id",
                       m->conference_id, member, ctx.crypto->seal(name), crypto::mask_name(name),
                       sector, work_unit,
                       phone ? storage::Value(ctx.crypto->seal(*phone))
                             : storage::Value(storage::Null{}),
                       phone ? crypto::mask_phone(*phone) : std::string(), notes, now)
                       .front()
                       .int64(0);
               audit::record(c, actor, {"key_contact.create", "key_contact", id, nullptr});
               storage::Result holder;
               return http::Response::json(
                   key_contact_json(load_contact(c, holder, id, req.user()), false, ctx), 201);
             });
           },
       .roles = {Role::member, Role::staff},
       .summary = "新增重点联系人 / add a key contact",
       .tag = "contact"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/key-contacts/{id}",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      storage::Result holder;
                      const auto r = load_contact(c, holder, req.id_param(), req.user());
                      // The member who keeps the contact sees the full details; the view is
                      // audited.
                      const bool own =
                          req.user().member_id && *req.user().member_id == r.int64("member_id");
                      if (own)
                        audit::record(c, actor,
                                      {"key_contact.view", "key_contact", r.int64("id"), nullptr});
                      auto o = key_contact_json(r, own, ctx);
                      json::array changes;
                      for (const auto& ch :
                           c.q("SELECT kind, note, created_at FROM key_contact_changes"
                               " WHERE key_contact_id = $1 ORDER BY id DESC",
                               r.int64("id"))) {
                        changes.push_back(json::object{
                            {"kind", ch.text(0)}, {"note", ch.text(1)}, {"at", ch.int64(2)}});
                      }
                      o["changes"] = std::move(changes);
                      return http::Response::json(o);
                    });
                  },
              .roles = members_and_staff(),
              .summary = "联系人详情 / a key contact",
              .tag = "contact"});
  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/key-contacts/{id}/changes",
       .handler =
           [&ctx](http::Request& req) {
             FieldReader f(req.json());
             const auto kind = f.optional_enum("kind", {"life_event", "demand", "difficulty"});
             if (!kind) throw Error::invalid_field("kind", "请选择变化类型", "kind is required");
             const auto note = f.required_string("note", 500);
             f.reject_unknown();
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               storage::Result holder;
               const auto r = load_contact(c, holder, req.id_param(), req.user());
               if (!r.is_null("archived_at")) {
                 throw Error::conflict("key_contact.archived", "联系人已归档，请先恢复",
                                       "the contact is archived; restore it first");
               }
               const auto now = audit::now_ms();
               c.x("INSERT INTO key_contact_changes (key_contact_id, kind, note, created_by, "
                   "created_at)"
                   " VALUES ($1, $2, $3, $4, $5)",
                   r.int64("id"), *kind, note, actor.user_id(), now);
               NewTrigger t;
               t.conference_id = r.int64("conference_id");
               t.occasion = *kind == "life_event" ? "life_change" : *kind;
               t.title = r.text("name_masked") + "：" + note;
               t.source = "contact_change";
               t.key_contact_id = r.int64("id");
               t.fired_on = today(now);
               t.due_days = *kind == "difficulty" ? 7 : 15;
               const auto fired = fire_trigger(c, ctx, actor, t, now);
               return http::Response::json(
                   json::object{{"trigger_id", fired.id}, {"tasks", fired.tasks}}, 201);
             });
           },
       .roles = {Role::member, Role::staff},
       .summary = "记录联系人变化（触发八必访） / record a change on a key contact",
       .tag = "contact"});
  router.add(
      {.method = http::Method::patch,
       .pattern = "/api/v1/key-contacts/{id}",
       .handler =
           [&ctx](http::Request& req) {
             const auto& body = req.json();
             FieldReader f(body);
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
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               storage::Result holder;
               const auto id = load_contact(c, holder, req.id_param(), req.user()).int64("id");
               update_key_contact(c, ctx, actor, id, e, audit::now_ms());
               storage::Result reloaded;
               return http::Response::json(
                   key_contact_json(load_contact(c, reloaded, id, req.user()), false, ctx));
             });
           },
       .roles = {Role::member, Role::staff},
       .summary = "修改重点联系人（姓名、手机号加密保存） / edit a key contact",
       .tag = "contact",
       .request_schema =
           R"({"type":"object","additionalProperties":false,"minProperties":1,"properties":{"name":{"type":"string","minLength":1,"maxLength":30},"sector_label":{"type":["string","null"],"maxLength":30},"work_unit":{"type":["string","null"],"maxLength":60},"phone":{"type":["string","null"],"maxLength":20},"notes":{"type":["string","null"],"maxLength":500}}})"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/key-contacts/{id}/archive",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      storage::Result holder;
                      const auto id =
                          load_contact(c, holder, req.id_param(), req.user()).int64("id");
                      const auto cancelled = archive_key_contact(c, actor, id, audit::now_ms());
                      storage::Result reloaded;
                      auto o =
                          key_contact_json(load_contact(c, reloaded, id, req.user()), false, ctx);
                      o["tasks_cancelled"] = cancelled;
                      return http::Response::json(o);
                    });
                  },
              .roles = {Role::member, Role::staff},
              .summary = "归档重点联系人（取消其未完成的走访任务） / archive a key contact",
              .tag = "contact"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/key-contacts/{id}/restore",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      storage::Result holder;
                      const auto id =
                          load_contact(c, holder, req.id_param(), req.user()).int64("id");
                      restore_key_contact(c, actor, id, audit::now_ms());
                      storage::Result reloaded;
                      return http::Response::json(
                          key_contact_json(load_contact(c, reloaded, id, req.user()), false, ctx));
                    });
                  },
              .roles = {Role::member, Role::staff},
              .summary = "恢复已归档的重点联系人 / restore an archived key contact",
              .tag = "contact"});
}

void register_activities(http::Router& router, ServiceContext& ctx) {
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/activities",
              .handler =
                  [&ctx](http::Request& req) {
                    FieldReader f(req.json());
                    NewActivity a;
                    a.kind = f.optional_string("kind", 20).value_or("visit");
                    a.channel = f.optional_string("channel", 20).value_or("");
                    a.held_on = f.optional_string("held_on", 10).value_or("");
                    a.place = f.optional_string("place", 100).value_or("");
                    a.studio_id = f.optional_int("studio_id");
                    a.member_ids = f.int_array("member_ids", 50);
                    a.key_contact_ids = f.int_array("key_contact_ids", 50);
                    a.reached_count = static_cast<int>(f.optional_int("reached_count").value_or(0));
                    a.summary = f.optional_string("summary", 2000).value_or("");
                    f.reject_unknown();
                    const auto& p = req.user();
                    if (a.member_ids.empty() && p.member_id) a.member_ids.push_back(*p.member_id);
                    if (!is_staff(p) && !p.has(Role::studio_lead)) {
                      // A member logs their own activities.
                      if (!p.member_id || std::find(a.member_ids.begin(), a.member_ids.end(),
                                                    *p.member_id) == a.member_ids.end()) {
                        throw Error::forbidden("contact.not_your_member", "只能登记本人参加的活动",
                                               "log your own activities");
                      }
                    }
                    a.conference_id = p.conference_id;
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      const auto r = log_activity(c, ctx, actor, a, audit::now_ms());
                      return http::Response::json(
                          json::object{{"id", r.id}, {"tasks_closed", r.tasks_closed}}, 201);
                    });
                  },
              .roles = {Role::member, Role::staff, Role::studio_lead},
              .summary = "登记履职活动（30秒快速登记） / log an activity",
              .tag = "contact"});
  router.add(
      {.method = http::Method::get,
       .pattern = "/api/v1/activities",
       .handler =
           [&ctx](http::Request& req) {
             const auto cursor = paging::decode(req.query_param("cursor"));
             const auto limit = paging::limit(req.query_param("limit"));
             const auto member_in = member_param(req);
             const auto studio_in = http::id_query(req, "studio_id", "工作室编号应为正整数");
             return ctx.db.read([&](storage::Connection& c) {
               const auto& p = req.user();
               const auto [member, studio] = activities_filter(c, p, member_in, studio_in);
               const auto rows =
                   c.q("SELECT a.* FROM activities a WHERE a.conference_id IN (SELECT id FROM"
                       " conferences WHERE path LIKE $1) AND a.revoked_at IS NULL AND ($2 = 0 OR"
                       " a.id IN (SELECT activity_id FROM activity_members WHERE member_id = $2))"
                       " AND ($3 = 0 OR a.studio_id = $3) AND ($4 = 0 OR a.id < $4)"
                       " ORDER BY a.id DESC LIMIT $5",
                       organisation::scope_path(c, p) + "%", member, studio,
                       cursor ? cursor->id : 0, limit + 1);
               json::array items;
               const auto n = std::min(rows.size(), static_cast<std::size_t>(limit));
               for (std::size_t i = 0; i < n; ++i) {
                 const auto r = rows[i];
                 json::array members;
                 for (const auto& m :
                      c.q("SELECT m.id, m.name FROM activity_members am JOIN members m"
                          " ON m.id = am.member_id WHERE am.activity_id = $1",
                          r.int64("id"))) {
                   members.push_back(json::object{{"id", m.int64(0)}, {"name", m.text(1)}});
                 }
                 items.push_back(json::object{{"id", r.int64("id")},
                                              {"kind", r.text("kind")},
                                              {"channel", r.text("channel")},
                                              {"held_on", r.text("held_on")},
                                              {"place", r.text("place")},
                                              {"studio_id", opt(r.opt_int64("studio_id"))},
                                              {"reached_count", r.int64("reached_count")},
                                              {"summary", r.text("summary")},
                                              {"members", std::move(members)}});
               }
               const auto next = paging::next_by_id(rows, n);
               return http::Response::json(
                   json::object{{"items", std::move(items)}, {"next_cursor", next}});
             });
           },
       .roles = members_and_staff(),
       .summary = "履职活动列表 / activities",
       .tag = "contact"});
}

void register_visits(http::Router& router, ServiceContext& ctx) {
  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/visit-triggers",
       .handler =
           [&ctx](http::Request& req) {
             FieldReader f(req.json());
             NewTrigger t;
             t.occasion = f.optional_enum("occasion", {"speech", "congress", "policy", "plenary"})
                              .value_or("");
             if (t.occasion.empty()) {
               throw Error::invalid_field("occasion",
                                          "请选择必访情形（重要讲话、重要会议、政策出台、全会前）",
                                          "occasion is required");
             }
             t.title = f.required_string("title", 100);
             t.sector_ids = f.int_array("sector_ids", 50);
             const auto now = audit::now_ms();
             t.fired_on = f.optional_string("fired_on", 10).value_or(today(now));
             t.due_days = static_cast<int>(f.optional_int("due_days").value_or(15));
             f.reject_unknown();
             t.conference_id = req.user().conference_id;
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               const auto r = fire_trigger(c, ctx, actor, t, now);
               return http::Response::json(json::object{{"id", r.id}, {"tasks", r.tasks}}, 201);
             });
           },
       .roles = {Role::staff},
       .summary = "发布八必访事由（生成走访任务） / fire a must-visit trigger",
       .tag = "contact"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/visit-triggers",
              .handler =
                  [&ctx](http::Request& req) {
                    return ctx.db.read([&](storage::Connection& c) {
                      json::array items;
                      for (const auto& r : c.q("SELECT t.*, (SELECT COUNT(*) FROM visit_tasks v "
                                               "WHERE v.trigger_id = t.id) AS tasks,"
                                               " (SELECT COUNT(*) FROM visit_tasks v WHERE "
                                               "v.trigger_id = t.id AND v.status = 'done') AS done"
                                               " FROM visit_triggers t WHERE t.conference_id IN "
                                               "(SELECT id FROM conferences WHERE path"
                                               " LIKE $1) ORDER BY t.id DESC LIMIT 100",
                                               organisation::scope_path(c, req.user()) + "%")) {
                        items.push_back(json::object{{"id", r.int64("id")},
                                                     {"occasion", r.text("occasion")},
                                                     {"title", r.text("title")},
                                                     {"source", r.text("source")},
                                                     {"fired_on", r.text("fired_on")},
                                                     {"due_on", r.text("due_on")},
                                                     {"tasks", r.int64("tasks")},
                                                     {"done", r.int64("done")}});
                      }
                      return http::Response::json(json::object{{"items", std::move(items)}});
                    });
                  },
              .roles = {Role::staff, Role::leader},
              .summary = "八必访事由及完成情况 / triggers and their progress",
              .tag = "contact"});
  router.add(
      {.method = http::Method::get,
       .pattern = "/api/v1/visit-tasks",
       .handler =
           [&ctx](http::Request& req) {
             const auto status = req.query_param("status").value_or("");
             const auto now = audit::now_ms();
             return ctx.db.read([&](storage::Connection& c) {
               const auto member = acting_member(c, req.user(), member_param(req));
               // Tasks cancelled with their contact show only when asked for.
               const auto rows = c.q(
                   "SELECT v.id, v.due_on, v.status, v.done_activity_id, t.title, t.occasion,"
                   " k.id AS contact_id, k.name_masked FROM visit_tasks v JOIN visit_triggers t ON"
                   " t.id = v.trigger_id JOIN key_contacts k ON k.id = v.key_contact_id WHERE"
                   " v.member_id = $1 AND (($2 = '' AND v.status <> 'cancelled') OR ($2 ="
                   " 'overdue' AND v.status = 'open' AND v.due_on < $3) OR v.status = $2)"
                   " ORDER BY v.status DESC, v.due_on, v.id LIMIT 200",
                   member, status, today(now));
               json::array items;
               for (const auto& r : rows) {
                 items.push_back(json::object{
                     {"id", r.int64("id")},
                     {"due_on", r.text("due_on")},
                     {"status", r.text("status")},
                     {"overdue", r.text("status") == "open" && r.text("due_on") < today(now)},
                     {"title", r.text("title")},
                     {"occasion", r.text("occasion")},
                     {"key_contact_id", r.int64("contact_id")},
                     {"key_contact", r.text("name_masked")},
                     {"done_activity_id", opt(r.opt_int64("done_activity_id"))}});
               }
               return http::Response::json(json::object{{"items", std::move(items)}});
             });
           },
       .roles = members_and_staff(),
       .summary = "走访任务（status=open|done|overdue|cancelled） / visit tasks",
       .tag = "contact"});
  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/sector-dates",
       .handler =
           [&ctx](http::Request& req) {
             FieldReader f(req.json());
             const auto title = f.required_string("title", 60);
             auto sectors = f.int_array("sector_ids", 50);
             const auto cal = f.optional_enum("calendar", {"solar", "lunar"}).value_or("solar");
             const auto month = f.required_int("month");
             const auto day = f.required_int("day");
             f.reject_unknown();
             // A solar day must exist in its month (29 Feb in leap years); a lunar month has
             // 29 or 30 days.
             const bool valid =
                 month >= 1 && month <= 12 && day >= 1 &&
                 (cal == "lunar"
                      ? day <= 30
                      : std::chrono::year_month_day{std::chrono::year{2024},
                                                    std::chrono::month{
                                                        static_cast<unsigned>(month)},
                                                    std::chrono::day{static_cast<unsigned>(day)}}
                            .ok());
             if (!valid) throw Error::invalid_field("day", "日期无效", "invalid month/day");
             std::sort(sectors.begin(), sectors.end());
             sectors.erase(std::unique(sectors.begin(), sectors.end()), sectors.end());
             if (sectors.empty())
               throw Error::invalid_field("sector_ids", "请选择涉及的界别",
                                          "sector_ids is required");
             json::array ids;
             for (const auto s : sectors)
               ids.push_back(s);
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               const auto conference = req.user().conference_id;
               const auto names = sector_names(c, sectors, conference);
               if (names.size() != sectors.size()) {
                 throw Error::invalid_field("sector_ids", "界别不存在或不属于本政协",
                                            "unknown sector");
               }
               const auto now = audit::now_ms();
               const auto id =
                   c.q("INSERT INTO sector_dates (conference_id, title, sector_ids, calendar,"
                       " month, day, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                       conference, title, json::serialize(ids), cal, month, day, now)
                       .front()
                       .int64(0);
               audit::record(c, actor, {"sector_date.create", "sector_date", id, nullptr});
               const auto rows = c.q("SELECT * FROM sector_dates WHERE id = $1", id);
               return http::Response::json(
                   sector_date_json(rows.front(), names, calendar::china_date(now)), 201);
             });
           },
       .roles = {Role::staff},
       .summary = "界别节日（公历或农历） / a sector's day (solar or lunar)",
       .tag = "contact"});
  router.add(
      {.method = http::Method::get,
       .pattern = "/api/v1/sector-dates",
       .handler =
           [&ctx](http::Request& req) {
             const auto cursor = paging::decode(req.query_param("cursor"));
             const auto limit = paging::limit(req.query_param("limit"), 50, 100);
             const bool archived = archived_param(req);
             const auto cal = req.query_param("calendar").value_or("");
             if (!cal.empty() && cal != "solar" && cal != "lunar") {
               throw Error::invalid_field("calendar", "历法只能为 solar（公历）或 lunar（农历）",
                                          "calendar is solar or lunar");
             }
             return ctx.db.read([&](storage::Connection& c) {
               const auto rows =
                   c.q(std::string("SELECT * FROM sector_dates WHERE conference_id IN (SELECT id"
                                   " FROM conferences WHERE path LIKE $1) AND archived_at IS ") +
                           (archived ? "NOT NULL" : "NULL") +
                           " AND ($2 = '' OR calendar = $2) AND id > $3 ORDER BY id LIMIT $4",
                       organisation::scope_path(c, req.user()) + "%", cal, cursor ? cursor->id : 0,
                       limit + 1);
               const auto n = std::min(rows.size(), static_cast<std::size_t>(limit));
               std::vector<std::int64_t> all;
               for (std::size_t i = 0; i < n; ++i) {
                 for (const auto id : ids_of(rows[i].text("sector_ids")))
                   all.push_back(id);
               }
               std::sort(all.begin(), all.end());
               all.erase(std::unique(all.begin(), all.end()), all.end());
               const auto names = sector_names(c, all, std::nullopt);
               const auto today = calendar::china_date(audit::now_ms());
               json::array items;
               for (std::size_t i = 0; i < n; ++i)
                 items.push_back(sector_date_json(rows[i], names, today));
               const auto next = paging::next_by_id(rows, n);
               return http::Response::json(
                   json::object{{"items", std::move(items)}, {"next_cursor", next}});
             });
           },
       .roles = {Role::staff},
       .summary = "界别节日列表（archived=true 为已归档；calendar=solar|lunar） / sector days",
       .tag = "contact"});
  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/sector-dates/{id}/archive",
       .handler =
           [&ctx](http::Request& req) {
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               const auto id = req.id_param();
               const auto found = c.q("SELECT conference_id FROM sector_dates WHERE id = $1", id);
               if (found.empty() ||
                   !organisation::in_scope(c, req.user(), found.front().int64(0))) {
                 throw Error::not_found("sector_date.not_found", "界别节日不存在", "not found");
               }
               const auto now = audit::now_ms();
               archive_sector_date(c, actor, id, now);
               const auto rows = c.q("SELECT * FROM sector_dates WHERE id = $1", id);
               const auto r = rows.front();
               return http::Response::json(
                   sector_date_json(r, sector_names(c, ids_of(r.text("sector_ids")), std::nullopt),
                                    calendar::china_date(now)));
             });
           },
       .roles = {Role::staff},
       .summary = "归档界别节日（不再触发） / archive a sector's day",
       .tag = "contact"});
}

void register_reception(http::Router& router, ServiceContext& ctx) {
  router.add(
      {.method = http::Method::put,
       .pattern = "/api/v1/studios/{id}/reception-rota",
       .handler =
           [&ctx](http::Request& req) {
             FieldReader f(req.json());
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
                                {"upcoming", upcoming_reception_days(c, id, today(now))}});
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
                   {"upcoming", upcoming_reception_days(c, id, today(audit::now_ms()))}});
             });
           },
       .roles = members_and_staff(),
       .summary = "工作室当前接待日安排及值班委员 / a studio's reception rota",
       .tag = "contact"});
  router.add(
      {.method = http::Method::get,
       .pattern = "/api/v1/reception-days",
       .handler =
           [&ctx](http::Request& req) {
             const auto studio = http::id_query(req, "studio_id", "工作室编号应为正整数");
             if (!studio)
               throw Error::invalid_field("studio_id", "请指定工作室", "studio_id is required");
             const auto from = req.query_param("from");
             const auto since = from ? iso_date(parse_date(*from, "from")) : today(audit::now_ms());
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
                    FieldReader f(req.json());
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
                      return http::Response::bytes(
                                 reception_days_ics(c, ctx, req.id_param(), today(audit::now_ms())),
                                 "text/calendar; charset=utf-8")
                          .header("Cache-Control", "public, max-age=3600");
                    });
                  },
              .access = http::Access::open,
              .summary = "接待日日历订阅（iCalendar） / reception days as iCalendar",
              .tag = "public"});
}

}  // namespace

void register_leader_link_routes(http::Router& router, ServiceContext& ctx);

void register_routes(http::Router& router, ServiceContext& ctx) {
  register_units(router, ctx);
  register_key_contacts(router, ctx);
  register_activities(router, ctx);
  register_visits(router, ctx);
  register_reception(router, ctx);
  register_leader_link_routes(router, ctx);
  organisation::set_reception_days_source([](storage::Connection& c, std::int64_t studio_id) {
    return upcoming_reception_days(c, studio_id, today(audit::now_ms()), 6);
  });
}

}  // namespace tongxin::contact
