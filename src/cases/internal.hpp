// src/cases/internal.hpp
//
// What the files of the cases module share and nobody else sees: the case as loaded from
// its row, the timeline writer, the search index writer, who-is-who relative to a case.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cases/workflow.hpp"
#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/context.hpp"
#include "core/error.hpp"
#include "core/storage/connection.hpp"
#include "core/storage/search_index.hpp"

namespace tongxin::cases {

struct CaseRow {
  std::int64_t id = 0;
  std::int64_t conference_id = 0;
  std::string tracking_code;
  std::string channel;
  std::string title, text, address;
  std::optional<std::string> division_code;
  std::optional<std::int64_t> studio_id, member_id, sector_id, cluster_id, merged_into_id;
  bool chosen_by_citizen = false;
  Status status = Status::submitted;
  std::optional<std::string> outcome;
  bool anonymous = true;
  std::optional<std::string> contact_name_enc, contact_phone_enc;
  std::string contact_name_masked, contact_phone_masked;
  std::optional<std::string> reply_text, referred_to, converted_to, decline_reason;
  std::optional<std::string> rating, rating_comment;
  int reopen_count = 0;
  std::optional<std::int64_t> assigned_at, claim_due_at, reply_due_at, claimed_at, replied_at,
      rated_at, closed_at, escalated_at, reminded_at;
  int escalation_level = 0;
  std::string tokens;
  std::int64_t created_at = 0, updated_at = 0;
};

CaseRow case_from_row(const storage::Row& r);
std::optional<CaseRow> find_case(storage::Connection& c, std::int64_t id);
std::optional<CaseRow> find_case_by_code(storage::Connection& c, const std::string& code);
CaseRow load_case_or_404(storage::Connection& c, std::int64_t id);
Error case_not_found();

// The parties `p` is to case `k` (empty: none; staff checks conference scope).
std::vector<Party> parties_of(storage::Connection& c, const auth::Principal& p, const CaseRow& k);
// True when `p` may read the case (parties, or a leader/staff in scope).
bool may_read(storage::Connection& c, const auth::Principal& p, const CaseRow& k);

struct EventInput {
  std::string type;  // an action name, or "submit", "escalate", "remind", "view_contact"
  std::optional<Status> from, to;
  Party party = Party::system;
  std::optional<std::int64_t> user_id;
  std::string actor_label;  // shown on the public timeline: "张委员", "工作室", "系统"
  std::string note;
  boost::json::value detail;
  std::string remote_addr;
  bool is_public = true;
};
void add_event(storage::Connection& c, std::int64_t case_id, const EventInput& e,
               std::int64_t now_ms);

// How a member is named on a citizen's page: surname + 委员 ("王委员").
std::string member_public_label(storage::Connection& c, std::optional<std::int64_t> member_id);
std::string member_name(storage::Connection& c, std::int64_t member_id);

// Search index: writes tokens for (title, text, address) and the engine's index entry.
void index_case(storage::Connection& c, std::int64_t id, const std::string& old_tokens,
                const std::string& title, const std::string& text, const std::string& address);
// The full-text index over cases.tokens (migration 001: case_search, cases.search_vector).
const storage::SearchIndex& case_search_index();

// JSON of a case for an account (masked contact), with the actions its parties may take.
boost::json::object case_json(storage::Connection& c, const CaseRow& k,
                              const std::vector<Party>& parties);
boost::json::array timeline_json(storage::Connection& c, std::int64_t case_id, bool public_only);

// The first 20 characters of the title or text, for notices and SMS.
std::string headline(const CaseRow& k);

// Is the case past a deadline at `now` (claim for assigned, reply for in_progress)?
bool is_overdue(const CaseRow& k, std::int64_t now_ms);

// SMS to the citizen of a named case about a change (no-op for anonymous ones).
void tell_citizen(storage::Connection& c, const ServiceContext& ctx, const CaseRow& k,
                  const std::string& body, std::int64_t now_ms);

// Follow link for a tracking code.
std::string follow_url(const ServiceContext& ctx, const std::string& tracking_code);

}  // namespace tongxin::cases
