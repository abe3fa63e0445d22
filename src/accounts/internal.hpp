// src/accounts/internal.hpp
//
// Shared between the accounts module's own files; not part of its interface.
#pragma once

#include <string_view>
#include <vector>

#include "accounts/accounts.hpp"
#include "core/storage/result.hpp"

namespace tongxin::accounts {

std::vector<auth::Role> parse_roles(std::string_view text);
User user_from_row(const storage::Row& row);
auth::Principal principal_of(const User& u);
boost::json::object user_json(const User& u);

}  // namespace tongxin::accounts
