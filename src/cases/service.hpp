// src/cases/service.hpp
//
// What the cases routes ask of the module beyond cases.hpp, as C++ values: a case the
// caller may read, its photos, the audited view of a citizen's contact, common issues
// (CaseCluster), and the citizen's SMS codes. Routes parse, authorise and render; these
// check the rules and call the store (internal.hpp), in the caller's unit of work.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cases/internal.hpp"
#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/context.hpp"
#include "core/storage/connection.hpp"

namespace tongxin::cases {

// The case if `p` may read it; otherwise errors::case_not_found() (missing or not visible
// look the same).
CaseRow readable_case(storage::Connection& c, const auth::Principal& p, std::int64_t id);

struct PhotoRef {
  std::int64_t id = 0;
  std::string content_type;
  std::int64_t width = 0, height = 0;
};
std::vector<PhotoRef> photos_of(storage::Connection& c, std::int64_t case_id);

struct Photo {
  std::string content_type;
  std::string bytes;
};
// A photo of the case; 404 photo.not_found when it is not one of its photos.
Photo photo_of(storage::Connection& c, std::int64_t case_id, std::int64_t photo_id);

struct ContactDetails {
  std::string name;
  std::string phone;
};
// The citizen's contact, unmasked, for the handling member only (403 otherwise, 404 for
// an anonymous case); the view is audited and recorded on the case's internal timeline.
ContactDetails view_contact(storage::Connection& c, const ServiceContext& ctx,
                            const audit::Actor& actor, const CaseRow& k, std::int64_t now_ms);

struct ClusterMerge {
  std::optional<std::int64_t> cluster_id;
  std::int64_t primary_case_id = 0;
  std::size_t merged = 0;
};
// Merges each of `others` into `primary` (a common issue titled `title`): each must be
// readable by the actor, and each merge is one action of the state machine.
ClusterMerge merge_into_cluster(storage::Connection& c, const ServiceContext& ctx,
                                const audit::Actor& actor, std::int64_t primary,
                                const std::vector<std::int64_t>& others,
                                const std::optional<std::string>& title, std::int64_t now_ms);

struct Cluster {
  std::int64_t id = 0;
  std::int64_t conference_id = 0;
  std::string title;
  std::optional<std::int64_t> primary_case_id;
  std::int64_t created_at = 0;
  std::vector<CaseRow> cases;  // in id order
};
// A common issue with its cases; 404 cluster.not_found when missing or out of scope.
Cluster find_cluster(storage::Connection& c, const auth::Principal& p, std::int64_t id);

// SMS codes that verify a citizen's number before a named submission.
enum class CodeCheck { ok, wrong, missing, exhausted };
inline constexpr std::int64_t kSmsCodeTtlMs = 10 * 60'000;
// Makes a six-digit code for `phone` (a normalised mobile) and queues the SMS. Rate limits
// per number: 1 a minute, 5 an hour, 10 a day (429 beyond).
void send_sms_code(storage::Connection& c, const ServiceContext& ctx, const std::string& phone,
                   std::int64_t now_ms);
// Checks `code` against the newest live code of `phone` and uses it up when right; a wrong
// attempt is counted (run it in its own unit of work so the count stays), five exhaust it.
CodeCheck consume_sms_code(storage::Connection& c, const ServiceContext& ctx,
                           const std::string& phone, const std::string& code, std::int64_t now_ms);

}  // namespace tongxin::cases
