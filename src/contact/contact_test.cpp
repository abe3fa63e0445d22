// src/contact/contact_test.cpp
//
// Contact work as a specification, on both engines: the rota across months with holidays,
// 八必访 triggers on solar and lunar dates creating visit tasks that a logged contact
// closes, and the reception-day feed.
#include "contact/contact.hpp"

#include <gtest/gtest.h>

#include "accounts/accounts.hpp"
#include "accounts/migrations.hpp"
#include "contact/migrations.hpp"
#include "core/calendar/calendar.hpp"
#include "core/error.hpp"
#include "core/migrations.hpp"
#include "organisation/migrations.hpp"
#include "organisation/organisation.hpp"
#include "testing/test_database.hpp"

namespace tongxin::contact {
namespace {

using namespace std::chrono;

std::string source_dir() {
  const char* d = std::getenv("TONGXIN_SOURCE_DIR");
  return d ? d : ".";
}
std::shared_ptr<const calendar::WorkCalendar> shared_calendar() {
  static const auto cal = calendar::WorkCalendar::load(source_dir() + "/data/holidays");
  return cal;
}
std::shared_ptr<const divisions::DivisionIndex> shared_divisions() {
  static const auto index = divisions::DivisionIndex::load(source_dir() + "/data/divisions.tsv");
  return index;
}
std::int64_t china_ms(year_month_day d, int hour = 10) {
  return duration_cast<milliseconds>(sys_days{d}.time_since_epoch()).count() +
         hour * 3600LL * 1000 - calendar::kChinaOffsetMs;
}

TEST(ReceptionRota, FallsOnTheNthWeekdayAndMovesOffHolidays) {
  const auto& cal = *shared_calendar();
  Rota second_wednesday{2, 3};
  EXPECT_EQ(rota_date(second_wednesday, 2026y / March, cal), 2026y / March / 11);
  EXPECT_EQ(rota_date(second_wednesday, 2026y / October, cal), 2026y / October / 14);
  Rota third_monday{3, 1};
  // 16 Feb 2026 is in the Spring Festival holiday (15–23 Feb): the next working day.
  EXPECT_EQ(rota_date(third_monday, 2026y / February, cal), 2026y / February / 24);
  Rota first_thursday{1, 4};
  EXPECT_EQ(rota_date(first_thursday, 2026y / October, cal), 2026y / October / 8);
  first_thursday.skip_holidays = false;
  EXPECT_EQ(rota_date(first_thursday, 2026y / October, cal), 2026y / October / 1);
  Rota last_friday{5, 5};
  EXPECT_EQ(rota_date(last_friday, 2026y / January, cal), 2026y / January / 30);
}

class ContactWorld : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (!db) return;
    std::vector<storage::Migration> all;
    for (auto&& list : {core::migrations(), organisation::migrations(), accounts::migrations(),
                        contact::migrations()}) {
      all.insert(all.end(), list.begin(), list.end());
    }
    storage::apply_migrations(*db, all);
    config.argon2_memory_kib = 8192;
    config.argon2_ops = 1;
    const std::string key(32, 'k');
    ctx = std::make_unique<ServiceContext>(
        ServiceContext{*db, config, shared_divisions(), key, shared_calendar(),
                       std::make_shared<const crypto::FieldCrypto>(key)});
    db->write([&](storage::Connection& c) {
      conference = organisation::create_conference(
          c, *ctx, nobody, {"兰州市政协", "兰州", "city", "620100000000", std::nullopt, 14});
      education = organisation::create_record(c, *ctx, nobody, "sector", conference,
                                              boost::json::object{{"name", "教育界"}});
      health = organisation::create_record(c, *ctx, nobody, "sector", conference,
                                           boost::json::object{{"name", "医药卫生界"}});
      teacher = organisation::create_record(
          c, *ctx, nobody, "member", conference,
          boost::json::object{{"name", "王建国"}, {"sector_id", education}});
      doctor = organisation::create_record(
          c, *ctx, nobody, "member", conference,
          boost::json::object{{"name", "李秀英"}, {"sector_id", health}});
      studio = organisation::create_record(
          c, *ctx, nobody, "studio", conference,
          boost::json::object{{"name", "雁南街道委员工作站"},
                              {"kind", "station"},
                              {"mode", "street"},
                              {"division_code", "620102003000"},
                              {"member_ids", boost::json::array{teacher, doctor}}});
      const auto contact_of = [&](std::int64_t member, const char* name) {
        return c
            .q("INSERT INTO key_contacts (conference_id, member_id, name_enc, name_masked,"
               " created_at, updated_at) VALUES ($1, $2, $3, $4, 0, 0) RETURNING id",
               conference, member, ctx->crypto->seal(name), crypto::mask_name(name))
            .front()
            .int64(0);
      };
      principal_contact = contact_of(teacher, "张校长");
      parent_contact = contact_of(teacher, "刘家长");
      nurse_contact = contact_of(doctor, "赵护士长");
    });
  }

