// src/demo/key_contacts_demo_test.cpp
//
// The demo's 1158 groundwork on both engines, over the small demo: every member (but the
// accounts', which the API and browser tests fill themselves) tied to a grassroots unit of a
// real street or township of the city, about ten key contacts each stored sealed, changes in
// some contacts' lives, visit tasks of all eight must-visit occasions in every state, the
// done ones closed by a logged contact — and the same seed giving the same demo.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <set>

#include "accounts/migrations.hpp"
#include "cases/migrations.hpp"
#include "contact/contact.hpp"
#include "contact/migrations.hpp"
#include "core/calendar/calendar.hpp"
#include "core/calendar/dates.hpp"
#include "core/migrations.hpp"
#include "demo/demo.hpp"
#include "meetings/migrations.hpp"
#include "organisation/migrations.hpp"
#include "outputs/migrations.hpp"
#include "records/migrations.hpp"
#include "testing/service_context.hpp"
#include "testing/test_database.hpp"

namespace tongxin::demo {
namespace {

struct Seeded {
  std::unique_ptr<storage::Database> db;
  std::unique_ptr<ServiceContext> ctx;
};

class KeyContactsDemoTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (!db) return;
    config.data_dir = testing::source_dir() + "/data";  // data/demo: the demo's texts
    prepare(*db);
    ctx = testing::make_service_context(*db, config);
  }
  static void prepare(storage::Database& d) {
    testing::apply_migrations(
        d, {core::migrations(), organisation::migrations(), accounts::migrations(),
            cases::migrations(), contact::migrations(), meetings::migrations(),
            outputs::migrations(), records::migrations()});
  }
  static std::int64_t count(storage::Database& d, const std::string& sql) {
    return d.read([&](storage::Connection& c) { return c.q(sql).front().int64(0); });
  }
  std::int64_t count(const std::string& sql) { return count(*db, sql); }
  // Everything the demo decided, one line per row, in id order.
  static std::string fingerprint(storage::Database& d, const ServiceContext& ctx) {
    std::string out;
    d.read([&](storage::Connection& c) {
      for (const auto* sql :
           {"SELECT CAST(id AS TEXT) || '|' || name || '|' || kind || '|' || division_code || '|'"
            " || address FROM grassroots_units ORDER BY id",
            "SELECT CAST(member_id AS TEXT) || '|' || CAST(unit_id AS TEXT) FROM member_units"
            " ORDER BY member_id",
            "SELECT CAST(key_contact_id AS TEXT) || '|' || kind || '|' || note FROM"
            " key_contact_changes ORDER BY id",
            "SELECT CAST(id AS TEXT) || '|' || occasion || '|' || title || '|' || fired_on || '|'"
            " || due_on FROM visit_triggers ORDER BY id",
            "SELECT CAST(id AS TEXT) || '|' || CAST(member_id AS TEXT) || '|' ||"
            " CAST(key_contact_id AS TEXT) || '|' || due_on || '|' || status || '|' ||"
            " COALESCE(CAST(done_activity_id AS TEXT), '-') FROM visit_tasks ORDER BY id"}) {
        for (const auto& r : c.q(sql))
          out += r.text(0) + "\n";
      }
      // The sealed fields differ (fresh nonces); what they hold does not.
      for (const auto& r :
           c.q("SELECT CAST(id AS TEXT) || '|' || CAST(member_id AS TEXT) || '|' || name_masked"
               " || '|' || phone_masked || '|' || sector_label || '|' || work_unit || '|' ||"
               " notes, name_enc, phone_enc FROM key_contacts ORDER BY id")) {
        out += r.text(0) + "|" + ctx.crypto->open(r.text(1)).value_or("?") + "|" +
               (r.is_null(2) ? "" : ctx.crypto->open(r.text(2)).value_or("?")) + "\n";
      }
    });
    return out;
  }

  config::Config config;
  std::unique_ptr<ServiceContext> ctx;
};

