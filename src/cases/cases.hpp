// src/cases/cases.hpp
//
// The cases module (product.md §4, workflows.md §1): a constituent's matter from intake
// (扫码说事, reception day, visit, phone, letter) through routing, the member's handling
// and reply, to the citizen's rating; common issues (CaseCluster); Chinese full-text
// search; near-duplicate detection; deadlines on the working-day calendar with reminders,
// escalation and auto-close. Other modules use these functions, never the tables.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cases/workflow.hpp"
#include "core/audit/audit.hpp"
#include "core/context.hpp"
#include "core/storage/connection.hpp"

namespace tongxin::cases {

// A matter as it comes in. Public intake and staff entry both end here.
struct Intake {
  std::string channel = "qr_code";  // qr_code | reception_day | visit | phone | letter | online
  std::string text;
  std::string title;
  std::string address;
  std::optional<std::string> division_code;
  std::optional<std::int64_t> studio_id;
  std::optional<std::int64_t> member_id;  // the citizen's own choice (双向选择)
  bool anonymous = true;
  std::string contact_name;
  std::string contact_phone;  // normalised mobile; verified by SMS for public intake
  bool share_phone_with_agency = false;
  std::string consent_version;
  std::optional<std::int64_t> conference_id;  // staff entry; otherwise from studio/member
  std::vector<std::string> photos;            // raw bytes, checked by media::accept_photo
};

struct Receipt {
  std::int64_t id = 0;
  std::string tracking_code;
  std::string status;
};

// Validates and stores a case, its first events, photos, search tokens and audit row in the
// caller's unit of work; a member chosen by the citizen is assigned at once.
Receipt submit(storage::Connection& c, const ServiceContext& ctx, const audit::Actor& actor,
               const Intake& intake, std::int64_t now_ms);

// Applies one action of the state machine for `actor` (its principal decides the party;
// `citizen` is set when the tracking code was presented). Throws Error 409 with
// {"allowed": [...]} for a transition that is not allowed, 403 when the actor has no part in
// the case, 400 for a bad body. Returns the case id touched.
std::int64_t apply_action(storage::Connection& c, const ServiceContext& ctx,
                          const audit::Actor& actor, std::int64_t case_id, Action action,
                          const boost::json::object& body, std::int64_t now_ms,
                          bool citizen = false);

struct SweepReport {
  int reminded = 0;
  int escalated = 0;
  int closed = 0;
};
// Deadlines: reminders one working day before, escalation to the studio lead and then to
// staff after, auto-close 7 days after a reply without a rating. Idempotent: running it
// twice at the same moment changes nothing the second time.
SweepReport sweep(storage::Database& db, const ServiceContext& ctx, std::int64_t now_ms);
// The same inside the caller's unit of work (the demo seeder's transaction).
SweepReport sweep_in(storage::Connection& c, const ServiceContext& ctx, std::int64_t now_ms);

// Re-tokenises up to `batch` cases whose tokens came from an older analyzer
// (text::kAnalyzerVersion), one transaction per batch; returns how many. The sweep calls it,
// so a new analyzer reaches every row without downtime.
int reindex_stale(storage::Database& db, int batch = 500);

// What a member did with cases, for the duty record (records module): cases the member
// handled that ended with an answer, in a period [from_ms, to_ms).
struct HandledCase {
  std::int64_t id = 0;
  std::string title;
  std::string outcome;
  std::optional<std::string> rating;
  std::int64_t closed_at = 0;
};
std::vector<HandledCase> handled_cases(storage::Connection& c, std::int64_t member_id,
                                       std::int64_t from_ms, std::int64_t to_ms);

// What another module needs of a case it turns into something else (a micro-suggestion,
// a proposal, an opinion report): the matter, without the citizen. nullopt when missing.
struct CaseMatter {
  std::int64_t id = 0;
  std::int64_t conference_id = 0;
  std::string title, text;
  std::optional<std::int64_t> member_id, studio_id, sector_id;
  std::string status;
};
std::optional<CaseMatter> find_matter(storage::Connection& c, std::int64_t id);

// Progress of what a case became (its micro-suggestion was answered, its opinion report
// adopted …): a public event on the case's timeline and word to the citizen, so the update
// reaches the person who raised the matter. No-op for an unknown case.
void record_linked_progress(storage::Connection& c, const ServiceContext& ctx, std::int64_t case_id,
                            const std::string& note, std::int64_t now_ms);

// Tracking codes: 10 characters from an alphabet without 0/O/1/I/L; random, not sequential.
std::string new_tracking_code();
// Upper-cases and drops spaces and hyphens; nullopt when it cannot be a tracking code.
std::optional<std::string> normalize_tracking_code(std::string_view input);

}  // namespace tongxin::cases
