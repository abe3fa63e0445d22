// src/meetings/routes.cpp
//
// The meetings API: staff (and admins) of a conference schedule its meetings with their rolls,
// record attendance and close the roll; leaders read them; a member sees their own meetings,
// signs in on the day and asks for leave before it. Everything outside the caller's scope
// does not exist (404).
#include "meetings/routes.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

#include "core/audit/audit.hpp"
#include "core/error.hpp"
#include "core/http/actor.hpp"
#include "core/http/query_params.hpp"
#include "core/json/fields.hpp"
#include "core/paging.hpp"
#include "meetings/internal.hpp"
#include "meetings/listing.hpp"
#include "meetings/meetings.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::meetings {

namespace json = boost::json;
using auth::Role;
using FieldReader = tongxin::json::FieldReader;

namespace {

// Functions, not globals: a vector initialised at static time may throw before main.
const std::vector<Role>& staff_roles() {
  static const std::vector<Role> roles{Role::staff, Role::admin};
  return roles;
}
const std::vector<Role>& readers() {
  static const std::vector<Role> roles{Role::staff, Role::admin, Role::leader};
  return roles;
}

bool is_reader(const auth::Principal& p) {
  return p.has_any(readers());
}

json::value opt(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value opt_text(const std::string& s) {
  return s.empty() ? json::value(nullptr) : json::value(s);
}

json::object counts_json(const std::map<std::string, int>& counts) {
  json::object o;
  for (const auto& [k, v] : counts)
    o[k] = v;
  return o;
}

json::object meeting_json(const Meeting& m, const std::map<std::string, int>& counts,
                          const std::map<std::int64_t, std::string>& committees) {
  json::value committee = nullptr;
  if (m.committee_id) {
    const auto it = committees.find(*m.committee_id);
    committee = json::object{{"id", *m.committee_id},
                             {"name", it == committees.end() ? std::string() : it->second}};
  }
  return json::object{{"id", m.id},
                      {"conference_id", m.conference_id},
                      {"kind", m.kind},
                      {"title", m.title},
                      {"held_on", m.held_on},
                      {"ends_on", m.ends_on},
                      {"place", m.place},
                      {"committee_id", opt(m.committee_id)},
                      {"committee", std::move(committee)},
                      {"sign_in_from", opt_text(m.sign_in.from)},
                      {"sign_in_until", opt_text(m.sign_in.until)},
                      {"roll_closed", m.roll_closed_at.has_value()},
                      {"roll_closed_at", opt(m.roll_closed_at)},
                      {"archived", m.archived},
                      {"counts", counts_json(counts)},
                      {"created_at", m.created_at},
                      {"updated_at", m.updated_at}};
}

std::map<std::int64_t, std::string> committee_names(storage::Connection& c, const Meeting& m) {
  if (!m.committee_id) return {};
  return organisation::names_of_committees(c, {*m.committee_id});
}

json::object full_json(storage::Connection& c, const Meeting& m) {
  return meeting_json(m, roll_counts(c, m.id), committee_names(c, m));
}

// The meeting, for staff, admins and leaders whose scope holds it; 404 otherwise.
Meeting visible_meeting(storage::Connection& c, const auth::Principal& p, std::int64_t id) {
  const auto m = find_meeting(c, id);
  if (!m || !is_reader(p) || !organisation::in_scope(c, p, m->conference_id)) {
    throw detail::not_found();
  }
  return *m;
}

std::int64_t own_member(const auth::Principal& p) {
  if (!p.member_id) {
    throw Error::forbidden("meeting.no_member", "当前账户未关联委员", "not a member's account");
  }
  return *p.member_id;
}

// ?archived=true lists the archived meetings instead of the live ones.
bool archived_param(const http::Request& req) {
  const auto v = req.query_param("archived").value_or("false");
  if (v != "true" && v != "false") {
    throw Error::invalid_field("archived", "参数 archived 只能为 true 或 false",
                               "archived is true or false");
  }
  return v == "true";
}

std::string kind_param(const http::Request& req) {
  const auto v = req.query_param("kind").value_or("");
  if (!v.empty() && std::find(kinds().begin(), kinds().end(), v) == kinds().end()) {
    throw Error::invalid_field("kind", "会议类型无效", "unknown meeting kind");
  }
  return v;
}

std::string status_param(const http::Request& req) {
  const auto v = req.query_param("status").value_or("");
  if (!v.empty() && std::find(statuses().begin(), statuses().end(), v) == statuses().end()) {
    throw Error::invalid_field("status", "出勤状态无效", "unknown attendance status");
  }
  return v;
}

json::object mine_json(const Meeting& m, const MyAttendance& a, std::int64_t now) {
  const auto can = member_actions(m, a.status, now);
  return json::object{{"status", a.status},
                      {"leave_reason", a.leave_reason},
                      {"signed_in_at", opt(a.signed_in_at)},
                      {"can_sign_in", can.can_sign_in},
                      {"can_ask_leave", can.can_ask_leave}};
}

json::value opt_cursor(const std::optional<std::string>& c) {
  return c ? json::value(json::string(*c)) : json::value(nullptr);
}

// A page of meetings, newest first, as {"items", "next_cursor"}; a member's own line as "mine".
json::object page_json(const MeetingPage& page, std::int64_t now) {
  json::array items;
  for (const auto& i : page.items) {
    auto o = meeting_json(i.meeting, i.counts, page.committees);
    if (i.mine) o["mine"] = mine_json(i.meeting, *i.mine, now);
    items.push_back(std::move(o));
  }
  return json::object{{"items", std::move(items)}, {"next_cursor", opt_cursor(page.next_cursor)}};
}

// The sign-in window of a body: both keys, either one given (null or absent is empty).
std::optional<SignInWindow> window_of(const json::object& body, FieldReader& f) {
  const auto from = f.optional_string("sign_in_from", 5);
  const auto until = f.optional_string("sign_in_until", 5);
  if (!body.contains("sign_in_from") && !body.contains("sign_in_until")) return std::nullopt;
  return SignInWindow{from.value_or(""), until.value_or("")};
}

void register_meetings(http::Router& router, ServiceContext& ctx) {
  router.add(
      {.method = http::Method::get,
       .pattern = "/api/v1/meetings",
       .handler =
           [&ctx](http::Request& req) {
             const auto kind = kind_param(req);
             const auto year = http::year_query(req);
             const bool archived = archived_param(req);
             const auto cursor = paging::decode(req.query_param("cursor"));
             const auto limit = paging::limit(req.query_param("limit"));
             return ctx.db.read([&](storage::Connection& c) {
               MeetingListQuery q{organisation::conferences_in_scope(c, req.user()),
                                  kind,
                                  year,
                                  archived,
                                  cursor,
                                  limit};
               return http::Response::json(page_json(list_meetings(c, q), audit::now_ms()));
             });
           },
       .roles = readers(),
       .summary =
           "会议列表（kind=plenary|standing|chair|committee|other，year=，archived=true 为已撤销）"
           " / meetings",
       .tag = "meetings"});
  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/meetings",
       .handler =
           [&ctx](http::Request& req) {
             const auto& body = req.json();
             FieldReader f(body);
             NewMeeting m;
             const auto conference = f.optional_int("conference_id");
             m.kind =
                 f.optional_enum("kind", {"plenary", "standing", "chair", "committee", "other"})
                     .value_or("");
             if (m.kind.empty()) {
               throw Error::invalid_field("kind", "请选择会议类型", "kind is required");
             }
             m.title = f.required_string("title", 100);
             m.held_on = f.required_string("held_on", 10);
             m.ends_on = f.optional_string("ends_on", 10).value_or("");
             m.place = f.optional_string("place", 100).value_or("");
             m.committee_id = f.optional_int("committee_id");
             m.sign_in = window_of(body, f).value_or(SignInWindow{});
             if (f.has("member_ids")) m.member_ids = f.int_array("member_ids", 2000);
             f.reject_unknown();
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               const auto& p = req.user();
               m.conference_id = conference.value_or(p.conference_id);
               if (!organisation::in_scope(c, p, m.conference_id)) {
                 throw Error::invalid_field("conference_id", "政协不存在", "unknown conference");
               }
               const auto id = create_meeting(c, actor, m, audit::now_ms());
               return http::Response::json(full_json(c, detail::load(c, id)), 201);
             });
           },
       .roles = staff_roles(),
       .summary = "新建会议及应到名单（全体会议默认全体委员） / schedule a meeting with its roll",
       .tag = "meetings",
       .request_schema =
           R"({"type":"object","required":["kind","title","held_on"],"additionalProperties":false,"properties":{"conference_id":{"type":"integer"},"kind":{"enum":["plenary","standing","chair","committee","other"]},"title":{"type":"string","minLength":1,"maxLength":100},"held_on":{"type":"string","format":"date"},"ends_on":{"type":"string","format":"date"},"place":{"type":"string","maxLength":100},"committee_id":{"type":"integer"},"sign_in_from":{"type":["string","null"],"pattern":"^\\d\\d:\\d\\d$"},"sign_in_until":{"type":["string","null"],"pattern":"^\\d\\d:\\d\\d$"},"member_ids":{"type":"array","items":{"type":"integer"},"maxItems":2000}}})"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/meetings/{id}",
              .handler =
                  [&ctx](http::Request& req) {
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto& p = req.user();
                      const auto id = req.id_param();
                      const auto m = find_meeting(c, id);
                      if (!m) throw detail::not_found();
                      const auto my = p.member_id ? attendance_of(c, id, *p.member_id)
                                                  : std::optional<MyAttendance>();
                      const bool reader =
                          is_reader(p) && organisation::in_scope(c, p, m->conference_id);
                      // A member sees the live meetings on whose roll they are.
                      if (!reader && (!my || m->archived)) throw detail::not_found();
                      auto o = full_json(c, *m);
                      if (my) o["mine"] = mine_json(*m, *my, audit::now_ms());
                      return http::Response::json(o);
                    });
                  },
              .roles = {Role::staff, Role::admin, Role::leader, Role::member},
              .summary = "会议详情（含出勤统计；委员另见本人出勤） / a meeting",
              .tag = "meetings"});
  router.add(
      {.method = http::Method::patch,
       .pattern = "/api/v1/meetings/{id}",
       .handler =
           [&ctx](http::Request& req) {
             const auto& body = req.json();
             FieldReader f(body);
             MeetingEdit e;
             e.title = f.optional_string("title", 100);
             e.held_on = f.optional_string("held_on", 10);
             e.ends_on = f.optional_string("ends_on", 10);
             e.place = f.optional_string("place", 100);
             e.sign_in = window_of(body, f);
             if (f.has("member_ids")) e.member_ids = f.int_array("member_ids", 2000);
             f.reject_unknown();
             // null clears the place (the title cannot be cleared: it fails as empty).
             if (const auto* v = body.if_contains("place"); v && v->is_null()) e.place = "";
             if (const auto* v = body.if_contains("title"); v && v->is_null()) e.title = "";
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               const auto m = visible_meeting(c, req.user(), req.id_param());
               update_meeting(c, actor, m.id, e, audit::now_ms());
               return http::Response::json(full_json(c, detail::load(c, m.id)));
             });
           },
       .roles = staff_roles(),
       .summary = "修改会议（名称、日期、地点、签到时间、应到名单） / edit a meeting",
       .tag = "meetings",
       .request_schema =
           R"({"type":"object","additionalProperties":false,"minProperties":1,"properties":{"title":{"type":"string","minLength":1,"maxLength":100},"held_on":{"type":"string","format":"date"},"ends_on":{"type":"string","format":"date"},"place":{"type":["string","null"],"maxLength":100},"sign_in_from":{"type":["string","null"]},"sign_in_until":{"type":["string","null"]},"member_ids":{"type":"array","items":{"type":"integer"},"maxItems":2000}}})"});
  router.add({.method = http::Method::del,
              .pattern = "/api/v1/meetings/{id}",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      const auto m = visible_meeting(c, req.user(), req.id_param());
                      archive_meeting(c, actor, m.id, audit::now_ms());
                      return http::Response::json(full_json(c, detail::load(c, m.id)));
                    });
                  },
              .roles = staff_roles(),
              .summary = "撤销会议（归档，不再计入履职档案） / archive a meeting",
              .tag = "meetings"});
}