TEST_P(KeyContactsDemoTest, ShowsTheWholeMechanismTheSameForTheSameSeed) {
  seed(*ctx, {"Demo-Pass-2026!", "small", 2026});
  const auto today = calendar::iso_date(calendar::china_date(audit::now_ms()));
  const std::string city = "(SELECT id FROM conferences WHERE level = 'city')";
  const std::string accounts_members = "(SELECT member_id FROM users WHERE member_id IS NOT NULL)";
  const std::string demo_members = "SELECT id FROM members WHERE conference_id = " + city +
                                   " AND archived_at IS NULL AND id NOT IN " + accounts_members;
  const auto members = count("SELECT COUNT(*) FROM (" + demo_members + ") x");
  ASSERT_GE(members, 15);

  // Every member tied to one unit: a compound, building or village of a street or township
  // of the city (12-digit codes below 6201, not a district itself).
  EXPECT_EQ(count("SELECT COUNT(*) FROM member_units WHERE member_id IN (" + demo_members + ")"),
            members);
  EXPECT_GE(count("SELECT COUNT(*) FROM grassroots_units"), members / 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM grassroots_units WHERE kind NOT IN ('compound',"
                  " 'building', 'village') OR division_code NOT LIKE '6201%' OR"
                  " LENGTH(division_code) <> 12 OR division_code LIKE '%000000'"),
            0);
  EXPECT_GE(count("SELECT COUNT(DISTINCT kind) FROM grassroots_units"), 2);

  // About ten live key contacts each, with their sector and work unit; none for the
  // accounts' members, whose tests count their own.
  EXPECT_EQ(count("SELECT COUNT(*) FROM (SELECT member_id, COUNT(*) AS n FROM key_contacts"
                  " WHERE archived_at IS NULL GROUP BY member_id) x WHERE n < 7 OR n > 12"),
            0);
  const auto live = count("SELECT COUNT(*) FROM key_contacts WHERE archived_at IS NULL");
  EXPECT_GE(live, members * 9);
  EXPECT_LE(live, members * 11);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT member_id) FROM key_contacts"), members);
  EXPECT_EQ(count("SELECT COUNT(*) FROM key_contacts WHERE sector_label = '' OR work_unit = ''"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM key_contacts WHERE member_id IN " + accounts_members), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM visit_tasks WHERE member_id IN " + accounts_members), 0);

  // Stored sealed: masked copies only, the clear name and phone nowhere in the row.
  EXPECT_EQ(count("SELECT COUNT(*) FROM key_contacts WHERE name_masked NOT LIKE '%*%' OR"
                  " (phone_enc IS NOT NULL AND phone_masked NOT LIKE '1__****____')"),
            0);
  EXPECT_GT(count("SELECT COUNT(*) FROM key_contacts WHERE phone_enc IS NOT NULL"), live / 2);
  db->write([&](storage::Connection& c) {
    const auto rows =
        c.q("SELECT id, member_id FROM key_contacts WHERE phone_enc IS NOT NULL ORDER BY id");
    for (std::size_t i = 0; i < rows.size(); i += 17) {
      auth::Principal keeper;
      keeper.member_id = rows[i].int64(1);
      keeper.roles = {auth::Role::member};
      const auto k =
          contact::open_key_contact(c, *ctx, {keeper, "127.0.0.1", "test"}, rows[i].int64(0));
      ASSERT_FALSE(k.masked);
      ASSERT_EQ(k.phone.size(), 11U) << k.phone;
      for (const auto& clear : {k.name, k.phone}) {
        EXPECT_EQ(c.q("SELECT COUNT(*) FROM key_contacts WHERE name_enc LIKE $1 OR phone_enc"
                      " LIKE $1 OR name_masked LIKE $1 OR phone_masked LIKE $1 OR notes LIKE $1"
                      " OR work_unit LIKE $1",
                      "%" + clear + "%")
                      .front()
                      .int64(0),
                  0)
            << clear;
      }
    }
  });

  // Changes in some contacts' lives, each with its trigger.
  EXPECT_GT(count("SELECT COUNT(*) FROM key_contact_changes"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM visit_triggers WHERE source = 'contact_change'"),
            count("SELECT COUNT(*) FROM key_contact_changes"));

  // Tasks of all eight occasions, in every state; each occasion's tasks are not all in one.
  EXPECT_EQ(count("SELECT COUNT(DISTINCT t.occasion) FROM visit_tasks v JOIN visit_triggers t"
                  " ON t.id = v.trigger_id"),
            8);
  const std::string state =
      "CASE WHEN v.status = 'open' AND v.due_on < '" + today + "' THEN 'overdue' ELSE v.status END";
  EXPECT_EQ(count("SELECT COUNT(DISTINCT " + state + ") FROM visit_tasks v"), 4);
  // The showcase member has every state, and at least the occasions every member shares.
  EXPECT_GE(count("SELECT COUNT(*) FROM (SELECT v.member_id FROM visit_tasks v GROUP BY"
                  " v.member_id HAVING COUNT(DISTINCT " +
                  state + ") = 4) x"),
            1);
  for (const auto* occasion : {"speech", "plenary", "life_change", "demand", "difficulty"}) {
    EXPECT_GE(count("SELECT COUNT(*) FROM (SELECT v.member_id FROM visit_tasks v JOIN"
                    " visit_triggers t ON t.id = v.trigger_id GROUP BY v.member_id HAVING"
                    " COUNT(DISTINCT " +
                    state + ") = 4 AND SUM(CASE WHEN t.occasion = '" + occasion +
                    "' THEN 1 ELSE 0 END) > 0) x"),
              1)
        << occasion;
  }
  // Done ones were closed by a logged contact of their member with their contact, on or after
  // the trigger; cancelled ones are the archived contacts'; open ones are due from today on.
  EXPECT_GT(count("SELECT COUNT(*) FROM visit_tasks WHERE status = 'done'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM visit_tasks v JOIN visit_triggers t ON t.id ="
                  " v.trigger_id WHERE v.status = 'done' AND NOT EXISTS (SELECT 1 FROM"
                  " activities a JOIN activity_members am ON am.activity_id = a.id JOIN"
                  " activity_contacts ac ON ac.activity_id = a.id WHERE a.id = v.done_activity_id"
                  " AND am.member_id = v.member_id AND ac.key_contact_id = v.key_contact_id AND"
                  " a.held_on >= t.fired_on AND a.held_on <= '" +
                  today + "')"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM visit_tasks v JOIN key_contacts k ON k.id ="
                  " v.key_contact_id WHERE v.status = 'cancelled' AND k.archived_at IS NULL"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM visit_tasks v JOIN key_contacts k ON k.id ="
                  " v.key_contact_id WHERE v.status = 'open' AND k.archived_at IS NOT NULL"),
            0);
  // Nothing in the future: triggers fired and changes recorded up to today.
  EXPECT_EQ(count("SELECT COUNT(*) FROM visit_triggers WHERE fired_on > '" + today + "'"), 0);
  // The sector days are kept for the years to come.
  EXPECT_GT(count("SELECT COUNT(*) FROM sector_dates WHERE last_fired_year IS NOT NULL"), 0);

  // The same seed gives the same demo.
  auto other = testing::make_test_database(GetParam());
  ASSERT_TRUE(other);
  prepare(*other);
  auto other_ctx = testing::make_service_context(*other, config);
  seed(*other_ctx, {"Demo-Pass-2026!", "small", 2026});
  const auto mine = fingerprint(*db, *ctx);
  EXPECT_GT(mine.size(), 10000U);
  EXPECT_EQ(mine, fingerprint(*other, *other_ctx));
}

TONGXIN_INSTANTIATE_ENGINES(KeyContactsDemoTest);

}  // namespace
}  // namespace tongxin::demo
