// src/accounts/accounts_test.cpp
//
// Accounts as a specification, on both engines: password rules, one answer for every
// failed sign-in, lockout and its expiry, session idle timeout, disabling, audit rows.
#include "accounts/accounts.hpp"

#include <gtest/gtest.h>

#include "accounts/migrations.hpp"
#include "accounts/password.hpp"
#include "core/error.hpp"
#include "core/migrations.hpp"
#include "testing/test_database.hpp"

namespace tongxin::accounts {
namespace {

using testing::EngineTest;

class AccountsTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (!db) return;
    auto all = core::migrations();
    for (auto& m : migrations())
      all.push_back(m);
    storage::apply_migrations(*db, all);
    config.argon2_memory_kib = 8192;  // fast in tests; production uses 64 MiB
    config.argon2_ops = 1;
    db->write([&](storage::Connection& c) {
      create_user(c, actor, {"staff", "工作人员", "Good-Pass-2026", {auth::Role::staff}, 1},
                  config);
    });
  }
  Error login_error(const std::string& user, const std::string& pw) {
    try {
      login(*db, config, user, pw, actor, "test", clock);
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << "login succeeded";
    return Error(0, "", "", "");
  }
  std::int64_t count(const std::string& action) {
    return db->read([&](storage::Connection& c) {
      return c.q("SELECT COUNT(*) FROM audit_log WHERE action = $1", action).front().int64(0);
    });
  }

  config::Config config;
  audit::Actor actor{std::nullopt, "127.0.0.1", "test"};
  std::int64_t t = 1'800'000'000'000;
  Clock clock = [this] { return t; };
};

TEST(PasswordRules, Table) {
  EXPECT_NO_THROW(check_password_rules("Good-Pass-2026", "staff"));
  EXPECT_NO_THROW(check_password_rules("goodpass2026!", "staff"));  // lower, digit, symbol
  EXPECT_THROW(check_password_rules("Sh0rt!", "staff"), Error);
  EXPECT_THROW(check_password_rules("alllowercaseletters", "staff"), Error);
  EXPECT_THROW(check_password_rules("Staff-2026-x", "Staff-2026-x"), Error);
  try {
    check_password_rules("abc", "x");
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "accounts.weak_password");
    EXPECT_NE(e.message_zh().find("至少 10 个字符"), std::string::npos);
  }
}

TEST(PasswordHash, Argon2idVerifies) {
  const auto h = hash_password("Good-Pass-2026", {8192, 1});
  EXPECT_TRUE(h.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password(h, "Good-Pass-2026"));
  EXPECT_FALSE(verify_password(h, "good-pass-2026"));
  EXPECT_FALSE(verify_password("garbage", "x"));
}

TEST_P(AccountsTest, DuplicateUsernameIsAConflict) {
  try {
    db->write([&](storage::Connection& c) {
      create_user(c, actor, {"STAFF", "", "Good-Pass-2026", {auth::Role::staff}, 1}, config);
    });
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.status(), 409);
  }
}

TEST_P(AccountsTest, SignInWorksAndFailuresLookAlike) {
  const auto ok = login(*db, config, "Staff", "Good-Pass-2026", actor, "test", clock);
  EXPECT_EQ(ok.user.username, "staff");
  EXPECT_FALSE(ok.session_token.empty());
  const auto unknown = login_error("nobody", "Good-Pass-2026");
  const auto wrong = login_error("staff", "Wrong-Pass-2026");
  EXPECT_EQ(unknown.status(), 401);
  EXPECT_EQ(unknown.code(), wrong.code());
  EXPECT_EQ(unknown.message_zh(), wrong.message_zh());
  EXPECT_EQ(count("auth.login_ok"), 1);
  EXPECT_EQ(count("auth.login_failed"), 2);
}

TEST_P(AccountsTest, FiveFailuresLockForFifteenMinutes) {
  for (int i = 0; i < 5; ++i)
    login_error("staff", "Wrong-Pass-2026");
  const auto locked = login_error("staff", "Good-Pass-2026");
  EXPECT_EQ(locked.code(), "auth.invalid_credentials");  // same answer while locked
  t += 14LL * 60'000;
  login_error("staff", "Good-Pass-2026");
  t += 2LL * 60'000;
  EXPECT_NO_THROW(login(*db, config, "staff", "Good-Pass-2026", actor, "test", clock));
}

TEST_P(AccountsTest, SessionsExpireWhenIdleAndOnLogout) {
  const auto s = login(*db, config, "staff", "Good-Pass-2026", actor, "test", clock);
  ASSERT_TRUE(find_session(*db, config, s.session_token, clock));
  EXPECT_FALSE(find_session(*db, config, "not-a-token", clock));
  t += 29LL * 60'000;
  ASSERT_TRUE(find_session(*db, config, s.session_token, clock));  // touches last_seen_at
  t += 29LL * 60'000;
  const auto alive = find_session(*db, config, s.session_token, clock);
  ASSERT_TRUE(alive);
  EXPECT_EQ(alive->csrf_token, s.csrf_token);
  t += 31LL * 60'000;
  EXPECT_FALSE(find_session(*db, config, s.session_token, clock));

  const auto s2 = login(*db, config, "staff", "Good-Pass-2026", actor, "test", clock);
  logout(*db, actor, find_session(*db, config, s2.session_token, clock)->principal.session_id);
  EXPECT_FALSE(find_session(*db, config, s2.session_token, clock));
}

TEST_P(AccountsTest, DisabledUsersLoseSessionsAndCannotSignIn) {
  const auto s = login(*db, config, "staff", "Good-Pass-2026", actor, "test", clock);
  db->write([&](storage::Connection& c) { set_disabled(c, actor, "staff", true); });
  EXPECT_FALSE(find_session(*db, config, s.session_token, clock));
  login_error("staff", "Good-Pass-2026");
  db->write([&](storage::Connection& c) { set_disabled(c, actor, "staff", false); });
  EXPECT_NO_THROW(login(*db, config, "staff", "Good-Pass-2026", actor, "test", clock));
}

TEST_P(AccountsTest, BearerTokensIdentifyMachineClients) {
  const auto token = db->write(
      [&](storage::Connection& c) { return issue_api_token(c, actor, 1, "12345 热线对接"); });
  const auto p = find_api_token(*db, token);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->username, "staff");
  EXPECT_EQ(p->credential, auth::Credential::bearer_token);
  EXPECT_FALSE(find_api_token(*db, token + "x"));
}

TEST_P(AccountsTest, PasswordChangeEndsSessions) {
  const auto s = login(*db, config, "staff", "Good-Pass-2026", actor, "test", clock);
  db->write(
      [&](storage::Connection& c) { set_password(c, actor, "staff", "New-Pass-2027", config); });
  EXPECT_FALSE(find_session(*db, config, s.session_token, clock));
  EXPECT_NO_THROW(login(*db, config, "staff", "New-Pass-2027", actor, "test", clock));
}

TONGXIN_INSTANTIATE_ENGINES(AccountsTest);

}  // namespace
}  // namespace tongxin::accounts
