// src/cases/service.cpp
#include "cases/service.hpp"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>

#include "cases/cases.hpp"
#include "cases/errors.hpp"
#include "core/paging.hpp"
#include "core/rate_limit/rate_limit.hpp"
#include "core/sms/sms.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::cases {

namespace json = boost::json;

namespace {

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;
constexpr std::int64_t kDayMs = 24 * kHourMs;
constexpr int kMaxCodeAttempts = 5;

std::string code_hash(const ServiceContext& ctx, const std::string& phone,
                      const std::string& code) {
  return ctx.crypto->lookup_hash("sms-code:" + phone + ":" + code);
}

}  // namespace

CaseRow readable_case(storage::Connection& c, const auth::Principal& p, std::int64_t id) {
  auto k = find_case(c, id);
  if (!k || !may_read(c, p, *k)) throw errors::case_not_found();
  return std::move(*k);
}

std::vector<PhotoRef> photos_of(storage::Connection& c, std::int64_t case_id) {
  std::vector<PhotoRef> out;
  for (const auto& r : c.q("SELECT id, content_type, width, height FROM case_photos WHERE"
                           " case_id = $1 ORDER BY id",
                           case_id)) {
    out.push_back({r.int64(0), r.text(1), r.int64(2), r.int64(3)});
  }
  return out;
}

Photo photo_of(storage::Connection& c, std::int64_t case_id, std::int64_t photo_id) {
  const auto rows =
      c.q("SELECT content_type, data_base64 FROM case_photos WHERE id = $1 AND case_id = $2",
          photo_id, case_id);
  if (rows.empty()) throw Error::not_found("photo.not_found", "照片不存在", "photo not found");
  return {rows.front().text(0), paging::base64url_decode(rows.front().text(1)).value_or("")};
}

ContactDetails view_contact(storage::Connection& c, const ServiceContext& ctx,
                            const audit::Actor& actor, const CaseRow& k, std::int64_t now_ms) {
  const auto parties = actor.principal ? parties_of(c, *actor.principal, k) : std::vector<Party>{};
  if (std::find(parties.begin(), parties.end(), Party::handler) == parties.end()) {
    throw Error::forbidden("case.contact_forbidden", "只有承办委员可以查看群众联系方式",
                           "only the handling member sees the contact");
  }
  if (k.anonymous) {
    throw Error::not_found("case.anonymous", "该诉求为匿名反映", "the case is anonymous");
  }
  ContactDetails out;
  if (k.contact_name_enc) out.name = ctx.crypto->open(*k.contact_name_enc).value_or("");
  if (k.contact_phone_enc) out.phone = ctx.crypto->open(*k.contact_phone_enc).value_or("");
  audit::record(c, actor, {"case.view_contact", "case", k.id, nullptr});
  add_event(c, k.id,
            {.type = "view_contact",
             .party = Party::handler,
             .user_id = actor.user_id(),
             .actor_label = member_public_label(c, k.member_id),
             .note = "查看群众联系方式",
             .remote_addr = actor.remote_addr,
             .is_public = false},
            now_ms);
  return out;
}

ClusterMerge merge_into_cluster(storage::Connection& c, const ServiceContext& ctx,
                                const audit::Actor& actor, std::int64_t primary,
                                const std::vector<std::int64_t>& others,
                                const std::optional<std::string>& title, std::int64_t now_ms) {
  for (const auto id : others) {
    json::object body{{"into_case_id", primary}};
    if (title) body["cluster_title"] = *title;
    if (actor.principal) readable_case(c, *actor.principal, id);
    apply_action(c, ctx, actor, id, Action::merge, body, now_ms);
  }
  const auto k = load_case_or_404(c, primary);
  return {k.cluster_id, primary, others.size()};
}

Cluster find_cluster(storage::Connection& c, const auth::Principal& p, std::int64_t id) {
  const auto rows =
      c.q("SELECT id, conference_id, title, primary_case_id, created_at FROM"
          " case_clusters WHERE id = $1",
          id);
  if (rows.empty() || !organisation::in_scope(c, p, rows.front().int64(1))) {
    throw Error::not_found("cluster.not_found", "共性问题不存在", "no such common issue");
  }
  const auto r = rows.front();
  Cluster out{r.int64(0), r.int64(1), r.text(2), r.opt_int64("primary_case_id"), r.int64(4), {}};
  for (const auto& cr : c.q("SELECT id FROM cases WHERE cluster_id = $1 ORDER BY id", out.id)) {
    out.cases.push_back(load_case_or_404(c, cr.int64(0)));
  }
  return out;
}

void send_sms_code(storage::Connection& c, const ServiceContext& ctx, const std::string& phone,
                   std::int64_t now_ms) {
  char code[7];
  std::snprintf(code, sizeof code, "%06u", randombytes_uniform(1000000));
  const auto phone_hash = ctx.crypto->lookup_hash(phone);
  rate_limit::check_and_hit(c, "sms:" + phone_hash, {{kMinuteMs, 1}, {kHourMs, 5}, {kDayMs, 10}},
                            now_ms);
  c.x("INSERT INTO sms_codes (phone_hash, code_hash, expires_at, created_at) VALUES ($1, $2, $3,"
      " $4)",
      phone_hash, code_hash(ctx, phone, code), now_ms + kSmsCodeTtlMs, now_ms);
  sms::enqueue(c, *ctx.crypto, phone, "verification",
               std::string("您的验证码为") + code + "，10分钟内有效。如非本人操作，请忽略本短信。",
               now_ms);
}

CodeCheck consume_sms_code(storage::Connection& c, const ServiceContext& ctx,
                           const std::string& phone, const std::string& code, std::int64_t now_ms) {
  const auto rows =
      c.q("SELECT id, code_hash, attempts FROM sms_codes WHERE phone_hash = $1 AND used_at IS NULL"
          " AND expires_at > $2 ORDER BY id DESC LIMIT 1",
          ctx.crypto->lookup_hash(phone), now_ms);
  if (rows.empty()) return CodeCheck::missing;
  const auto r = rows.front();
  if (r.int64("attempts") >= kMaxCodeAttempts) return CodeCheck::exhausted;
  const auto expected = r.text("code_hash");
  const auto given = code_hash(ctx, phone, code);
  if (expected.size() != given.size() ||
      sodium_memcmp(expected.data(), given.data(), expected.size()) != 0) {
    c.x("UPDATE sms_codes SET attempts = attempts + 1 WHERE id = $1", r.int64("id"));
    return CodeCheck::wrong;
  }
  c.x("UPDATE sms_codes SET used_at = $2 WHERE id = $1", r.int64("id"), now_ms);
  return CodeCheck::ok;
}

}  // namespace tongxin::cases
