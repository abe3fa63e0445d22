// src/accounts/store.cpp
#include "accounts/store.hpp"

#include "accounts/internal.hpp"

namespace tongxin::accounts::store {

namespace {

User user_from_row(const storage::Row& row) {
  User u;
  u.id = row.int64("id");
  u.username = row.text("username");
  u.display_name = row.text("display_name");
  u.roles = parse_roles(row.text("roles"));
  u.conference_id = row.int64("conference_id");
  u.member_id = row.opt_int64("member_id");
  u.agency_id = row.opt_int64("agency_id");
  u.studio_id = row.opt_int64("studio_id");
  u.disabled = row.boolean("disabled");
  return u;
}

std::optional<std::int64_t> first_id(const storage::Result& rows) {
  if (rows.empty()) return std::nullopt;
  return rows.front().int64(0);
}

}  // namespace

std::int64_t insert_user(storage::Connection& c, const NewUser& u, const std::string& roles,
                         const std::string& password_hash, std::int64_t now) {
  return c
      .q("INSERT INTO users (username, display_name, password_hash, roles, conference_id,"
         " member_id, agency_id, studio_id, password_changed_at, created_at, updated_at)"
         " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $9) RETURNING id",
         u.username, u.display_name, password_hash, roles, u.conference_id, u.member_id,
         u.agency_id, u.studio_id, now)
      .front()
      .int64(0);
}

std::optional<User> user_by_id(storage::Connection& c, std::int64_t id) {
  const auto r = c.q("SELECT * FROM users WHERE id = $1", id);
  if (r.empty()) return std::nullopt;
  return user_from_row(r.front());
}

UserPage users_after(storage::Connection& c, std::int64_t after_id, std::size_t limit) {
  const auto rows = c.q("SELECT * FROM users WHERE id > $1 ORDER BY id LIMIT $2", after_id,
                        static_cast<std::int64_t>(limit + 1));
  UserPage page;
  page.more = rows.size() > limit;
  for (std::size_t i = 0; i < rows.size() && i < limit; ++i)
    page.items.push_back(user_from_row(rows[i]));
  return page;
}

std::optional<Credentials> credentials_of(storage::Connection& c, const std::string& username) {
  const auto r = c.q("SELECT * FROM users WHERE username = $1", username);
  if (r.empty()) return std::nullopt;
  return Credentials{user_from_row(r.front()), r.front().text("password_hash"),
                     r.front().int64("locked_until")};
}

std::optional<std::int64_t> set_password_hash(storage::Connection& c, const std::string& username,
                                              const std::string& hash, std::int64_t now) {
  return first_id(
      c.q("UPDATE users SET password_hash = $1, password_changed_at = $2, updated_at = $2,"
          " failed_logins = 0, locked_until = 0 WHERE username = $3 RETURNING id",
          hash, now, username));
}

std::optional<std::int64_t> set_disabled(storage::Connection& c, const std::string& username,
                                         bool disabled, std::int64_t now) {
  return first_id(
      c.q("UPDATE users SET disabled = $1, updated_at = $2 WHERE username = $3 RETURNING id",
          disabled, now, username));
}

std::int64_t count_failed_login(storage::Connection& c, std::int64_t user_id) {
  return c
      .q("UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1"
         " RETURNING failed_logins",
         user_id)
      .front()
      .int64(0);
}

void lock(storage::Connection& c, std::int64_t user_id, std::int64_t until) {
  c.q("UPDATE users SET failed_logins = 0, locked_until = $1 WHERE id = $2", until, user_id);
}

void clear_failed_logins(storage::Connection& c, std::int64_t user_id) {
  c.q("UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = $1", user_id);
}

std::int64_t insert_session(storage::Connection& c, const NewSession& s) {
  return c
      .q("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at,"
         " expires_at, remote_addr, user_agent) VALUES ($1, $2, $3, $4, $4, $5, $6, $7)"
         " RETURNING id",
         s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, s.remote_addr,
         s.user_agent)
      .front()
      .int64(0);
}

std::optional<StoredSession> session_by_hash(storage::Connection& c, const std::string& hash) {
  const auto r =
      c.q("SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, s.expires_at, s.revoked,"
          " u.* FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1",
          hash);
  if (r.empty()) return std::nullopt;
  const auto row = r.front();
  return StoredSession{.user = user_from_row(row),
                       .id = row.int64("session_id"),
                       .csrf_token = row.text("csrf_token"),
                       .last_seen_at = row.int64("last_seen_at"),
                       .expires_at = row.int64("expires_at"),
                       .revoked = row.boolean("revoked")};
}

void touch_session(storage::Connection& c, std::int64_t session_id, std::int64_t now) {
  c.q("UPDATE sessions SET last_seen_at = $1 WHERE id = $2", now, session_id);
}

void revoke_session(storage::Connection& c, std::int64_t session_id) {
  c.q("UPDATE sessions SET revoked = $1 WHERE id = $2", true, session_id);
}

void revoke_sessions_of(storage::Connection& c, std::int64_t user_id) {
  c.q("UPDATE sessions SET revoked = $1 WHERE user_id = $2", true, user_id);
}

std::optional<StoredToken> token_by_hash(storage::Connection& c, const std::string& hash) {
  const auto r =
      c.q("SELECT t.revoked AS token_revoked, u.* FROM api_tokens t"
          " JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1",
          hash);
  if (r.empty()) return std::nullopt;
  return StoredToken{user_from_row(r.front()), r.front().boolean("token_revoked")};
}

std::int64_t insert_api_token(storage::Connection& c, const std::string& hash, std::int64_t user_id,
                              const std::string& name, std::int64_t now) {
  return c
      .q("INSERT INTO api_tokens (token_hash, user_id, name, created_at)"
         " VALUES ($1, $2, $3, $4) RETURNING id",
         hash, user_id, name, now)
      .front()
      .int64(0);
}

void revoke_api_tokens_of(storage::Connection& c, std::int64_t user_id) {
  c.q("UPDATE api_tokens SET revoked = $1 WHERE user_id = $2", true, user_id);
}

}  // namespace tongxin::accounts::store
