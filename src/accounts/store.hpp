// src/accounts/store.hpp
//
// The SQL of the accounts module (users, sessions, api_tokens); users.cpp and sessions.cpp
// hold the rules (validation, hashing, lockout, timeouts, audit) and call these. Not part
// of the module's interface.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "accounts/accounts.hpp"
#include "core/storage/connection.hpp"

namespace tongxin::accounts::store {

// `u.username` already normalised; throws DbError unique_violation for a taken name.
std::int64_t insert_user(storage::Connection& c, const NewUser& u, const std::string& roles,
                         const std::string& password_hash, std::int64_t now);
std::optional<User> user_by_id(storage::Connection& c, std::int64_t id);
UserPage users_after(storage::Connection& c, std::int64_t after_id, std::size_t limit);

struct Credentials {
  User user;
  std::string password_hash;
  std::int64_t locked_until = 0;
};
std::optional<Credentials> credentials_of(storage::Connection& c, const std::string& username);

// Both also clear failed sign-ins and the lock; nullopt when no such user.
std::optional<std::int64_t> set_password_hash(storage::Connection& c, const std::string& username,
                                              const std::string& hash, std::int64_t now);
std::optional<std::int64_t> set_disabled(storage::Connection& c, const std::string& username,
                                         bool disabled, std::int64_t now);

// Returns the failures counted so far, this one included.
std::int64_t count_failed_login(storage::Connection& c, std::int64_t user_id);
void lock(storage::Connection& c, std::int64_t user_id, std::int64_t until);
void clear_failed_logins(storage::Connection& c, std::int64_t user_id);

struct NewSession {
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0, expires_at = 0;
  std::string remote_addr, user_agent;
};
std::int64_t insert_session(storage::Connection& c, const NewSession& s);

struct StoredSession {
  User user;
  std::int64_t id = 0;
  std::string csrf_token;
  std::int64_t last_seen_at = 0, expires_at = 0;
  bool revoked = false;
};
std::optional<StoredSession> session_by_hash(storage::Connection& c, const std::string& hash);
void touch_session(storage::Connection& c, std::int64_t session_id, std::int64_t now);
void revoke_session(storage::Connection& c, std::int64_t session_id);
void revoke_sessions_of(storage::Connection& c, std::int64_t user_id);

struct StoredToken {
  User user;
  bool revoked = false;
};
std::optional<StoredToken> token_by_hash(storage::Connection& c, const std::string& hash);
std::int64_t insert_api_token(storage::Connection& c, const std::string& hash, std::int64_t user_id,
                              const std::string& name, std::int64_t now);
void revoke_api_tokens_of(storage::Connection& c, std::int64_t user_id);

}  // namespace tongxin::accounts::store
