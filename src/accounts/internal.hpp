// src/accounts/internal.hpp
//
// Shared between the accounts module's own files; not part of its interface.
#pragma once

#include <boost/json.hpp>
#include <string_view>
#include <vector>

#include "accounts/accounts.hpp"

namespace tongxin::accounts {

std::vector<auth::Role> parse_roles(std::string_view text);
auth::Principal principal_of(const User& u);
boost::json::object user_json(const User& u);
// next_cursor of a page ordered by id: after `last_id` when more follow, else null.
boost::json::value next_cursor(bool more, std::int64_t last_id);

// Installs this module's answers to core/notify's "who is notified" (recipients.cpp). Run
// by a static initialiser in users.cpp: wherever accounts can be created, the directory is
// there too — the server and every test binary that makes users — without each of them
// having to remember a call.
bool install_notice_directory();

}  // namespace tongxin::accounts
