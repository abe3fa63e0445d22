// src/accounts/directory.cpp
#include "accounts/directory.hpp"

#include <string>

namespace tongxin::accounts {

namespace {

AccountRef ref_of(const storage::Row& r) {
  return {r.int64("id"), r.opt_int64("conference_id"), r.opt_int64("member_id"),
          r.opt_int64("agency_id")};
}

}  // namespace

std::optional<AccountRef> find_account(storage::Connection& c, std::string_view username) {
  const auto r =
      c.q("SELECT id, conference_id, member_id, agency_id FROM users WHERE username = $1",
          std::string(username));
  if (r.empty()) return std::nullopt;
  return ref_of(r.front());
}

std::optional<AccountRef> first_account_with_role(storage::Connection& c, std::string_view role) {
  // Roles are stored comma-separated; a role name is never part of another's.
  const auto r = c.q(
      "SELECT id, conference_id, member_id, agency_id FROM users WHERE roles LIKE $1 ORDER BY id"
      " LIMIT 1",
      "%" + std::string(role) + "%");
  if (r.empty()) return std::nullopt;
  return ref_of(r.front());
}

std::vector<std::pair<std::int64_t, std::int64_t>> member_accounts(storage::Connection& c) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& r :
       c.q("SELECT member_id, id FROM users WHERE member_id IS NOT NULL ORDER BY id"))
    out.emplace_back(r.int64(0), r.int64(1));
  return out;
}

}  // namespace tongxin::accounts
