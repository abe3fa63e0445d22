// src/accounts/recipients.cpp
//
// Who is notified: core/notify asks these through its Directory, which this module installs
// (core reads no domain table, and users is this module's).
#include "accounts/accounts.hpp"
#include "accounts/internal.hpp"
#include "core/notify/notify.hpp"

namespace tongxin::accounts {

namespace {

// users.roles is "role,role"; no role name contains another, so LIKE '%name%' is exact.
std::vector<std::int64_t> ids(const storage::Result& rows) {
  std::vector<std::int64_t> out;
  for (const auto& r : rows)
    out.push_back(r.int64(0));
  return out;
}

}  // namespace

std::vector<std::int64_t> users_of_member(storage::Connection& c, std::int64_t member_id) {
  return ids(c.q("SELECT id FROM users WHERE member_id = $1 AND NOT disabled", member_id));
}

std::vector<std::int64_t> users_of_agency(storage::Connection& c, std::int64_t agency_id) {
  return ids(
      c.q("SELECT id FROM users WHERE agency_id = $1 AND roles LIKE '%agency%' AND NOT"
          " disabled",
          agency_id));
}

std::vector<std::int64_t> leads_of_studio(storage::Connection& c, std::int64_t studio_id) {
  return ids(
      c.q("SELECT id FROM users WHERE studio_id = $1 AND roles LIKE '%studio_lead%'"
          " AND NOT disabled",
          studio_id));
}

std::vector<std::int64_t> staff_of_conference(storage::Connection& c, std::int64_t conference_id) {
  return ids(
      c.q("SELECT id FROM users WHERE conference_id = $1 AND roles LIKE '%staff%'"
          " AND NOT disabled",
          conference_id));
}

bool install_notice_directory() {
  notify::set_directory({.users_of_member = users_of_member,
                         .leads_of_studio = leads_of_studio,
                         .users_of_agency = users_of_agency,
                         .staff_of_conference = staff_of_conference});
  return true;
}

}  // namespace tongxin::accounts