  int open_tasks(std::int64_t member) {
    return static_cast<int>(db->read([&](storage::Connection& c) {
      return c
          .q("SELECT COUNT(*) FROM visit_tasks WHERE member_id = $1 AND status = 'open'", member)
          .front()
          .int64(0);
    }));
  }

  config::Config config;
  std::unique_ptr<ServiceContext> ctx;
  audit::Actor nobody{std::nullopt, "127.0.0.1", "test"};
  std::int64_t conference = 0, education = 0, health = 0, teacher = 0, doctor = 0, studio = 0;
  std::int64_t principal_contact = 0, parent_contact = 0, nurse_contact = 0;
};

TEST_P(ContactWorld, AnEventCreatesTasksThatALoggedVisitCloses) {
  const auto now = china_ms(2026y / March / 16);
  const auto fired = db->write([&](storage::Connection& c) {
    return fire_trigger(c, *ctx, nobody,
                        {conference,
                         "policy",
                         "《教育强国建设规划纲要》印发",
                         "event",
                         {education},
                         std::nullopt,
                         std::nullopt,
                         "2026-03-16",
                         15},
                        now);
  });
  EXPECT_EQ(fired.tasks, 2);  // the teacher's two contacts; the doctor is not concerned
  EXPECT_EQ(open_tasks(teacher), 2);
  EXPECT_EQ(open_tasks(doctor), 0);
  const auto due = db->read([&](storage::Connection& c) {
    return c.q("SELECT due_on FROM visit_tasks WHERE trigger_id = $1 LIMIT 1", fired.id)
        .front()
        .text(0);
  });
  EXPECT_EQ(due, "2026-03-31");

  // A visit logged for a date before the trigger does not count for it.
  NewActivity early{.kind = "visit",
                    .held_on = "2026-03-10",
                    .member_ids = {teacher},
                    .key_contact_ids = {principal_contact},
                    .conference_id = conference};
  EXPECT_EQ(db->write([&](storage::Connection& c) {
    return log_activity(c, *ctx, nobody, early, now).tasks_closed;
  }),
            0);
  NewActivity visit{.kind = "visit",
                    .held_on = "2026-03-18",
                    .member_ids = {teacher},
                    .key_contact_ids = {principal_contact},
                    .summary = "走访张校长，宣讲规划纲要",
                    .conference_id = conference};
  const auto logged = db->write([&](storage::Connection& c) {
    return log_activity(c, *ctx, nobody, visit, china_ms(2026y / March / 18));
  });
  EXPECT_EQ(logged.tasks_closed, 1);
  EXPECT_EQ(open_tasks(teacher), 1);
}

TEST_P(ContactWorld, AChangeOnAKeyContactFiresForItsMember) {
  const auto fired = db->write([&](storage::Connection& c) {
    NewTrigger t;
    t.conference_id = conference;
    t.occasion = "difficulty";
    t.title = "赵护士长家人重病";
    t.source = "contact_change";
    t.key_contact_id = nurse_contact;
    t.fired_on = "2026-03-16";
    t.due_days = 7;
    return fire_trigger(c, *ctx, nobody, t, china_ms(2026y / March / 16));
  });
  EXPECT_EQ(fired.tasks, 1);
  EXPECT_EQ(open_tasks(doctor), 1);
  EXPECT_EQ(open_tasks(teacher), 0);
}

