// src/cases/case_store.cpp
//
// Loading a case, writing its timeline and search index, and its JSON for accounts.
#include <boost/json.hpp>

#include "cases/cases.hpp"
#include "cases/errors.hpp"
#include "cases/internal.hpp"
#include "core/auth/principal.hpp"
#include "core/sms/sms.hpp"
#include "core/text/analyzer.hpp"
#include "core/text/utf8.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::cases {

namespace json = boost::json;

namespace {

json::value opt(const std::optional<std::string>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
json::value opt(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

std::string_view party_name(Party p) {
  switch (p) {
    case Party::handler:
      return "handler";
    case Party::lead:
      return "lead";
    case Party::staff:
      return "staff";
    case Party::citizen:
      return "citizen";
    case Party::system:
      return "system";
  }
  return "system";
}

}  // namespace

Error case_not_found() {
  return errors::case_not_found();
}

CaseRow case_from_row(const storage::Row& r) {
  CaseRow k;
  k.id = r.int64("id");
  k.conference_id = r.int64("conference_id");
  k.tracking_code = r.text("tracking_code");
  k.channel = r.text("channel");
  k.title = r.text("title");
  k.text = r.text("text");
  k.address = r.text("address");
  k.division_code = r.opt_text("division_code");
  k.studio_id = r.opt_int64("studio_id");
  k.member_id = r.opt_int64("member_id");
  k.sector_id = r.opt_int64("sector_id");
  k.cluster_id = r.opt_int64("cluster_id");
  k.merged_into_id = r.opt_int64("merged_into_id");
  k.chosen_by_citizen = r.boolean("chosen_by_citizen");
  k.status = parse_status(r.text("status")).value_or(Status::submitted);
  k.outcome = r.opt_text("outcome");
  k.anonymous = r.boolean("anonymous");
  k.contact_name_enc = r.opt_text("contact_name_enc");
  k.contact_phone_enc = r.opt_text("contact_phone_enc");
  k.contact_name_masked = r.text("contact_name_masked");
  k.contact_phone_masked = r.text("contact_phone_masked");
  k.reply_text = r.opt_text("reply_text");
  k.referred_to = r.opt_text("referred_to");
  k.converted_to = r.opt_text("converted_to");
  k.decline_reason = r.opt_text("decline_reason");
  k.rating = r.opt_text("rating");
  k.rating_comment = r.opt_text("rating_comment");
  k.reopen_count = static_cast<int>(r.int64("reopen_count"));
  k.assigned_at = r.opt_int64("assigned_at");
  k.claim_due_at = r.opt_int64("claim_due_at");
  k.reply_due_at = r.opt_int64("reply_due_at");
  k.claimed_at = r.opt_int64("claimed_at");
  k.replied_at = r.opt_int64("replied_at");
  k.rated_at = r.opt_int64("rated_at");
  k.closed_at = r.opt_int64("closed_at");
  k.escalated_at = r.opt_int64("escalated_at");
  k.reminded_at = r.opt_int64("reminded_at");
  k.escalation_level = static_cast<int>(r.int64("escalation_level"));
  k.tokens = r.text("tokens");
  k.created_at = r.int64("created_at");
  k.updated_at = r.int64("updated_at");
  return k;
}

// Every column but the PostgreSQL-only search vector, so rows read the same on both engines.
constexpr const char* kCaseColumns =
    "id, conference_id, tracking_code, channel, title, text, address, division_code, studio_id,"
    " member_id, chosen_by_citizen, sector_id, status, outcome, anonymous, contact_name_enc,"
    " contact_phone_enc, contact_phone_hash, contact_name_masked, contact_phone_masked,"
    " share_phone_with_agency, consent_version, consent_at, cluster_id, merged_into_id,"
    " reply_text, replied_at, referred_to, converted_to, decline_reason, rating, rating_comment,"
    " rated_at, reopen_count, assigned_at, claim_due_at, reply_due_at, claimed_at,"
    " escalation_level, escalated_at, reminded_at, closed_at, tokens, analyzer_version,"
    " created_by, created_at, updated_at";

std::optional<CaseRow> find_case(storage::Connection& c, std::int64_t id) {
  const auto rows = c.q(std::string("SELECT ") + kCaseColumns + " FROM cases WHERE id = $1", id);
  if (rows.empty()) return std::nullopt;
  return case_from_row(rows.front());
}

std::optional<CaseRow> find_case_by_code(storage::Connection& c, const std::string& code) {
  const auto rows =
      c.q(std::string("SELECT ") + kCaseColumns + " FROM cases WHERE tracking_code = $1", code);
  if (rows.empty()) return std::nullopt;
  return case_from_row(rows.front());
}

CaseRow load_case_or_404(storage::Connection& c, std::int64_t id) {
  auto k = find_case(c, id);
  if (!k) throw case_not_found();
  return std::move(*k);
}

std::vector<Party> parties_of(storage::Connection& c, const auth::Principal& p, const CaseRow& k) {
  std::vector<Party> out;
  if (p.member_id && k.member_id && *p.member_id == *k.member_id) out.push_back(Party::handler);
  if (p.has(auth::Role::studio_lead) && p.studio_id && k.studio_id &&
      *p.studio_id == *k.studio_id) {
    out.push_back(Party::lead);
  }
  if (p.has(auth::Role::staff) && organisation::in_scope(c, p, k.conference_id)) {
    out.push_back(Party::staff);
  }
  return out;
}

bool may_read(storage::Connection& c, const auth::Principal& p, const CaseRow& k) {
  if (!parties_of(c, p, k).empty()) return true;
  return p.has(auth::Role::leader) && organisation::in_scope(c, p, k.conference_id);
}

void add_event(storage::Connection& c, std::int64_t case_id, const EventInput& e,
               std::int64_t now_ms) {
  c.x("INSERT INTO case_events (case_id, at, type, from_status, to_status, actor_user_id,"
      " actor_party, actor_label, note, detail, remote_addr, is_public)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
      case_id, now_ms, e.type,
      e.from ? storage::Value(std::string(status_name(*e.from))) : storage::Value(storage::Null{}),
      e.to ? storage::Value(std::string(status_name(*e.to))) : storage::Value(storage::Null{}),
      e.user_id, std::string(party_name(e.party)), e.actor_label, e.note,
      e.detail.is_null() ? storage::Value(storage::Null{})
                         : storage::Value(json::serialize(e.detail)),
      e.remote_addr, e.is_public);
}

std::string member_name(storage::Connection& c, std::int64_t member_id) {
  const auto names = organisation::names_of_members(c, {member_id});
  const auto it = names.find(member_id);
  return it == names.end() ? std::string() : it->second;
}

std::string member_public_label(storage::Connection& c, std::optional<std::int64_t> member_id) {
  if (!member_id) return "委员";
  const auto name = member_name(c, *member_id);
  if (name.empty()) return "委员";
  const auto starts = text::codepoint_starts(name);
  // Two-character surnames (欧阳, 司马, …) are rare enough that the first character reads right.
  return name.substr(0, starts.size() > 1 ? starts[1] : name.size()) + "委员";
}

void index_case(storage::Connection& c, std::int64_t id, const std::string& old_tokens,
                const std::string& title, const std::string& text, const std::string& address) {
  const auto tokens = text::index_text(title + " " + text + " " + address);
  c.x("UPDATE cases SET tokens = $2, analyzer_version = $3 WHERE id = $1", id, tokens,
      text::kAnalyzerVersion);
  case_search_index().put(c, id, old_tokens, tokens);
}

const storage::SearchIndex& case_search_index() {
  static const storage::SearchIndex index{"cases", "case_search", "search_vector"};
  return index;
}

std::string headline(const CaseRow& k) {
  const std::string& t = k.title.empty() ? k.text : k.title;
  const auto starts = text::codepoint_starts(t);
  if (starts.size() <= 21) return t;
  return t.substr(0, starts[20]) + "…";
}

std::vector<HandledCase> handled_cases(storage::Connection& c, std::int64_t member_id,
                                       std::int64_t from_ms, std::int64_t to_ms) {
  std::vector<HandledCase> out;
  for (const auto& r :
       c.q("SELECT id, title, text, outcome, rating, closed_at FROM cases WHERE member_id = $1"
           " AND status = 'closed' AND outcome IN ('solved', 'partly_solved', 'explained',"
           " 'referred', 'converted') AND closed_at >= $2 AND closed_at < $3 ORDER BY closed_at",
           member_id, from_ms, to_ms)) {
    CaseRow k;
    k.title = r.text(1);
    k.text = r.text(2);
    out.push_back({r.int64(0), headline(k), r.text(3), r.opt_text("rating"), r.int64(5)});
  }
  return out;
}

int reindex_stale(storage::Database& db, int batch) {
  return db.write([&](storage::Connection& c) {
    const auto rows =
        c.q("SELECT id, title, text, address, tokens FROM cases WHERE"
            " analyzer_version < $1 ORDER BY id LIMIT $2",
            text::kAnalyzerVersion, batch);
    for (const auto& r : rows) {
      index_case(c, r.int64(0), r.text(4), r.text(1), r.text(2), r.text(3));
    }
    return static_cast<int>(rows.size());
  });
}

bool is_overdue(const CaseRow& k, std::int64_t now_ms) {
  if (k.status == Status::assigned && k.claim_due_at) return now_ms > *k.claim_due_at;
  if (k.status == Status::in_progress && k.reply_due_at) return now_ms > *k.reply_due_at;
  return false;
}

json::object case_json(storage::Connection& c, const CaseRow& k,
                       const std::vector<Party>& parties) {
  json::array allowed;
  for (const auto a : allowed_actions(k.status, parties))
    allowed.emplace_back(action_name(a));
  json::array party_names;
  for (const auto p : parties)
    party_names.emplace_back(party_name(p));
  json::object o{
      {"id", k.id},
      {"conference_id", k.conference_id},
      {"tracking_code", k.tracking_code},
      {"channel", k.channel},
      {"title", k.title},
      {"text", k.text},
      {"address", k.address},
      {"division_code", opt(k.division_code)},
      {"studio_id", opt(k.studio_id)},
      {"member_id", opt(k.member_id)},
      {"chosen_by_citizen", k.chosen_by_citizen},
      {"sector_id", opt(k.sector_id)},
      {"status", status_name(k.status)},
      {"status_label", status_label_zh(k.status)},
      {"outcome", opt(k.outcome)},
      {"anonymous", k.anonymous},
      {"contact", k.anonymous ? json::value(nullptr)
                              : json::value(json::object{{"name", k.contact_name_masked},
                                                         {"phone", k.contact_phone_masked},
                                                         {"masked", true}})},
      {"cluster_id", opt(k.cluster_id)},
      {"merged_into_id", opt(k.merged_into_id)},
      {"reply", opt(k.reply_text)},
      {"referred_to", opt(k.referred_to)},
      {"converted_to", opt(k.converted_to)},
      {"decline_reason", opt(k.decline_reason)},
      {"rating", opt(k.rating)},
      {"rating_comment", opt(k.rating_comment)},
      {"reopen_count", k.reopen_count},
      {"assigned_at", opt(k.assigned_at)},
      {"claim_due_at", opt(k.claim_due_at)},
      {"reply_due_at", opt(k.reply_due_at)},
      {"claimed_at", opt(k.claimed_at)},
      {"replied_at", opt(k.replied_at)},
      {"rated_at", opt(k.rated_at)},
      {"closed_at", opt(k.closed_at)},
      {"escalation_level", k.escalation_level},
      {"overdue", is_overdue(k, audit::now_ms())},
      {"created_at", k.created_at},
      {"updated_at", k.updated_at},
      {"allowed_actions", std::move(allowed)},
      {"my_parties", std::move(party_names)}};
  if (k.member_id) o["member_name"] = member_name(c, *k.member_id);
  if (k.studio_id) {
    const auto s = organisation::find_studio(c, *k.studio_id);
    o["studio_name"] = s ? json::value(s->name) : json::value(nullptr);
  }
  return o;
}

json::array timeline_json(storage::Connection& c, std::int64_t case_id, bool public_only) {
  json::array out;
  for (const auto& r : c.q("SELECT * FROM case_events WHERE case_id = $1 ORDER BY id", case_id)) {
    if (public_only && !r.boolean("is_public")) continue;
    json::object e{{"at", r.int64("at")},
                   {"type", r.text("type")},
                   {"from", opt(r.opt_text("from_status"))},
                   {"to", opt(r.opt_text("to_status"))},
                   {"actor", r.text("actor_label")},
                   {"note", r.text("note")}};
    if (!public_only) {
      e["id"] = r.int64("id");
      e["party"] = r.text("actor_party");
      e["user_id"] = opt(r.opt_int64("actor_user_id"));
      e["remote_addr"] = r.text("remote_addr");
      if (const auto d = r.opt_text("detail")) e["detail"] = json::parse(*d);
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::string follow_url(const ServiceContext& ctx, const std::string& tracking_code) {
  return ctx.config.public_base_url + "/t/" + tracking_code;
}

void tell_citizen(storage::Connection& c, const ServiceContext& ctx, const CaseRow& k,
                  const std::string& body, std::int64_t now_ms) {
  if (k.anonymous || !k.contact_phone_enc) return;
  const auto phone = ctx.crypto->open(*k.contact_phone_enc);
  if (!phone) return;
  sms::enqueue(c, *ctx.crypto, *phone, "case_update",
               body + " 查询码" + k.tracking_code + "，详情：" + follow_url(ctx, k.tracking_code),
               now_ms);
}

std::optional<CaseMatter> find_matter(storage::Connection& c, std::int64_t id) {
  const auto k = find_case(c, id);
  if (!k) return std::nullopt;
  return CaseMatter{
      k->id,        k->conference_id, k->title,     k->text,
      k->member_id, k->studio_id,     k->sector_id, std::string(status_name(k->status))};
}

void record_linked_progress(storage::Connection& c, const ServiceContext& ctx, std::int64_t case_id,
                            const std::string& note, std::int64_t now_ms) {
  const auto k = find_case(c, case_id);
  if (!k) return;
  add_event(c, k->id,
            {.type = "linked_progress",
             .from = k->status,
             .to = k->status,
             .party = Party::system,
             .actor_label = "系统",
             .note = note},
            now_ms);
  tell_citizen(c, ctx, *k, "您反映的“" + headline(*k) + "”有新进展：" + note, now_ms);
}

}  // namespace tongxin::cases
