// src/accounts/directory.hpp
//
// Who holds which account, for modules that act on behalf of users without a request (the
// demo, which replays a year of use with the actors the API would have had): a user by
// name, the first user of a role, the accounts of members. Read-only.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/storage/connection.hpp"

namespace tongxin::accounts {

struct AccountRef {
  std::int64_t id = 0;
  std::optional<std::int64_t> conference_id, member_id, agency_id;
};

std::optional<AccountRef> find_account(storage::Connection& c, std::string_view username);
// The oldest account holding `role` (a role name such as "staff").
std::optional<AccountRef> first_account_with_role(storage::Connection& c, std::string_view role);
// (member id, user id) of every account tied to a member, oldest account first.
std::vector<std::pair<std::int64_t, std::int64_t>> member_accounts(storage::Connection& c);

}  // namespace tongxin::accounts
