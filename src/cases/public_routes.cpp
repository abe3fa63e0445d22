// src/cases/public_routes.cpp
//
// What a citizen does without an account: ask for an SMS code, submit a matter (扫码说事),
// follow it by tracking code, rate the answer. Every write is rate-limited per client
// address; SMS codes per phone number (1 a minute, 5 an hour, 10 a day).
#include <boost/json.hpp>

#include "cases/cases.hpp"
#include "cases/errors.hpp"
#include "cases/internal.hpp"
#include "cases/routes.hpp"
#include "cases/service.hpp"
#include "core/http/actor.hpp"
#include "core/json/fields.hpp"
#include "core/media/photo.hpp"
#include "core/rate_limit/rate_limit.hpp"
#include "core/sms/outbox.hpp"
#include "core/sms/sms.hpp"

namespace tongxin::cases {

namespace json = boost::json;

namespace {

constexpr std::int64_t kHourMs = 60 * 60'000;

void limit_public_writes(storage::Connection& c, const ServiceContext& ctx,
                         const http::Request& req, std::int64_t now) {
  rate_limit::check_and_hit(c, "public_write:" + req.remote_addr,
                            {{kHourMs, ctx.config.cases.public_writes_per_hour}}, now);
}

std::string require_mobile(const std::string& input, const char* field) {
  const auto phone = crypto::normalize_mobile(input);
  if (!phone)
    throw Error::invalid_field(field, "请填写正确的手机号码", "not a mainland mobile number");
  return *phone;
}

json::object public_case_json(storage::Connection& c, const CaseRow& k) {
  // A merged case shows the progress of the case it was merged into.
  json::object o{{"tracking_code", k.tracking_code},
                 {"status", status_name(k.status)},
                 {"status_label", status_label_zh(k.status)},
                 {"title", k.title},
                 {"text", k.text},
                 {"created_at", k.created_at},
                 {"events", timeline_json(c, k.id, true)},
                 {"can_rate", awaits_rating(k.status)}};
  if (k.outcome) o["outcome"] = *k.outcome;
  if (k.reply_text) o["reply"] = *k.reply_text;
  if (k.member_id) o["handler"] = member_public_label(c, k.member_id);
  if (k.rating) o["rating"] = *k.rating;
  if (k.merged_into_id) {
    if (const auto primary = find_case(c, *k.merged_into_id)) {
      json::object p{{"status", status_name(primary->status)},
                     {"status_label", status_label_zh(primary->status)},
                     {"events", timeline_json(c, primary->id, true)}};
      if (primary->reply_text) p["reply"] = *primary->reply_text;
      o["merged_into"] = std::move(p);
    }
  }
  return o;
}

CaseRow case_by_code_or_404(storage::Connection& c, const std::string& raw) {
  const auto code = normalize_tracking_code(raw);
  if (!code) throw errors::tracking_code_not_found();
  auto k = find_case_by_code(c, *code);
  if (!k) throw errors::tracking_code_not_found();
  return std::move(*k);
}

}  // namespace

void register_public_routes(http::Router& router, ServiceContext& ctx) {
  router.add({.method = http::Method::post,
              .pattern = "/api/v1/public/sms-codes",
              .handler =
                  [&ctx](http::Request& req) {
                    tongxin::json::FieldReader f(req.json());
                    const auto phone = require_mobile(f.required_string("phone", 20), "phone");
                    f.reject_unknown();
                    const auto now = audit::now_ms();
                    ctx.db.write([&](storage::Connection& c) {
                      limit_public_writes(c, ctx, req, now);
                      send_sms_code(c, ctx, phone, now);
                    });
                    return http::Response::json(
                        json::object{{"sent", true}, {"expires_in", kSmsCodeTtlMs / 1000}}, 202);
                  },
              .access = http::Access::open,
              .summary = "发送短信验证码 / send a one-time SMS code",
              .tag = "public"});

  router.add(
      {.method = http::Method::post,
       .pattern = "/api/v1/public/cases",
       .handler =
           [&ctx](http::Request& req) {
             tongxin::json::FieldReader f(req.json());
             Intake in;
             in.channel = "qr_code";
             in.text = f.required_string("text", 2000);
             in.title = f.optional_string("title", 100).value_or("");
             in.division_code = f.optional_string("division_code", 12);
             in.address = f.optional_string("address", 200).value_or("");
             in.studio_id = f.optional_int("studio_id");
             in.member_id = f.optional_int("member_id");
             in.anonymous = f.required_bool("anonymous");
             const bool consent = f.optional_bool("consent").value_or(false);
             in.share_phone_with_agency =
                 f.optional_bool("share_phone_with_agency").value_or(false);
             for (const auto& p : f.string_array("photos", 4, 12'000'000)) {
               in.photos.push_back(media::decode_base64(p));
             }
             std::string sms_code;
             if (const auto* contact = f.optional_object("contact")) {
               tongxin::json::FieldReader cf(*contact);
               in.contact_name = cf.optional_string("name", 50).value_or("");
               if (const auto phone = cf.optional_string("phone", 20)) {
                 in.contact_phone = require_mobile(*phone, "contact.phone");
               }
               sms_code = cf.optional_string("sms_code", 6).value_or("");
               cf.reject_unknown();
             }
             f.reject_unknown();
             if (!consent) {
               throw Error::invalid_field("consent", "请阅读并同意《个人信息保护告知书》后提交",
                                          "consent to the privacy notice is required");
             }
             in.consent_version = ctx.config.cases.privacy_notice_version;
             const auto now = audit::now_ms();
             if (!in.anonymous) {
               if (in.contact_phone.empty()) {
                 throw Error::invalid_field("contact.phone", "实名反映请填写手机号码",
                                            "a phone number is required unless anonymous");
               }
               if (sms_code.empty()) {
                 throw Error::invalid_field("contact.sms_code", "请填写短信验证码",
                                            "the SMS code is required");
               }
               const auto check = ctx.db.write([&](storage::Connection& c) {
                 limit_public_writes(c, ctx, req, now);
                 return consume_sms_code(c, ctx, in.contact_phone, sms_code, now);
               });
               if (check == CodeCheck::missing) {
                 throw Error::invalid_field("contact.sms_code", "验证码已过期或未发送，请重新获取",
                                            "no valid code for this number; request a new one");
               }
               if (check == CodeCheck::exhausted) {
                 throw Error::invalid_field("contact.sms_code", "验证码错误次数过多，请重新获取",
                                            "too many wrong attempts; request a new code");
               }
               if (check == CodeCheck::wrong) {
                 throw Error::invalid_field("contact.sms_code", "验证码不正确",
                                            "the SMS code is wrong");
               }
             } else {
               in.contact_name.clear();
               in.contact_phone.clear();
             }
             const auto actor = http::actor_of(req);
             const auto receipt = ctx.db.write([&](storage::Connection& c) {
               if (in.anonymous) limit_public_writes(c, ctx, req, now);
               auto r = submit(c, ctx, actor, in, now);
               if (!in.anonymous) {
                 const auto k = load_case_or_404(c, r.id);
                 tell_citizen(c, ctx, k, "您反映的问题已收到。", now);
               }
               return r;
             });
             return http::Response::json(
                 json::object{{"tracking_code", receipt.tracking_code},
                              {"status", "submitted"},
                              {"current_status", receipt.status},
                              {"follow_url", follow_url(ctx, receipt.tracking_code)}},
                 201);
           },
       .access = http::Access::open,
       .summary = "群众反映问题（扫码说事） / submit a matter",
       .tag = "public"});

  router.add({.method = http::Method::get,
              .pattern = "/api/v1/public/cases/{tracking_code}",
              .handler =
                  [&ctx](http::Request& req) {
                    return ctx.db.read([&](storage::Connection& c) {
                      const auto k = case_by_code_or_404(c, req.param("tracking_code"));
                      return http::Response::json(public_case_json(c, k));
                    });
                  },
              .access = http::Access::open,
              .summary = "按查询码查看办理进展 / follow a case",
              .tag = "public"});

  router.add({.method = http::Method::post,
              .pattern = "/api/v1/public/cases/{tracking_code}/rating",
              .handler =
                  [&ctx](http::Request& req) {
                    const auto actor = http::actor_of(req);
                    const auto now = audit::now_ms();
                    return ctx.db.write([&](storage::Connection& c) {
                      limit_public_writes(c, ctx, req, now);
                      const auto k = case_by_code_or_404(c, req.param("tracking_code"));
                      apply_action(c, ctx, actor, k.id, Action::rate, req.json(), now, true);
                      return http::Response::json(public_case_json(c, load_case_or_404(c, k.id)));
                    });
                  },
              .access = http::Access::open,
              .summary = "群众评价 / rate the answer",
              .tag = "public"});

  if (ctx.config.sms.driver == "dev") {
    // The development SMS driver's outbox, for the demo and the tests: loopback only.
    router.add(
        {.method = http::Method::get,
         .pattern = "/api/v1/dev/sms-outbox",
         .handler =
             [&ctx](http::Request& req) {
               const bool loopback = req.remote_addr == "127.0.0.1" || req.remote_addr == "::1" ||
                                     req.remote_addr.starts_with("::ffff:127.");
               if (!loopback) {
                 throw Error::not_found("route.not_found", "页面不存在", "not found");
               }
               const auto phone = req.query_param("phone");
               return ctx.db.read([&](storage::Connection& c) {
                 json::array items;
                 const auto hash = phone ? ctx.crypto->lookup_hash(
                                               crypto::normalize_mobile(*phone).value_or(*phone))
                                         : std::string();
                 for (const auto& m : sms::recent_messages(c, *ctx.crypto, hash)) {
                   items.push_back(json::object{{"id", m.id},
                                                {"phone", m.phone},
                                                {"purpose", m.purpose},
                                                {"text", sms::signed_text(ctx.config.sms, m.body)},
                                                {"status", m.status},
                                                {"created_at", m.created_at}});
                 }
                 return http::Response::json(json::object{{"items", std::move(items)}});
               });
             },
         .access = http::Access::open,
         .summary = "开发短信发件箱（仅开发驱动、仅本机） / dev SMS outbox",
         .tag = "dev"});
  }
}

}  // namespace tongxin::cases
