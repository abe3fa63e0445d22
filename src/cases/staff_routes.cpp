// src/cases/staff_routes.cpp
//
// Cases for accounts: lists with filters and search, one case with its timeline, staff
// entry of a matter, actions, similar cases, common issues, routing preview, and the
// audited view of a citizen's contact details.
#include <boost/json.hpp>

#include "cases/cases.hpp"
#include "cases/errors.hpp"
#include "cases/internal.hpp"
#include "cases/list.hpp"
#include "cases/routes.hpp"
#include "cases/routing.hpp"
#include "cases/service.hpp"
#include "cases/similar.hpp"
#include "core/divisions/divisions.hpp"
#include "core/http/actor.hpp"
#include "core/http/query_params.hpp"
#include "core/json/fields.hpp"

namespace tongxin::cases {

namespace json = boost::json;
using auth::Role;

namespace {

std::optional<std::int64_t> id_param(const http::Request& req, std::string_view name) {
  return http::id_query(req, name, "参数应为正整数");
}

json::value suggestions_json(const std::vector<Suggestion>& list) {
  json::array out;
  for (const auto& s : list) {
    json::array reasons;
    for (const auto& r : s.reasons)
      reasons.emplace_back(r);
    out.push_back(json::object{{"member_id", s.member_id},
                               {"name", s.name},
                               {"sector", s.sector},
                               {"studio_id", s.studio_id ? json::value(*s.studio_id) : nullptr},
                               {"studio", s.studio},
                               {"score", s.score},
                               {"reasons", std::move(reasons)}});
  }
  return out;
}

json::array similar_json(storage::Connection& c, const std::vector<SimilarCase>& list) {
  json::array out;
  for (const auto& s : list) {
    const auto k = find_case(c, s.case_id);
    if (!k) continue;
    json::array reasons;
    for (const auto& r : s.similarity.reasons)
      reasons.emplace_back(r);
    out.push_back(
        json::object{{"case_id", k->id},
                     {"tracking_code", k->tracking_code},
                     {"title", k->title},
                     {"text", k->text},
                     {"address", k->address},
                     {"division_code", k->division_code ? json::value(*k->division_code) : nullptr},
                     {"status", status_name(k->status)},
                     {"status_label", status_label_zh(k->status)},
                     {"cluster_id", k->cluster_id ? json::value(*k->cluster_id) : nullptr},
                     {"created_at", k->created_at},
                     {"score", s.similarity.score},
                     {"text_score", s.similarity.text},
                     {"place_score", s.similarity.place},
                     {"reasons", std::move(reasons)}});
  }
  return out;
}

// A function, not a global: a vector initialised at static time may throw before main.
const std::vector<Role>& case_roles() {
  static const std::vector<Role> roles{Role::staff, Role::studio_lead, Role::member, Role::leader};
  return roles;
}

}  // namespace

void register_routes(http::Router& router, ServiceContext& ctx) {
  register_public_routes(router, ctx);

  router.add({.method = http::Method::get,
              .pattern = "/api/v1/cases",
              .handler =
                  [&ctx](http::Request& req) {
                    ListFilter f;
                    if (const auto s = req.query_param("status"); s && !s->empty()) {
                      std::string_view rest = *s;
                      while (!rest.empty()) {
                        const auto comma = rest.find(',');
                        f.statuses.emplace_back(rest.substr(0, comma));
                        rest = comma == std::string_view::npos ? "" : rest.substr(comma + 1);
                      }
                    }
                    f.studio_id = id_param(req, "studio_id");
                    f.member_id = id_param(req, "member_id");
                    f.sector_id = id_param(req, "sector_id");
                    f.cluster_id = id_param(req, "cluster_id");
                    if (const auto d = req.query_param("division_code"); d && !d->empty()) {
                      f.division_code = divisions::normalize_code(*d);
                      if (!f.division_code) throw errors::malformed_division_code();
                    }
                    f.overdue = http::flag_query(req, "overdue");
                    f.unsatisfied = http::flag_query(req, "unsatisfied");
                    f.escalated = http::flag_query(req, "escalated");
                    f.mine = http::flag_query(req, "mine");
                    f.q = req.query_param("q").value_or("");
                    if (tongxin::json::utf8_length(f.q) > 100) {
                      throw Error::invalid_field("q", "搜索词不能超过100字",
                                                 "q is limited to 100 characters");
                    }
                    f.cursor = paging::decode(req.query_param("cursor"));
                    f.limit = paging::limit(req.query_param("limit"));
                    return ctx.db.read([&](storage::Connection& c) {
                      return http::Response::json(
                          list_json(list_cases(c, req.user(), f, audit::now_ms())));
                    });
                  },
              .roles = case_roles(),
              .summary = "诉求列表（筛选、全文检索） / list and search cases",
              .tag = "cases"});

  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/cases",
       .handler =
           [&ctx](http::Request& req) {
             tongxin::json::FieldReader f(req.json());
             Intake in;
             in.channel =
                 f.optional_enum("channel", {"reception_day", "visit", "phone", "letter", "online"})
                     .value_or("");
             if (in.channel.empty()) {
               throw Error::invalid_field("channel",
                                          "请选择来源渠道（接待日、走访、电话、来信、网上）",
                                          "channel is required");
             }
             in.text = f.required_string("text", 2000);
             in.title = f.optional_string("title", 100).value_or("");
             in.division_code = f.optional_string("division_code", 12);
             in.address = f.optional_string("address", 200).value_or("");
             in.studio_id = f.optional_int("studio_id");
             in.member_id = f.optional_int("member_id");
             in.anonymous = true;
             if (const auto* contact = f.optional_object("contact")) {
               tongxin::json::FieldReader cf(*contact);
               in.contact_name = cf.optional_string("name", 50).value_or("");
               if (const auto phone = cf.optional_string("phone", 20)) {
                 const auto p = crypto::normalize_mobile(*phone);
                 if (!p)
                   throw Error::invalid_field("contact.phone", "请填写正确的手机号码",
                                              "not a mobile number");
                 in.contact_phone = *p;
                 in.anonymous = false;
               }
               cf.reject_unknown();
             }
             // The citizen agreed in person; staff record the notice version they were shown.
             if (!f.optional_bool("consent").value_or(false)) {
               throw Error::invalid_field("consent", "请确认群众已知悉并同意《个人信息保护告知书》",
                                          "the citizen's consent is required");
             }
             in.consent_version = ctx.config.cases.privacy_notice_version;
             f.reject_unknown();
             const auto& p = req.user();
             in.conference_id = p.conference_id;
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               const auto r = submit(c, ctx, actor, in, audit::now_ms());
               const auto k = load_case_or_404(c, r.id);
               return http::Response::json(case_json(c, k, parties_of(c, p, k)), 201);
             });
           },
       .roles = {Role::staff, Role::studio_lead, Role::member},
       .summary = "登记群众诉求（接待日、走访、电话） / enter a case",
       .tag = "cases"});

  router.add({.method = http::Method::get,
              .pattern = "/api/v1/cases/{id}",
              .handler =
                  [&ctx](http::Request& req) {
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto k = readable_case(c, req.user(), req.id_param());
                      auto o = case_json(c, k, parties_of(c, req.user(), k));
                      o["events"] = timeline_json(c, k.id, false);
                      json::array photos;
                      for (const auto& ph : photos_of(c, k.id)) {
                        photos.push_back(
                            json::object{{"id", ph.id},
                                         {"url", "/api/v1/cases/" + std::to_string(k.id) +
                                                     "/photos/" + std::to_string(ph.id)},
                                         {"width", ph.width},
                                         {"height", ph.height}});
                      }
                      o["photos"] = std::move(photos);
                      return http::Response::json(o);
                    });
                  },
              .roles = case_roles(),
              .summary = "诉求详情与时间线 / a case with its timeline",
              .tag = "cases"});

  router.add({.method = http::Method::get,
              .pattern = "/api/v1/cases/{id}/photos/{photo_id}",
              .handler =
                  [&ctx](http::Request& req) {
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto k = readable_case(c, req.user(), req.id_param());
                      auto photo = photo_of(c, k.id, req.id_param("photo_id"));
                      return http::Response::bytes(std::move(photo.bytes), photo.content_type)
                          .header("Cache-Control", "private, max-age=3600");
                    });
                  },
              .roles = case_roles(),
              .summary = "诉求照片 / a case photo",
              .tag = "cases"});

  router.add({.method = http::Method::post,
              .pattern = "/api/v1/cases/{id}/actions",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto& body = req.json();
                    const auto it = body.find("action");
                    if (it == body.end() || !it->value().is_string()) {
                      throw errors::action_required();
                    }
                    const auto action = parse_action(it->value().as_string());
                    if (!action || *action == Action::rate) {
                      throw Error::invalid_field("action", "未知的操作", "unknown action");
                    }
                    json::object rest = body;
                    rest.erase("action");
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      const auto id = req.id_param();
                      readable_case(c, req.user(), id);
                      apply_action(c, ctx, actor, id, *action, rest, audit::now_ms());
                      const auto k = load_case_or_404(c, id);
                      auto o = case_json(c, k, parties_of(c, req.user(), k));
                      o["events"] = timeline_json(c, k.id, false);
                      return http::Response::json(o);
                    });
                  },
              .roles = case_roles(),
              .summary = "诉求办理操作（分派、接单、答复、转化、转交、退回、合并、重新办理、办结） "
                         "/ act on a case",
              .tag = "cases"});

  router.add({.method = http::Method::get,
              .pattern = "/api/v1/cases/{id}/contact",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto actor = http::actor_of(req);
                    return ctx.db.write([&](storage::Connection& c) {
                      const auto k = readable_case(c, req.user(), req.id_param());
                      const auto contact = view_contact(c, ctx, actor, k, audit::now_ms());
                      return http::Response::json(json::object{
                          {"name", contact.name}, {"phone", contact.phone}, {"masked", false}});
                    });
                  },
              .roles = {Role::member},
              .summary = "查看群众联系方式（仅承办委员，留痕） / the citizen's contact (audited)",
              .tag = "cases"});

  router.add({.method = http::Method::get,
              .pattern = "/api/v1/cases/{id}/similar",
              .handler =
                  [&ctx](http::Request& req) {
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto k = readable_case(c, req.user(), req.id_param());
                      return http::Response::json(
                          json::object{{"items", similar_json(c, find_similar(c, k.id))}});
                    });
                  },
              .roles = case_roles(),
              .summary = "相似诉求 / similar cases with scores",
              .tag = "cases"});

  router.add({.method = http::Method::get,
              .pattern = "/api/v1/cases/{id}/routing",
              .handler =
                  [&ctx](http::Request& req) {
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto k = readable_case(c, req.user(), req.id_param());
                      RoutingInput in{k.conference_id, k.title + " " + k.text, k.division_code,
                                      k.studio_id};
                      return http::Response::json(
                          json::object{{"suggestions", suggestions_json(suggest(c, in))}});
                    });
                  },
              .roles = {Role::staff, Role::studio_lead},
              .summary = "诉求的委员推荐 / routing suggestions for a case",
              .tag = "cases"});

  router.add({.method = http::Method::post,
              .pattern = "/api/v1/routing/preview",
              .handler =
                  [&ctx](http::Request& req) {
                    tongxin::json::FieldReader f(req.json());
                    RoutingInput in;
                    in.text = f.required_string("text", 2000);
                    if (const auto d = f.optional_string("division_code", 12)) {
                      in.division_code = divisions::normalize_code(*d);
                      if (!in.division_code) throw errors::malformed_division_code();
                    }
                    in.studio_id = f.optional_int("studio_id");
                    in.conference_id =
                        f.optional_int("conference_id").value_or(req.user().conference_id);
                    f.reject_unknown();
                    return ctx.db.read([&](storage::Connection& c) {
                      if (!organisation::in_scope(c, req.user(), in.conference_id)) {
                        throw Error::forbidden("conference.out_of_scope", "无权访问该政协的数据",
                                               "conference out of scope");
                      }
                      return http::Response::json(
                          json::object{{"suggestions", suggestions_json(suggest(c, in))}});
                    });
                  },
              .roles = {Role::staff, Role::studio_lead},
              .summary = "委员推荐预览 / routing preview",
              .tag = "cases"});

  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/case-clusters",
       .handler =
           [&ctx](http::Request& req) {
             tongxin::json::FieldReader f(req.json());
             const auto primary = f.required_int("primary_case_id");
             const auto others = f.int_array("case_ids", 50);
             const auto title = f.optional_string("title", 100);
             f.reject_unknown();
             if (others.empty()) {
               throw Error::invalid_field("case_ids", "请选择要合并的诉求", "case_ids is required");
             }
             const auto actor = http::actor_of(req);
             return ctx.db.write([&](storage::Connection& c) {
               const auto m =
                   merge_into_cluster(c, ctx, actor, primary, others, title, audit::now_ms());
               return http::Response::json(
                   json::object{{"cluster_id", tongxin::json::nullable(m.cluster_id)},
                                {"primary_case_id", m.primary_case_id},
                                {"merged", m.merged}},
                   201);
             });
           },
       .roles = {Role::staff, Role::studio_lead},
       .summary = "合并为共性问题 / merge cases into a common issue",
       .tag = "cases"});

  router.add({.method = http::Method::get,
              .pattern = "/api/v1/case-clusters/{id}",
              .handler =
                  [&ctx](http::Request& req) {
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto cluster = find_cluster(c, req.user(), req.id_param());
                      json::array cases;
                      for (const auto& k : cluster.cases)
                        cases.push_back(case_json(c, k, parties_of(c, req.user(), k)));
                      return http::Response::json(json::object{
                          {"id", cluster.id},
                          {"title", cluster.title},
                          {"primary_case_id", tongxin::json::nullable(cluster.primary_case_id)},
                          {"created_at", cluster.created_at},
                          {"cases", std::move(cases)}});
                    });
                  },
              .roles = {Role::staff, Role::studio_lead, Role::leader},
              .summary = "共性问题详情 / a common issue and its cases",
              .tag = "cases"});
}

}  // namespace tongxin::cases
