// src/accounts/users.cpp
#include <boost/json.hpp>

#include "accounts/accounts.hpp"
#include "accounts/internal.hpp"
#include "accounts/password.hpp"
#include "accounts/store.hpp"
#include "core/error.hpp"
#include "core/storage/db_error.hpp"
#include "core/text/text.hpp"

namespace tongxin::accounts {

namespace {

[[maybe_unused]] const bool notice_directory_installed = install_notice_directory();

std::string join_roles(const std::vector<auth::Role>& roles) {
  std::string out;
  for (const auto r : roles)
    out += (out.empty() ? "" : ",") + std::string(auth::role_name(r));
  return out;
}

Error user_not_found() {
  return Error::not_found("user.not_found", "用户不存在", "no such user");
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
  NewUser stored = u;
  stored.username = username;
  if (stored.display_name.empty()) stored.display_name = username;
  std::int64_t id = 0;
  try {
    id = store::insert_user(c, stored, join_roles(u.roles), hash, audit::now_ms());
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
  const auto id = store::set_password_hash(c, name, hash, audit::now_ms());
  if (!id) throw user_not_found();
  // A new password ends every session opened with the old one.
  store::revoke_sessions_of(c, *id);
  audit::record(c, actor, {"user.password_set", "user", *id, nullptr});
}

void set_disabled(storage::Connection& c, const audit::Actor& actor, std::string_view username,
                  bool disabled) {
  const auto id = store::set_disabled(c, text::normalize(username), disabled, audit::now_ms());
  if (!id) throw user_not_found();
  if (disabled) {
    store::revoke_sessions_of(c, *id);
    store::revoke_api_tokens_of(c, *id);
  }
  audit::record(c, actor, {disabled ? "user.disable" : "user.enable", "user", *id, nullptr});
}

std::optional<User> find_user(storage::Connection& c, std::int64_t id) {
  return store::user_by_id(c, id);
}

User get_user(storage::Connection& c, std::int64_t id) {
  auto u = find_user(c, id);
  if (!u) throw user_not_found();
  return *std::move(u);
}

UserPage list_users(storage::Connection& c, std::int64_t after_id, std::size_t limit) {
  return store::users_after(c, after_id, limit);
}

}  // namespace tongxin::accounts
