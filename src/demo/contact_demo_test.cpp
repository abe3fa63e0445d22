// src/demo/contact_demo_test.cpp
//
// The demo's contact work on both engines, over the small demo: a year of activities of
// many kinds on all five channels, spread so that the yearly assessment shows more than one
// grade band (not every member 不称职), and none of what the API and browser tests build
// themselves (leaders' links, rotas, the lead's studio's activities, the leader's visits).
// The city scale (reception days, leaders' links) is too slow for a unit test in a debug
// build; the API scenarios and `make run` show it.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
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
#include "organisation/briefs.hpp"
#include "organisation/migrations.hpp"
#include "outputs/migrations.hpp"
#include "records/migrations.hpp"
#include "records/points.hpp"
#include "records/records.hpp"
#include "testing/service_context.hpp"
#include "testing/test_database.hpp"

namespace tongxin::demo {
namespace {

using namespace std::chrono;

class ContactDemoTest : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (!db) return;
    testing::apply_migrations(
        *db, {core::migrations(), organisation::migrations(), accounts::migrations(),
              cases::migrations(), contact::migrations(), meetings::migrations(),
              outputs::migrations(), records::migrations()});
    config.data_dir = testing::source_dir() + "/data";  // data/demo: the demo's texts
    ctx = testing::make_service_context(*db, config);
  }
  std::int64_t count(const std::string& sql) {
    return db->read([&](storage::Connection& c) { return c.q(sql).front().int64(0); });
  }
  // The year the demo scores: this one, or the last one before April (contact_demo.hpp).
  static int scoring_year(std::int64_t now) {
    const auto today = calendar::china_date(now);
    const int y = static_cast<int>(today.year());
    return today.month() < April ? y - 1 : y;
  }

  config::Config config;
  std::unique_ptr<ServiceContext> ctx;
};

TEST_P(ContactDemoTest, AYearOfContactWorkSpreadsTheMembersOverTheGradeBands) {
  seed(*ctx, {"Demo-Pass-2026!", "small", 2026});
  const auto now = audit::now_ms();
  const int year = scoring_year(now);
  const auto in_year = " AND held_on >= '" + std::to_string(year) + "-01-01' AND held_on <= '" +
                       std::to_string(year) + "-12-31'";

  // Activities of many kinds on every channel, all within the year and none in the future.
  EXPECT_GE(count("SELECT COUNT(*) FROM activities WHERE revoked_at IS NULL" + in_year), 100);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT channel) FROM activities"), 5);
  EXPECT_GE(count("SELECT COUNT(DISTINCT kind) FROM activities"), 8);
  EXPECT_EQ(count("SELECT COUNT(*) FROM activities WHERE held_on > '" +
                  calendar::iso_date(calendar::china_date(now)) + "'"),
            0);
  EXPECT_GT(count("SELECT COUNT(*) FROM activities WHERE studio_id IS NOT NULL"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM activities a WHERE (SELECT COUNT(*) FROM"
                  " activity_members m WHERE m.activity_id = a.id) > 1"),
            0);  // joint visits and studio events
  // Each has its audit row, as when logged through the API.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'activity.create'"),
            count("SELECT COUNT(*) FROM activities"));

  // What the tests of the small demo build themselves is left to them.
  EXPECT_EQ(count("SELECT COUNT(*) FROM leader_links"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM reception_rotas"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM activities a JOIN users u ON u.studio_id = a.studio_id"
                  " WHERE u.username = 'lead'"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM activity_members m JOIN users u ON u.member_id ="
                  " m.member_id WHERE u.username = 'leader'"),
            0);

  // The yearly assessment: more than one grade band, and the lowest not everyone's.
  const records::GradeBands bands{config.points.excellent_min, config.points.competent_min,
                                  config.points.basic_min};
  std::map<std::string, int> grades;
  int members = 0;
  db->write([&](storage::Connection& c) {
    const auto city =
        c.q("SELECT id FROM conferences WHERE level = 'city' ORDER BY id LIMIT 1").front().int64(0);
    for (const auto& m : organisation::members_of_conference(c, city)) {
      ++members;
      ++grades[records::grade_for(records::recompute(c, *ctx, m.id, year, now).total, bands).code];
    }
  });
  std::string spread;
  for (const auto& [g, n] : grades)
    spread += g + "=" + std::to_string(n) + " ";
  EXPECT_GE(grades.size(), 3U) << spread;
  EXPECT_LT(grades["unqualified"], members / 2) << spread;
  // A few do little. (Meetings and formal outputs count too now: whoever sat the plenary has
  // points, so the lowest band may stay empty in the small demo; the low end is 基本称职.)
  EXPECT_GT(grades["basic"] + grades["unqualified"], 0) << spread;
  EXPECT_LT(grades["excellent"], members / 2) << spread;
}

TONGXIN_INSTANTIATE_ENGINES(ContactDemoTest);

}  // namespace
}  // namespace tongxin::demo
