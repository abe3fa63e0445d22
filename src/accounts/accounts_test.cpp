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
#include "core/notify/notify.hpp"
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

// The services the routes call, without HTTP.

TEST_P(AccountsTest, UsersListInIdPages) {
  db->write([&](storage::Connection& c) {
    for (const auto* name : {"a1", "a2", "a3"})
      create_user(c, actor, {name, "", "Good-Pass-2026", {auth::Role::staff}, 1}, config);
  });
  const auto first = db->read([&](storage::Connection& c) { return list_users(c, 0, 3); });
  ASSERT_EQ(first.items.size(), 3U);
  EXPECT_EQ(first.items[0].username, "staff");
  EXPECT_TRUE(first.more);
  const auto rest =
      db->read([&](storage::Connection& c) { return list_users(c, first.items.back().id, 3); });
  ASSERT_EQ(rest.items.size(), 1U);
  EXPECT_EQ(rest.items[0].username, "a3");
  EXPECT_FALSE(rest.more);
  try {
    db->read([&](storage::Connection& c) { get_user(c, 999); });
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "user.not_found");
  }
}

TEST_P(AccountsTest, NoticesGoToTheAccountsHoldingTheRole) {
  using auth::Role;
  const auto ids = db->write([&](storage::Connection& c) {
    NewUser member{"m1", "", "Good-Pass-2026", {Role::member}, 1};
    member.member_id = 7;
    NewUser lead{"lead1", "", "Good-Pass-2026", {Role::member, Role::studio_lead}, 1};
    lead.studio_id = 3;
    NewUser agency{"ag1", "", "Good-Pass-2026", {Role::agency}, 1};
    agency.agency_id = 5;
    NewUser gone{"gone", "", "Good-Pass-2026", {Role::staff}, 1};
    std::vector<std::int64_t> out;
    for (const auto& u : {member, lead, agency, gone})
      out.push_back(create_user(c, actor, u, config));
    set_disabled(c, actor, "gone", true);
    return out;
  });
  db->read([&](storage::Connection& c) {
    // Asked through core/notify, answered by this module.
    EXPECT_EQ(notify::users_of_member(c, 7), std::vector<std::int64_t>{ids[0]});
    EXPECT_EQ(notify::leads_of_studio(c, 3), std::vector<std::int64_t>{ids[1]});
    EXPECT_EQ(notify::users_of_agency(c, 5), std::vector<std::int64_t>{ids[2]});
    EXPECT_EQ(notify::staff_of_conference(c, 1), std::vector<std::int64_t>{1});  // not "gone"
    EXPECT_TRUE(notify::users_of_member(c, 8).empty());
  });
}

TEST_P(AccountsTest, AnInboxPagesMarksAndCountsOnlyItsOwnNotices) {
  db->write([&](storage::Connection& c) {
    for (int i = 0; i < 3; ++i)
      notify::send(c, 1, {"case.assigned", "新交办", "", "/console/cases/1", "case", 1}, t + i);
    notify::send(c, 2, {"case.assigned", "别人的", "", "", "", std::nullopt}, t);
  });
  auto page = db->read(
      [&](storage::Connection& c) { return notify::inbox(c, {.user_id = 1, .limit = 2}); });
  ASSERT_EQ(page.items.size(), 2U);
  EXPECT_TRUE(page.more);
  EXPECT_EQ(page.unread, 3);
  EXPECT_GT(page.items[0].id, page.items[1].id);  // newest first
  EXPECT_EQ(page.items[0].notice.object_id, 1);
  const auto newest = page.items[0].id;
  db->write([&](storage::Connection& c) {
    EXPECT_TRUE(notify::mark_read(c, 1, newest, t + 10));
    EXPECT_FALSE(notify::mark_read(c, 2, newest, t + 10));  // not theirs
  });
  page = db->read([&](storage::Connection& c) {
    return notify::inbox(c, {.user_id = 1, .unread_only = true, .limit = 20});
  });
  EXPECT_EQ(page.items.size(), 2U);
  EXPECT_FALSE(page.more);
  EXPECT_EQ(page.unread, 2);
  db->write([&](storage::Connection& c) { notify::mark_all_read(c, 1, t + 20); });
  page = db->read([&](storage::Connection& c) {
    return notify::inbox(c, {.user_id = 1, .before_id = newest, .limit = 20});
  });
  EXPECT_EQ(page.items.size(), 2U);
  EXPECT_TRUE(page.items[0].read);
  EXPECT_EQ(page.unread, 0);
}

TEST_P(AccountsTest, TheAuditLogFiltersAndPagesNewestFirst) {
  login_error("staff", "Wrong-Pass-2026");
  login(*db, config, "staff", "Good-Pass-2026", actor, "test", clock);
  const auto failed = db->read([&](storage::Connection& c) {
    return audit::read_log(c, {.action = "auth.login_failed", .limit = 10});
  });
  ASSERT_EQ(failed.items.size(), 1U);
  EXPECT_EQ(failed.items[0].detail.at("reason").as_string(), "wrong_password");
  EXPECT_FALSE(failed.items[0].username);  // nobody was signed in
  const auto all =
      db->read([&](storage::Connection& c) { return audit::read_log(c, {.limit = 2}); });
  ASSERT_EQ(all.items.size(), 2U);
  EXPECT_EQ(all.items[0].action, "auth.login_ok");
  EXPECT_TRUE(all.more);  // user.create came first
  const auto older = db->read([&](storage::Connection& c) {
    return audit::read_log(c, {.before_id = all.items.back().id, .limit = 2});
  });
  ASSERT_EQ(older.items.size(), 1U);
  EXPECT_EQ(older.items[0].action, "user.create");
  EXPECT_TRUE(db->read([&](storage::Connection& c) {
                  return audit::read_log(c, {.username = "someone", .limit = 2});
                }).items.empty());
}

TONGXIN_INSTANTIATE_ENGINES(AccountsTest);

}  // namespace
}  // namespace tongxin::accounts