TEST_P(ContactWorld, SectorDaysFireOnTheirSolarOrLunarDayOnceAYear) {
  db->write([&](storage::Connection& c) {
    const auto json_ids = [](std::int64_t id) { return "[" + std::to_string(id) + "]"; };
    c.x("INSERT INTO sector_dates (conference_id, title, sector_ids, calendar, month, day,"
        " created_at) VALUES ($1, '教师节', $2, 'solar', 9, 10, 0)",
        conference, json_ids(education));
    // 重阳节 (lunar 9/9): 29 Oct 2025, 18 Oct 2026.
    c.x("INSERT INTO sector_dates (conference_id, title, sector_ids, calendar, month, day,"
        " created_at) VALUES ($1, '重阳节·敬老', $2, 'lunar', 9, 9, 0)",
        conference, json_ids(health));
  });
  const auto fire_on = [&](year_month_day d) {
    return db->write(
        [&](storage::Connection& c) { return fire_sector_days(c, *ctx, d, china_ms(d)); });
  };
  EXPECT_EQ(fire_on(2026y / September / 9), 0);
  EXPECT_EQ(fire_on(2026y / September / 10), 1);
  EXPECT_EQ(fire_on(2026y / September / 10), 0);  // once a year
  EXPECT_EQ(open_tasks(teacher), 2);
  EXPECT_EQ(fire_on(2026y / October / 29), 0);  // 2025's date, not 2026's
  EXPECT_EQ(fire_on(2026y / October / 18), 1);
  EXPECT_EQ(open_tasks(doctor), 1);
  EXPECT_EQ(fire_on(2027y / September / 10), 1);  // next year again
}

TEST_P(ContactWorld, ReceptionDaysAreGeneratedOnceAndPublished) {
  const auto now = china_ms(2026y / January / 20);
  db->write([&](storage::Connection& c) {
    save_rota(c, studio, Rota{3, 1, "09:00", "11:30", "雁南街道党群服务中心", {teacher}, true},
              now);
    EXPECT_EQ(generate_reception_days(c, *ctx, studio, 2026y / January, 3, now), 3);
    EXPECT_EQ(generate_reception_days(c, *ctx, studio, 2026y / January, 3, now), 0);
  });
  const auto days = db->read(
      [&](storage::Connection& c) { return upcoming_reception_days(c, studio, "2026-01-01"); });
  ASSERT_EQ(days.size(), 3U);
  EXPECT_EQ(days[0].at("date").as_string(), "2026-01-19");
  EXPECT_EQ(days[1].at("date").as_string(), "2026-02-24");  // 16 Feb is Spring Festival
  EXPECT_EQ(days[0].at("members").as_array().size(), 1U);
  const auto ics = db->read(
      [&](storage::Connection& c) { return reception_days_ics(c, *ctx, studio, "2026-01-01"); });
  EXPECT_NE(ics.find("DTSTART;TZID=Asia/Shanghai:20260224T090000\r\n"), std::string::npos);
  EXPECT_NE(ics.find("BEGIN:VTIMEZONE"), std::string::npos);
  for (std::size_t pos = 0; pos < ics.size();) {
    const auto end = ics.find("\r\n", pos);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - pos, 75U) << ics.substr(pos, end - pos);
    pos = end + 2;
  }
  EXPECT_THROW(db->write([&](storage::Connection& c) {
    save_rota(c, studio, Rota{6, 1}, now);
  }),
               Error);
}

TEST_P(ContactWorld, ActivitiesAreValidated) {
  const auto now = china_ms(2026y / March / 16);
  const auto attempt = [&](NewActivity a) {
    a.conference_id = conference;
    try {
      db->write([&](storage::Connection& c) { log_activity(c, *ctx, nobody, a, now); });
      return std::string();
    } catch (const Error& e) {
      return e.details().at("field").as_string().c_str() + std::string();
    }
  };
  EXPECT_EQ(attempt({.kind = "picnic", .member_ids = {teacher}}), "kind");
  EXPECT_EQ(attempt({.kind = "visit", .channel = "pigeon", .member_ids = {teacher}}), "channel");
  EXPECT_EQ(attempt({.kind = "visit"}), "member_ids");
  EXPECT_EQ(attempt({.kind = "visit", .held_on = "2026-03-17", .member_ids = {teacher}}),
            "held_on");  // tomorrow
  EXPECT_EQ(attempt({.kind = "visit", .held_on = "2026-02-30", .member_ids = {teacher}}),
            "held_on");
  EXPECT_EQ(attempt({.kind = "salon", .member_ids = {teacher}, .reached_count = 30}), "");
}

TONGXIN_INSTANTIATE_ENGINES(ContactWorld);

}  // namespace
}  // namespace tongxin::contact