void register_attendance(http::Router& router, ServiceContext& ctx) {
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/meetings/{id}/attendance",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto status = status_param(req);
                    const auto cursor = paging::decode(req.query_param("cursor"));
                    const auto limit = paging::limit(req.query_param("limit"), 100, 500);
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto m = visible_meeting(c, req.user(), req.id_param());
                      const auto roll = roll_page(c, m.id, status, cursor ? cursor->id : 0, limit);
                      std::vector<std::int64_t> ids;
                      for (const auto& e : roll.items)
                        ids.push_back(e.member_id);
                      const auto names = organisation::names_of_members(c, ids);
                      json::array items;
                      for (const auto& e : roll.items) {
                        const auto name = names.find(e.member_id);
                        items.push_back(json::object{
                            {"member_id", e.member_id},
                            {"name", name == names.end() ? std::string() : name->second},
                            {"status", e.status},
                            {"leave_reason", e.leave_reason},
                            {"signed_in_at", opt(e.signed_in_at)},
                            {"updated_at", e.updated_at}});
                      }
                      return http::Response::json(
                          json::object{{"meeting_id", m.id},
                                       {"counts", counts_json(roll_counts(c, m.id))},
                                       {"items", std::move(items)},
                                       {"next_cursor", opt_cursor(roll.next_cursor)}});
                    });
                  },
              .roles = readers(),
              .summary = "会议应到名单及出勤情况（status= 按出勤状态筛选） / a meeting's roll",
              .tag = "meetings"});
  router.add(
      {.method = http::Method::put,
       .pattern = "/api/v1/meetings/{id}/attendance",
       .handler =
           [&ctx](http::Request& req) {
             const auto& body = req.json();
             for (const auto& [key, _] : body) {
               if (key != "items") {
                 throw Error(400, "validation.unknown_field", "不支持的字段：" + std::string(key),
                             "unknown field: " + std::string(key),
                             json::object{{"field", std::string_view(key)}});
               }
             }
             const auto* items = body.if_contains("items");
             if (!items || !items->is_array()) {
               throw Error::invalid_field("items", "请提供出勤登记列表 items",
                                          "items is a list of {member_id, status}");
             }
             if (items->as_array().size() > 2000) {
               throw Error::invalid_field("items", "一次最多登记2000人", "at most 2000 items");
             }
             std::vector<Mark> marks;
             std::size_t i = 0;
             for (const auto& item : items->as_array()) {
               const auto prefix = "items[" + std::to_string(i++) + "].";
               if (!item.is_object()) {
                 throw Error::invalid_field(prefix.substr(0, prefix.size() - 1),
                                            "每一项应为 {member_id, status}",
                                            "each item is {member_id, status}");
               }
               try {
                 FieldReader f(item.as_object());
                 Mark k;
                 k.member_id = f.required_int("member_id");
                 k.status = f.required_string("status", 20);
                 k.leave_reason = f.optional_string("leave_reason", 200).value_or("");
                 f.reject_unknown();
                 marks.push_back(std::move(k));
               } catch (const Error& e) {
                 // Name the item: "items[3].status".
                 const auto& d = e.details();
                 if (!d.is_object() || !d.as_object().contains("field")) throw;
                 throw Error(
                     e.status(), e.code(), e.message_zh(), e.message_en(),
                     json::object{{"field", prefix + std::string(d.at("field").as_string())}});
               }
             }
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               const auto m = visible_meeting(c, req.user(), req.id_param());
               const auto changed = record_attendance(c, actor, m.id, marks, audit::now_ms());
               return http::Response::json(
                   json::object{{"meeting_id", m.id},
                                {"changed", changed},
                                {"counts", counts_json(roll_counts(c, m.id))}});
             });
           },
       .roles = staff_roles(),
       .summary = "登记出勤（已签到、到会未签到、请假、缺席） / record attendance",
       .tag = "meetings",
       .request_schema =
           R"({"type":"object","required":["items"],"additionalProperties":false,"properties":{"items":{"type":"array","maxItems":2000,"items":{"type":"object","required":["member_id","status"],"additionalProperties":false,"properties":{"member_id":{"type":"integer"},"status":{"enum":["registered","present","excused","absent"]},"leave_reason":{"type":"string","maxLength":200}}}}}})"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/meetings/{id}/close-roll",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      const auto m = visible_meeting(c, req.user(), req.id_param());
                      const auto absent = close_roll(c, actor, m.id, audit::now_ms());
                      auto o = full_json(c, detail::load(c, m.id));
                      o["absent"] = absent;
                      return http::Response::json(o);
                    });
                  },
              .roles = staff_roles(),
              .summary = "关闭会议名册（未到且未请假者记为缺席） / close the roll",
              .tag = "meetings"});
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/meetings/{id}/sign-in",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto member = own_member(req.user());
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      const auto id = req.id_param();
                      const auto now = audit::now_ms();
                      sign_in(c, actor, id, member, now);
                      return http::Response::json(json::object{{"meeting_id", id},
                                                               {"member_id", member},
                                                               {"status", "registered"},
                                                               {"signed_in_at", now}});
                    });
                  },
              .roles = {Role::member},
              .summary = "委员会议签到（会议当天） / a member signs in",
              .tag = "meetings"});
  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/meetings/{id}/leave",
       .handler =
           [&ctx](http::Request& req) {
             FieldReader f(req.json());
             const auto reason = f.optional_string("reason", 200).value_or("");
             f.reject_unknown();
             const auto member = own_member(req.user());
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               const auto id = req.id_param();
               ask_leave(c, actor, id, member, reason, audit::now_ms());
               return http::Response::json(json::object{{"meeting_id", id},
                                                        {"member_id", member},
                                                        {"status", "excused"},
                                                        {"leave_reason", reason}});
             });
           },
       .roles = {Role::member},
       .summary = "委员请假（会议开始前，须填写事由） / a member asks for leave",
       .tag = "meetings",
       .request_schema =
           R"({"type":"object","required":["reason"],"additionalProperties":false,"properties":{"reason":{"type":"string","minLength":1,"maxLength":200}}})"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/me/meetings",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto member = own_member(req.user());
                    const auto cursor = paging::decode(req.query_param("cursor"));
                    const auto limit = paging::limit(req.query_param("limit"));
                    return ctx.db.read([&](storage::Connection& c) {
                      return http::Response::json(
                          page_json(meetings_of_member(c, member, cursor, limit), audit::now_ms()));
                    });
                  },
              .roles = {Role::member},
              .summary = "我的会议（本人出勤情况，可签到、可请假） / my meetings",
              .tag = "meetings"});
}

}  // namespace

void register_routes(http::Router& router, ServiceContext& ctx) {
  register_meetings(router, ctx);
  register_attendance(router, ctx);
}

}  // namespace tongxin::meetings
