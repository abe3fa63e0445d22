// src/cases/testing_fixture.hpp
//
// A small world for the cases module's tests, on either engine: one city conference with
// a studio, two members in it, and accounts for a member, a studio lead and staff.
// Included by *_test.cpp only.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>

#include "accounts/accounts.hpp"
#include "accounts/migrations.hpp"
#include "cases/cases.hpp"
#include "cases/migrations.hpp"
#include "core/calendar/calendar.hpp"
#include "core/context.hpp"
#include "core/migrations.hpp"
#include "organisation/migrations.hpp"
#include "organisation/organisation.hpp"
#include "testing/service_context.hpp"
#include "testing/test_database.hpp"

namespace tongxin::cases::test {

// China time → ms since the epoch.
inline std::int64_t china_ms(int y, unsigned m, unsigned d, int hour = 10) {
  using namespace std::chrono;
  const sys_days date{year{y} / month{m} / std::chrono::day{d}};
  return duration_cast<milliseconds>(date.time_since_epoch()).count() + hour * 3600LL * 1000 -
         calendar::kChinaOffsetMs;
}

class CasesWorld : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (!db) return;
    testing::apply_migrations(*db, {core::migrations(), organisation::migrations(),
                                    accounts::migrations(), cases::migrations()});
    ctx = testing::make_service_context(*db, config);
    db->write([&](storage::Connection& c) {
      conference = organisation::create_conference(
          c, *ctx, nobody, {"兰州市政协", "兰州", "city", "620100000000", std::nullopt, 14});
      const auto member = [&](const char* name) {
        return organisation::create_record(c, *ctx, nobody, "member", conference,
                                           boost::json::object{{"name", name}});
      };
      member_a = member("王建国");
      member_b = member("李秀英");
      studio = organisation::create_record(
          c, *ctx, nobody, "studio", conference,
          boost::json::object{{"name", "雁南街道委员工作站"},
                              {"kind", "station"},
                              {"mode", "street"},
                              {"division_code", "620102003000"},
                              {"member_ids", boost::json::array{member_a, member_b}}});
      const auto user = [&](const char* name, std::vector<auth::Role> roles,
                            std::optional<std::int64_t> m, std::optional<std::int64_t> s) {
        accounts::NewUser u{name,       name, "Good-Pass-2026", std::move(roles),
                            conference, m,    std::nullopt,     s};
        return accounts::create_user(c, nobody, u, config);
      };
      user_a = user("member_a", {auth::Role::member}, member_a, std::nullopt);
      user_b = user("member_b", {auth::Role::member}, member_b, std::nullopt);
      user_lead = user("lead", {auth::Role::studio_lead}, std::nullopt, studio);
      user_staff = user("staff", {auth::Role::staff}, std::nullopt, std::nullopt);
    });
  }

  audit::Actor as_member_a() const {
    return actor(user_a, {auth::Role::member}, member_a, std::nullopt);
  }
  audit::Actor as_member_b() const {
    return actor(user_b, {auth::Role::member}, member_b, std::nullopt);
  }
  audit::Actor as_lead() const {
    return actor(user_lead, {auth::Role::studio_lead}, std::nullopt, studio);
  }
  audit::Actor as_staff() const {
    return actor(user_staff, {auth::Role::staff}, std::nullopt, std::nullopt);
  }
  audit::Actor actor(std::int64_t user, std::vector<auth::Role> roles,
                     std::optional<std::int64_t> m, std::optional<std::int64_t> s) const {
    auth::Principal p;
    p.user_id = user;
    p.username = "u" + std::to_string(user);
    p.roles = std::move(roles);
    p.conference_id = conference;
    p.member_id = m;
    p.studio_id = s;
    return {p, "127.0.0.1", "test"};
  }

  Receipt submit_case(const std::string& text, std::int64_t now, bool named = false) {
    Intake in;
    in.text = text;
    in.studio_id = studio;
    in.address = "雁滩路3号院";
    in.consent_version = "test";
    in.anonymous = !named;
    if (named) {
      in.contact_name = "赵丽华";
      in.contact_phone = "13912345678";
    }
    return db->write([&](storage::Connection& c) { return submit(c, *ctx, citizen, in, now); });
  }

  std::int64_t act(const audit::Actor& a, std::int64_t id, Action action, boost::json::object body,
                   std::int64_t now, bool as_citizen = false) {
    return db->write([&](storage::Connection& c) {
      return apply_action(c, *ctx, a, id, action, body, now, as_citizen);
    });
  }

  std::string status_of(std::int64_t id) {
    return db->read([&](storage::Connection& c) {
      return c.q("SELECT status FROM cases WHERE id = $1", id).front().text(0);
    });
  }

  config::Config config;
  std::unique_ptr<ServiceContext> ctx;
  audit::Actor nobody{std::nullopt, "127.0.0.1", "setup"};
  audit::Actor citizen{std::nullopt, "203.0.113.7", "citizen"};
  std::int64_t conference = 0, studio = 0, member_a = 0, member_b = 0;
  std::int64_t user_a = 0, user_b = 0, user_lead = 0, user_staff = 0;
};

}  // namespace tongxin::cases::test
