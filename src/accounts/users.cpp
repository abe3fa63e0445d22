// src/accounts/users.cpp
#include <boost/json.hpp>

#include "accounts/accounts.hpp"
#include "accounts/internal.hpp"
#include "accounts/password.hpp"
#include "core/error.hpp"
#include "core/storage/db_error.hpp"
#include "core/text/text.hpp"

namespace tongxin::accounts {

namespace {

std::string join_roles(const std::vector<auth::Role>& roles) {
  std::string out;
  for (const auto r : roles)
    out += (out.empty() ? "" : ",") + std::string(auth::role_name(r));
  return out;
}

bool valid_username(std::string_view u) {
  if (u.size() < 2 || u.size() > 64) return false;
  for (const char c : u) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.')) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<auth::Role> parse_roles(std::string_view text) {
  std::vector<auth::Role> roles;
  while (!text.empty()) {
    const auto comma = text.find(',');
    if (const auto r = auth::parse_role(text.substr(0, comma))) roles.push_back(*r);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return roles;
}

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

std::int64_t create_user(storage::Connection& c, const audit::Actor& actor, const NewUser& u,
                         const config::Config& config) {
  const auto username = text::normalize(u.username);
  if (!valid_username(username)) {
    throw Error::invalid_field("username", "用户名须为 2–64 位小写字母、数字或 _ - .",
                               "username must be 2–64 of a-z 0-9 _ - .");
  }
  if (u.roles.empty()) {
    throw Error::invalid_field("roles", "至少需要一个角色", "at least one role is required");
  }
  if (u.conference_id <= 0) {
    throw Error::invalid_field("conference_id", "必须指定所属政协", "conference_id is required");
  }
  check_password_rules(u.password, username);
  const auto hash = hash_password(u.password, {config.argon2_memory_kib, config.argon2_ops});
  const auto now = audit::now_ms();
  std::int64_t id = 0;
  try {
    id = c.q("INSERT INTO users (username, display_name, password_hash, roles, conference_id,"
             " member_id, agency_id, studio_id, password_changed_at, created_at, updated_at)"
             " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $9) RETURNING id",
             username, u.display_name.empty() ? username : u.display_name, hash,
             join_roles(u.roles), u.conference_id, u.member_id, u.agency_id, u.studio_id, now)
             .front()
             .int64(0);
  } catch (const storage::DbError& e) {
    if (e.kind() != storage::DbErrorKind::unique_violation) throw;
    throw Error::conflict("accounts.username_taken", "用户名已被使用", "username is taken");
  }
  audit::record(c, actor,
                {"user.create", "user", id,
                 boost::json::object{{"username", username}, {"roles", join_roles(u.roles)}}});
  return id;
}

void set_password(storage::Connection& c, const audit::Actor& actor, std::string_view username,
                  std::string_view new_password, const config::Config& config) {
  const auto name = text::normalize(username);
  check_password_rules(new_password, name);
  const auto hash = hash_password(new_password, {config.argon2_memory_kib, config.argon2_ops});
  const auto rows =
      c.q("UPDATE users SET password_hash = $1, password_changed_at = $2, updated_at = $2,"
          " failed_logins = 0, locked_until = 0 WHERE username = $3 RETURNING id",
          hash, audit::now_ms(), name);
  if (rows.empty()) throw Error::not_found("user.not_found", "用户不存在", "no such user");
  // A new password ends every session opened with the old one.
  c.q("UPDATE sessions SET revoked = $1 WHERE user_id = $2", true, rows.front().int64(0));
  audit::record(c, actor, {"user.password_set", "user", rows.front().int64(0), nullptr});
}

void set_disabled(storage::Connection& c, const audit::Actor& actor, std::string_view username,
                  bool disabled) {
  const auto rows =
      c.q("UPDATE users SET disabled = $1, updated_at = $2 WHERE username = $3"
          " RETURNING id",
          disabled, audit::now_ms(), text::normalize(username));
  if (rows.empty()) throw Error::not_found("user.not_found", "用户不存在", "no such user");
  const auto id = rows.front().int64(0);
  if (disabled) {
    c.q("UPDATE sessions SET revoked = $1 WHERE user_id = $2", true, id);
    c.q("UPDATE api_tokens SET revoked = $1 WHERE user_id = $2", true, id);
  }
  audit::record(c, actor, {disabled ? "user.disable" : "user.enable", "user", id, nullptr});
}

std::optional<User> find_user(storage::Connection& c, std::int64_t id) {
  const auto r = c.q("SELECT * FROM users WHERE id = $1", id);
  if (r.empty()) return std::nullopt;
  return user_from_row(r.front());
}

}  // namespace tongxin::accounts
