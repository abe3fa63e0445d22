// src/accounts/sessions.cpp
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <boost/json.hpp>
#include <stdexcept>

#include "accounts/accounts.hpp"
#include "accounts/internal.hpp"
#include "accounts/password.hpp"
#include "accounts/store.hpp"
#include "core/error.hpp"
#include "core/paging.hpp"
#include "core/text/text.hpp"

namespace tongxin::accounts {

namespace {

constexpr std::int64_t kTouchEveryMs = 60'000;

Error invalid_credentials() {
  return Error::unauthorized("auth.invalid_credentials", "用户名或密码错误",
                             "wrong username or password");
}

void audit_attempt(storage::Database& db, const audit::Actor& actor, std::string_view username,
                   std::optional<std::int64_t> user_id, const char* outcome) {
  db.write([&](storage::Connection& c) {
    audit::record(
        c, actor,
        {std::string("auth.login_") + (std::string_view(outcome) == "ok" ? "ok" : "failed"), "user",
         user_id,
         boost::json::object{{"username", std::string(username).substr(0, 64)},
                             {"reason", outcome}}});
  });
}

}  // namespace

std::string random_token() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("no randomness");
  return paging::base64url_encode(std::string_view(reinterpret_cast<char*>(bytes), sizeof bytes));
}

std::string token_hash(std::string_view token) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(token.data(), token.size(), digest, &len, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned i = 0; i < len; ++i) {
    out += kHex[digest[i] >> 4];
    out += kHex[digest[i] & 0xF];
  }
  return out;
}

auth::Principal principal_of(const User& u) {
  auth::Principal p;
  p.user_id = u.id;
  p.username = u.username;
  p.roles = u.roles;
  p.conference_id = u.conference_id;
  p.member_id = u.member_id;
  p.agency_id = u.agency_id;
  p.studio_id = u.studio_id;
  return p;
}

LoginResult login(storage::Database& db, const config::Config& config, std::string_view username,
                  std::string_view password, const audit::Actor& actor,
                  const std::string& user_agent, const Clock& now) {
  const auto name = text::normalize(username);
  const HashCost cost{config.argon2_memory_kib, config.argon2_ops};
  const auto stored =
      db.read([&](storage::Connection& c) { return store::credentials_of(c, name); });
  // The slow hash runs outside any transaction, and always runs.
  const bool password_ok =
      verify_password(stored ? stored->password_hash : dummy_hash(cost), password);
  const auto t = now();
  if (!stored) {
    audit_attempt(db, actor, name, std::nullopt, "unknown_user");
    throw invalid_credentials();
  }
  if (stored->user.disabled) {
    audit_attempt(db, actor, name, stored->user.id, "disabled");
    throw invalid_credentials();
  }
  if (stored->locked_until > t) {
    audit_attempt(db, actor, name, stored->user.id, "locked");
    throw invalid_credentials();
  }
  if (!password_ok) {
    db.write([&](storage::Connection& c) {
      const auto failures = store::count_failed_login(c, stored->user.id);
      const bool lock = failures >= config.lockout_failures;
      if (lock) {
        const auto until =
            t +
            std::chrono::duration_cast<std::chrono::milliseconds>(config.lockout_duration).count();
        store::lock(c, stored->user.id, until);
      }
      audit::record(
          c, actor,
          {"auth.login_failed", "user", stored->user.id,
           boost::json::object{{"username", name},
                               {"reason", lock ? "wrong_password_locked" : "wrong_password"},
                               {"failures", failures}}});
    });
    throw invalid_credentials();
  }
  LoginResult result{stored->user, random_token(), random_token()};
  const auto absolute =
      std::chrono::duration_cast<std::chrono::milliseconds>(config.session_absolute_timeout)
          .count();
  db.write([&](storage::Connection& c) {
    store::clear_failed_logins(c, stored->user.id);
    const auto sid = store::insert_session(c, {.token_hash = token_hash(result.session_token),
                                               .user_id = stored->user.id,
                                               .csrf_token = result.csrf_token,
                                               .created_at = t,
                                               .expires_at = t + absolute,
                                               .remote_addr = actor.remote_addr,
                                               .user_agent = user_agent.substr(0, 300)});
    audit::record(c, actor,
                  {"auth.login_ok", "user", stored->user.id,
                   boost::json::object{{"username", name}, {"session_id", sid}}});
  });
  return result;
}

void logout(storage::Database& db, const audit::Actor& actor, std::int64_t session_id) {
  db.write([&](storage::Connection& c) {
    store::revoke_session(c, session_id);
    audit::record(c, actor, {"auth.logout", "session", session_id, nullptr});
  });
}

std::optional<SessionLookup> find_session(storage::Database& db, const config::Config& config,
                                          std::string_view token, const Clock& now) {
  const auto hash = token_hash(token);
  const auto t = now();
  const auto idle =
      std::chrono::duration_cast<std::chrono::milliseconds>(config.session_idle_timeout).count();
  struct Found {
    SessionLookup lookup;
    std::int64_t last_seen;
  };
  const auto found = db.read([&](storage::Connection& c) -> std::optional<Found> {
    const auto s = store::session_by_hash(c, hash);
    if (!s || s->revoked || s->user.disabled) return std::nullopt;
    if (s->expires_at <= t || s->last_seen_at + idle <= t) return std::nullopt;
    Found f{{principal_of(s->user), s->csrf_token}, s->last_seen_at};
    f.lookup.principal.session_id = s->id;
    f.lookup.principal.credential = auth::Credential::session_cookie;
    return f;
  });
  if (!found) return std::nullopt;
  if (t - found->last_seen >= kTouchEveryMs) {
    db.write([&](storage::Connection& c) {
      store::touch_session(c, found->lookup.principal.session_id, t);
    });
  }
  return found->lookup;
}

std::optional<auth::Principal> find_api_token(storage::Database& db, std::string_view token) {
  const auto hash = token_hash(token);
  return db.read([&](storage::Connection& c) -> std::optional<auth::Principal> {
    const auto stored = store::token_by_hash(c, hash);
    if (!stored || stored->revoked || stored->user.disabled) return std::nullopt;
    auto p = principal_of(stored->user);
    p.credential = auth::Credential::bearer_token;
    return p;
  });
}

std::string issue_api_token(storage::Connection& c, const audit::Actor& actor, std::int64_t user_id,
                            const std::string& name) {
  if (!find_user(c, user_id))
    throw Error::not_found("user.not_found", "用户不存在", "no such user");
  auto token = random_token();
  const auto id = store::insert_api_token(c, token_hash(token), user_id, name, audit::now_ms());
  audit::record(c, actor,
                {"api_token.issue", "api_token", id,
                 boost::json::object{{"user_id", user_id}, {"name", name}}});
  return token;
}

}  // namespace tongxin::accounts
