// src/demo/meetings_demo_test.cpp
//
// The demo's meetings on both engines, over the small demo: the plenary session in January of
// last year and of this one with every member of the city conference expected, the standing
// committee once a quarter with the standing members, a few committee meetings; the rolls of
// the meetings held are closed with realistic attendance (most signed in, a few present
// without signing in, some excused, a handful absent), those still to come are open.
#include <gtest/gtest.h>

#include <chrono>

#include "accounts/migrations.hpp"
#include "cases/migrations.hpp"
#include "contact/migrations.hpp"
#include "core/calendar/calendar.hpp"
#include "core/migrations.hpp"
#include "demo/demo.hpp"
#include "meetings/meetings.hpp"
#include "meetings/migrations.hpp"
#include "organisation/briefs.hpp"
#include "organisation/migrations.hpp"
#include "outputs/migrations.hpp"
#include "records/migrations.hpp"
#include "testing/service_context.hpp"
#include "testing/test_database.hpp"

namespace tongxin::demo {
namespace {

using namespace std::chrono;

class MeetingsDemoTest : public testing::EngineTest {
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

  config::Config config;
  std::unique_ptr<ServiceContext> ctx;
};

TEST_P(MeetingsDemoTest, PlenarySessionsStandingCommitteesAndCommitteeMeetingsWithTheirRolls) {
  seed(*ctx, {"Demo-Pass-2026!", "small", 2026});
  const auto today = calendar::china_date(audit::now_ms());
  const int y = static_cast<int>(today.year());
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, static_cast<unsigned>(today.month()),
                static_cast<unsigned>(today.day()));
  const std::string iso_today = buf;

  EXPECT_EQ(count("SELECT COUNT(*) FROM meetings WHERE kind = 'plenary'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM meetings WHERE kind = 'plenary' AND held_on LIKE '" +
                  std::to_string(y) + "-01-%'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM meetings WHERE kind = 'standing'"), 8);
  EXPECT_GE(count("SELECT COUNT(*) FROM meetings WHERE kind = 'committee'"), 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'meeting.create'"),
            count("SELECT COUNT(*) FROM meetings"));

  db->read([&](storage::Connection& c) {
    const auto city =
        c.q("SELECT id FROM conferences WHERE level = 'city' ORDER BY id LIMIT 1").front().int64(0);
    const auto members = organisation::members_of_conference(c, city);
    const auto last_plenary =
        c.q("SELECT id FROM meetings WHERE kind = 'plenary' ORDER BY held_on LIMIT 1")
            .front()
            .int64(0);
    // Every member expected at the plenary session; the roll closed with realistic attendance.
    const auto counts = meetings::roll_counts(c, last_plenary);
    EXPECT_EQ(counts.at("total"), static_cast<int>(members.size()));
    EXPECT_EQ(counts.at("expected"), 0);
    EXPECT_GE(counts.at("registered"), counts.at("total") * 3 / 4);
    EXPECT_LT(counts.at("absent"), counts.at("total") / 5);
    // The standing committee: the standing members, chair and vice chairs.
    int standing_members = 0;
    for (const auto& m : members) {
      for (const auto& p : m.posts) {
        if (p == "standing" || p == "chair" || p == "vice_chair") {
          ++standing_members;
          break;
        }
      }
    }
    const auto a_standing =
        c.q("SELECT id FROM meetings WHERE kind = 'standing' ORDER BY held_on LIMIT 1")
            .front()
            .int64(0);
    EXPECT_EQ(meetings::roll_counts(c, a_standing).at("total"), standing_members);
  });
  // Across the meetings held, every status shows up; the rolls of those still to come are open.
  const auto held = " AND m.ends_on < '" + iso_today + "'";
  for (const char* status : {"registered", "present", "excused", "absent"}) {
    EXPECT_GT(count(std::string("SELECT COUNT(*) FROM meeting_attendance a JOIN meetings m ON"
                                " m.id = a.meeting_id WHERE a.status = '") +
                    status + "'" + held),
              0)
        << status;
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM meeting_attendance a JOIN meetings m ON m.id ="
                  " a.meeting_id WHERE a.status = 'expected'" +
                  held),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM meetings m WHERE m.roll_closed_at IS NULL" + held), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM meetings WHERE roll_closed_at IS NOT NULL AND held_on > '" +
                  iso_today + "'"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM meeting_attendance a JOIN meetings m ON m.id ="
                  " a.meeting_id WHERE a.status IN ('registered', 'present', 'absent') AND"
                  " m.held_on > '" +
                  iso_today + "'"),
            0);
}

TONGXIN_INSTANTIATE_ENGINES(MeetingsDemoTest);

}  // namespace
}  // namespace tongxin::demo
