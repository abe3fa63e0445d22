// src/outputs/store.cpp
//
// Rows of an item, its authors and agencies, who is who to it, its timeline and numbers.
#include <algorithm>
#include <chrono>

#include "core/calendar/calendar.hpp"
#include "core/json/fields.hpp"
#include "organisation/briefs.hpp"
#include "outputs/errors.hpp"
#include "outputs/internal.hpp"
#include "outputs/output_json.hpp"

namespace tongxin::outputs {

namespace json = boost::json;

namespace {

using tongxin::json::nullable;
std::optional<int> opt_int(const storage::Row& r, std::string_view name) {
  const auto v = r.opt_int64(name);
  return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

}  // namespace

std::optional<OutputRow> find_output(storage::Connection& c, std::int64_t id) {
  const auto rows = c.q("SELECT * FROM outputs WHERE id = $1", id);
  if (rows.empty()) return std::nullopt;
  const auto r = rows.front();
  OutputRow o;
  o.id = r.int64("id");
  o.kind = parse_kind(r.text("kind")).value_or(Kind::micro_suggestion);
  o.conference_id = r.int64("conference_id");
  o.title = r.text("title");
  o.body = r.text("body");
  o.category = r.text("category");
  o.status = r.text("status");
  o.authorship = r.text("authorship");
  o.sector_id = r.opt_int64("sector_id");
  o.studio_id = r.opt_int64("studio_id");
  o.source_case_id = r.opt_int64("source_case_id");
  o.source_output_id = r.opt_int64("source_output_id");
  o.converted_to_id = r.opt_int64("converted_to_id");
  o.merged_into_id = r.opt_int64("merged_into_id");
  o.number = r.opt_text("number");
  o.term = opt_int(r, "term");
  o.session = opt_int(r, "session");
  o.in_session = r.boolean("in_session");
  o.is_key = r.boolean("is_key");
  o.is_excellent = r.boolean("is_excellent");
  o.handling_mode = r.opt_text("handling_mode");
  o.reply_class = r.opt_text("reply_class");
  o.reply_text = r.opt_text("reply_text");
  o.replied_at = r.opt_int64("replied_at");
  o.rating = r.opt_text("rating");
  o.rating_comment = r.opt_text("rating_comment");
  o.redo_count = static_cast<int>(r.int64("redo_count"));
  o.extension_days = static_cast<int>(r.int64("extension_days"));
  o.due_step = r.opt_text("due_step");
  o.due_at = r.opt_int64("due_at");
  o.reminded_at = r.opt_int64("reminded_at");
  o.supervised_at = r.opt_int64("supervised_at");
  o.submitted_at = r.opt_int64("submitted_at");
  o.accepted_at = r.opt_int64("accepted_at");
  o.closed_at = r.opt_int64("closed_at");
  o.created_by = r.opt_int64("created_by");
  o.created_at = r.int64("created_at");
  o.updated_at = r.int64("updated_at");
  return o;
}

Error not_found(Kind kind) {
  return errors::output_not_found(kind);
}

std::vector<AuthorRow> authors_of(storage::Connection& c, std::int64_t id) {
  std::vector<AuthorRow> out;
  for (const auto& r : c.q("SELECT member_id, position, confirmed_at FROM output_authors WHERE"
                           " output_id = $1 ORDER BY position",
                           id)) {
    out.push_back({r.int64(0), static_cast<int>(r.int64(1)), r.opt_int64("confirmed_at")});
  }
  return out;
}

std::vector<AgencyRow> agencies_of(storage::Connection& c, std::int64_t id) {
  std::vector<AgencyRow> out;
  for (const auto& r : c.q("SELECT agency_id, role, status FROM output_agencies WHERE"
                           " output_id = $1 AND status <> 'withdrawn' ORDER BY role DESC,"
                           " agency_id",
                           id)) {
    out.push_back({r.int64(0), r.text(1), r.text(2)});
  }
  return out;
}

std::vector<Party> parties_of(storage::Connection& c, const auth::Principal& p,
                              const OutputRow& o) {
  using auth::Role;
  std::vector<Party> out;
  if (p.member_id) {
    for (const auto& a : authors_of(c, o.id)) {
      if (a.member_id != *p.member_id) continue;
      if (a.position == 1) {
        out.push_back(Party::author);
        continue;
      }
      // A co-signer confirms for themselves; of a sector's or studio's collective item any
      // signer may also act for it as its author.
      out.push_back(Party::coauthor);
      if (o.authorship == "sector" || o.authorship == "studio") out.push_back(Party::author);
    }
  }
  if (p.agency_id) {
    for (const auto& a : agencies_of(c, o.id)) {
      if (a.agency_id == *p.agency_id && a.role == "lead" && p.has(Role::agency)) {
        out.push_back(Party::agency);
      }
    }
  }
  if (o.status != "draft" || o.created_by == p.user_id) {
    if (p.has_any({Role::staff, Role::admin}) && organisation::in_scope(c, p, o.conference_id)) {
      out.push_back(Party::staff);
    }
  }
  if (o.status != "draft" && p.has(Role::leader) && organisation::in_scope(c, p, o.conference_id)) {
    out.push_back(Party::leader);
  }
  return out;
}

bool may_read(storage::Connection& c, const auth::Principal& p, const OutputRow& o) {
  if (!parties_of(c, p, o).empty()) return true;
  if (p.agency_id && p.has(auth::Role::agency)) {
    for (const auto& a : agencies_of(c, o.id)) {
      if (a.agency_id == *p.agency_id) return true;  // an assisting agency reads
    }
  }
  return o.status != "draft" && o.studio_id && p.has(auth::Role::studio_lead) &&
         p.studio_id == o.studio_id;
}

void add_event(storage::Connection& c, std::int64_t id, const EventInput& e, std::int64_t now_ms) {
  c.x("INSERT INTO output_events (output_id, at, action, from_status, to_status, party, user_id,"
      " actor_label, note, detail, remote_addr) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
      " $11)",
      id, now_ms, e.action, e.from, e.to, std::string(party_name(e.party)), e.user_id,
      e.actor_label, e.note, e.detail.is_null() ? std::string("{}") : json::serialize(e.detail),
      e.remote_addr);
}

int next_number(storage::Connection& c, std::int64_t conference_id, Kind kind, int year) {
  const std::string k(kind_name(kind));
  const auto r =
      c.q("INSERT INTO output_numbers (conference_id, kind, year, last_number) VALUES ($1, $2,"
          " $3, 1) ON CONFLICT (conference_id, kind, year) DO UPDATE SET last_number ="
          " output_numbers.last_number + 1 RETURNING last_number",
          conference_id, k, year);
  return static_cast<int>(r.front().int64(0));
}

std::string item_link(const OutputRow& o, bool phone) {
  static const char* paths[] = {"micro-suggestions", "proposals", "opinion-reports"};
  return std::string(phone ? "/my/" : "/console/") + paths[static_cast<int>(o.kind)] + "/" +
         std::to_string(o.id);
}

OutputBrief brief_of(storage::Connection& c, const OutputRow& o, std::int64_t now_ms) {
  OutputBrief b;
  b.id = o.id;
  b.kind = o.kind;
  b.conference_id = o.conference_id;
  b.title = o.title;
  b.category = o.category;
  b.status = o.status;
  b.authorship = o.authorship;
  const auto authors = authors_of(c, o.id);
  std::vector<std::int64_t> ids;
  for (const auto& a : authors)
    ids.push_back(a.member_id);
  const auto names = organisation::names_of_members(c, ids);
  for (const auto& a : authors) {
    const auto it = names.find(a.member_id);
    if (it != names.end()) b.authors.push_back(it->second);
  }
  b.number = o.number;
  b.is_key = o.is_key;
  b.is_excellent = o.is_excellent;
  b.reply_class = o.reply_class;
  b.rating = o.rating;
  b.due_step = o.due_step;
  b.due_at = o.due_at;
  b.overdue = o.due_at.has_value() && *o.due_at < now_ms;
  b.submitted_at = o.submitted_at;
  b.accepted_at = o.accepted_at;
  b.closed_at = o.closed_at;
  b.created_at = o.created_at;
  b.updated_at = o.updated_at;
  for (const auto& a : agencies_of(c, o.id)) {
    if (a.role != "lead") continue;
    const auto ag = organisation::find_agency(c, a.agency_id);
    b.has_lead_agency = true;
    b.lead_agency = ag ? std::optional<std::string>(ag->name) : std::nullopt;
  }
  return b;
}

json::object brief_json(storage::Connection& c, const OutputRow& o, std::int64_t now_ms) {
  return brief_json(brief_of(c, o, now_ms));
}

}  // namespace tongxin::outputs
