// src/cases/intake.cpp
//
// A matter comes in: validation, the conference it belongs to, sealed contact data, the
// tracking code, the first events, photos, the search index and the audit row — one unit
// of work. A member chosen by the citizen is assigned in the same unit.
#include <sodium.h>

#include <boost/json.hpp>

#include "cases/cases.hpp"
#include "cases/internal.hpp"
#include "cases/routing.hpp"
#include "core/crypto/field_crypto.hpp"
#include "core/json/fields.hpp"
#include "core/media/photo.hpp"
#include "core/notify/notify.hpp"
#include "core/paging.hpp"
#include "organisation/briefs.hpp"
#include "organisation/division_conference.hpp"

namespace tongxin::cases {

namespace json = boost::json;

namespace {

// No 0/O, 1/I/L: read aloud or copied from an SMS without mistakes.
constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
constexpr std::size_t kCodeLength = 10;
constexpr std::size_t kMaxTextChars = 2000;
constexpr std::size_t kMaxPhotos = 4;

}  // namespace

std::string new_tracking_code() {
  std::string out;
  for (std::size_t i = 0; i < kCodeLength; ++i) {
    out += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
  }
  return out;
}

std::optional<std::string> normalize_tracking_code(std::string_view input) {
  std::string out;
  for (char ch : input) {
    if (ch == ' ' || ch == '-') continue;
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    if (kAlphabet.find(ch) == std::string_view::npos) return std::nullopt;
    out += ch;
  }
  if (out.size() != kCodeLength) return std::nullopt;
  return out;
}

Receipt submit(storage::Connection& c, const ServiceContext& ctx, const audit::Actor& actor,
               const Intake& in, std::int64_t now_ms) {
  const auto chars = tongxin::json::utf8_length(in.text);
  if (chars == 0) {
    throw Error::invalid_field("text", "请填写要反映的问题", "text is required");
  }
  if (chars > kMaxTextChars) {
    throw Error::invalid_field("text", "问题描述不能超过2000字",
                               "text is limited to 2000 characters");
  }
  if (in.photos.size() > kMaxPhotos) {
    throw Error::invalid_field("photos", "最多上传4张照片", "at most 4 photos");
  }
  std::vector<media::Photo> photos;
  for (const auto& p : in.photos)
    photos.push_back(media::accept_photo(p));

  std::optional<std::string> division;
  if (in.division_code && !in.division_code->empty()) {
    division = divisions::normalize_code(*in.division_code);
    if (!division || !ctx.divisions->find(*division)) {
      throw Error::invalid_field("division_code", "行政区划代码无效", "unknown division code");
    }
  }
  std::int64_t conference_id = 0;
  std::optional<std::int64_t> studio_id = in.studio_id;
  std::optional<organisation::MemberBrief> chosen;
  if (in.studio_id) {
    const auto s = organisation::find_studio(c, *in.studio_id);
    if (!s) throw Error::not_found("studio.not_found", "委员工作室不存在", "studio not found");
    conference_id = s->conference_id;
    if (!division) division = s->division_code;
  }
  if (in.member_id) {
    chosen = organisation::find_member(c, *in.member_id);
    if (!chosen || !chosen->is_public) {
      throw Error::not_found("member.not_found", "委员不存在", "member not found");
    }
    if (conference_id != 0 && chosen->conference_id != conference_id) {
      throw Error::invalid_field("member_id", "所选委员不属于该工作室所在政协",
                                 "the member belongs to another conference");
    }
    conference_id = chosen->conference_id;
    if (!studio_id && !chosen->studios.empty()) studio_id = chosen->studios.front().id;
  }
  if (in.conference_id) conference_id = *in.conference_id;
  if (conference_id == 0 && division)
    conference_id = organisation::conference_for_division(c, *division);
  if (conference_id == 0) {
    throw Error::invalid_field("division_code", "请选择问题所在的地区或工作室",
                               "a studio, a member or a division code is required");
  }

  std::string code;
  do {
    code = new_tracking_code();
  } while (!c.q("SELECT 1 FROM cases WHERE tracking_code = $1", code).empty());

  const bool named = !in.anonymous;
  const auto& crypto = *ctx.crypto;
  const auto id =
      c.q("INSERT INTO cases (conference_id, tracking_code, channel, title, text, address,"
          " division_code, studio_id, status, anonymous, contact_name_enc, contact_phone_enc,"
          " contact_phone_hash, contact_name_masked, contact_phone_masked,"
          " share_phone_with_agency, consent_version, consent_at, created_by, created_at,"
          " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'submitted', $9, $10, $11, $12,"
          " $13, $14, $15, $16, $17, $18, $19, $19) RETURNING id",
          conference_id, code, in.channel, in.title, in.text, in.address, division, studio_id,
          !named,
          named && !in.contact_name.empty() ? storage::Value(crypto.seal(in.contact_name))
                                            : storage::Value(storage::Null{}),
          named ? storage::Value(crypto.seal(in.contact_phone)) : storage::Value(storage::Null{}),
          named ? storage::Value(crypto.lookup_hash(in.contact_phone))
                : storage::Value(storage::Null{}),
          named ? crypto::mask_name(in.contact_name) : std::string(),
          named ? crypto::mask_phone(in.contact_phone) : std::string(),
          named && in.share_phone_with_agency, in.consent_version, now_ms, actor.user_id(), now_ms)
          .front()
          .int64(0);

  for (const auto& p : photos) {
    c.x("INSERT INTO case_photos (case_id, content_type, width, height, data_base64, created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6)",
        id, p.content_type, p.width, p.height, paging::base64url_encode(p.bytes), now_ms);
  }
  index_case(c, id, "", in.title, in.text, in.address);
  const bool by_staff = actor.principal.has_value();
  add_event(c, id,
            {.type = "submit",
             .to = Status::submitted,
             .party = by_staff ? Party::staff : Party::citizen,
             .user_id = actor.user_id(),
             .actor_label = by_staff ? "政协工作人员" : "群众",
             .note = by_staff ? "工作人员代为登记" : "群众提交诉求",
             .detail = json::object{{"channel", in.channel}, {"photos", photos.size()}},
             .remote_addr = actor.remote_addr},
            now_ms);
  audit::record(
      c, actor,
      {"case.submit", "case", id,
       json::object{{"channel", in.channel},
                    {"named", named},
                    {"studio_id", studio_id ? json::value(*studio_id) : json::value(nullptr)}}});

  Receipt receipt{id, code, "submitted"};
  if (!chosen) {
    // Routing on intake: the lead (or staff, without a studio) gets the matter with the
    // suggestions and confirms one — the suggestion never assigns by itself.
    const auto suggestions =
        suggest(c, {conference_id, in.title + " " + in.text, division, studio_id}, 3);
    std::string body;
    for (const auto& s : suggestions) {
      body += (body.empty() ? "推荐：" : "；") + s.name + "（" +
              (s.reasons.empty() ? std::string() : s.reasons.front()) + "）";
    }
    const auto recipients = studio_id ? notify::leads_of_studio(c, *studio_id)
                                      : notify::staff_of_conference(c, conference_id);
    const CaseRow k{.id = id, .title = in.title, .text = in.text};
    notify::send_all(c, recipients,
                     {"case.submitted", "新的群众诉求待分派：" + headline(k), body,
                      "/console/cases/" + std::to_string(id), "case", id},
                     now_ms);
  }
  if (chosen) {
    // 双向选择: the citizen's choice of member stands; it is assigned without a lead's step.
    c.x("UPDATE cases SET chosen_by_citizen = $2 WHERE id = $1", id, true);
    json::object body{{"member_id", chosen->id}, {"note", "群众选择的委员"}};
    if (studio_id) body["studio_id"] = *studio_id;
    audit::Actor system{std::nullopt, actor.remote_addr, actor.request_id};
    apply_action(c, ctx, system, id, Action::assign, body, now_ms);
    receipt.status = "assigned";
  }
  return receipt;
}

}  // namespace tongxin::cases
