// src/accounts/accounts.hpp
//
// The accounts module: users and their roles, sign-in with lockout, server-side sessions,
// CSRF for cookie sessions, bearer tokens for machine clients. Every attempt and every
// write leaves an audit row. Who holds which role for a member, studio, agency or
// conference is answered here for core/notify (the users table is this module's). The HTTP
// side is in accounts/routes.hpp.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/config/config.hpp"
#include "core/context.hpp"
#include "core/storage/database.hpp"

namespace tongxin::accounts {

struct NewUser {
  std::string username;
  std::string display_name;
  std::string password;
  std::vector<auth::Role> roles;
  std::int64_t conference_id = 0;
  std::optional<std::int64_t> member_id, agency_id, studio_id;
};

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::vector<auth::Role> roles;
  std::int64_t conference_id = 0;
  std::optional<std::int64_t> member_id, agency_id, studio_id;
  bool disabled = false;
};

// Validates, hashes and stores a user; audits. Error 409 accounts.username_taken.
std::int64_t create_user(storage::Connection& c, const audit::Actor& actor, const NewUser& u,
                         const config::Config& config);
void set_password(storage::Connection& c, const audit::Actor& actor, std::string_view username,
                  std::string_view new_password, const config::Config& config);
// Disabling also revokes the user's sessions and tokens.
void set_disabled(storage::Connection& c, const audit::Actor& actor, std::string_view username,
                  bool disabled);
std::optional<User> find_user(storage::Connection& c, std::int64_t id);
// As find_user; Error 404 user.not_found when there is none.
User get_user(storage::Connection& c, std::int64_t id);

struct UserPage {
  std::vector<User> items;  // by id, at most the limit asked for
  bool more = false;        // users with larger ids follow the last item
};
UserPage list_users(storage::Connection& c, std::int64_t after_id, std::size_t limit);

// Account ids notified for a member (its linked accounts), a studio (its leads), an
// agency (its 经办人) or a conference (its staff); disabled accounts are never notified.
std::vector<std::int64_t> users_of_member(storage::Connection& c, std::int64_t member_id);
std::vector<std::int64_t> leads_of_studio(storage::Connection& c, std::int64_t studio_id);
std::vector<std::int64_t> users_of_agency(storage::Connection& c, std::int64_t agency_id);
std::vector<std::int64_t> staff_of_conference(storage::Connection& c, std::int64_t conference_id);

using Clock = std::function<std::int64_t()>;  // ms since epoch; tests inject their own

struct LoginResult {
  User user;
  std::string session_token;  // goes into the cookie; only its hash is stored
  std::string csrf_token;
};
// Throws Error 401 auth.invalid_credentials with one message for unknown user, wrong
// password, locked and disabled accounts (the audit row keeps the real reason).
LoginResult login(storage::Database& db, const config::Config& config, std::string_view username,
                  std::string_view password, const audit::Actor& actor,
                  const std::string& user_agent, const Clock& now = audit::now_ms);
void logout(storage::Database& db, const audit::Actor& actor, std::int64_t session_id);

struct SessionLookup {
  auth::Principal principal;
  std::string csrf_token;
};
// The live session for a cookie token, touching last_seen_at at most once a minute;
// nullopt when unknown, revoked, idle too long, expired, or the user is disabled.
std::optional<SessionLookup> find_session(storage::Database& db, const config::Config& config,
                                          std::string_view token, const Clock& now = audit::now_ms);
std::optional<auth::Principal> find_api_token(storage::Database& db, std::string_view token);
// Issues a bearer token (returned once; stored hashed).
std::string issue_api_token(storage::Connection& c, const audit::Actor& actor, std::int64_t user_id,
                            const std::string& name);

// A random URL-safe token of 32 bytes, and the SHA-256 hex under which it is stored.
std::string random_token();
std::string token_hash(std::string_view token);

}  // namespace tongxin::accounts
