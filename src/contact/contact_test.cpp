// src/contact/contact_test.cpp
//
// Contact work as a specification, on both engines: the rota across months with holidays,
// 八必访 triggers on solar and lunar dates creating visit tasks that a logged contact
// closes, and the reception-day feed; key contacts edited (sealed and masked) and archived
// (their open tasks cancelled); sector days listed and archived; and the routes' checks of
// who may edit and see, called through the router as the server calls them.
#include "contact/contact.hpp"

#include <gtest/gtest.h>

#include "accounts/accounts.hpp"
#include "accounts/migrations.hpp"
#include "contact/migrations.hpp"
#include "contact/routes.hpp"
#include "core/calendar/calendar.hpp"
#include "core/calendar/dates.hpp"
#include "core/calendar/lunar.hpp"
#include "core/error.hpp"
#include "core/http/router.hpp"
#include "core/migrations.hpp"
#include "organisation/migrations.hpp"
#include "organisation/organisation.hpp"
#include "testing/principals.hpp"
#include "testing/route_client.hpp"
#include "testing/service_context.hpp"
#include "testing/test_database.hpp"

namespace tongxin::contact {
namespace {

using namespace std::chrono;

using testing::shared_calendar;
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

TEST(SectorDays, NextFallsOnTheSolarOrLunarDay) {
  const auto next = [](const char* cal, int m, int d, year_month_day from) {
    const auto r = next_sector_day(cal, m, d, from);
    return r ? calendar::iso_date(*r) : std::string("none");
  };
  EXPECT_EQ(next("solar", 9, 10, 2026y / March / 1), "2026-09-10");
  EXPECT_EQ(next("solar", 9, 10, 2026y / September / 10), "2026-09-10");  // today counts
  EXPECT_EQ(next("solar", 9, 10, 2026y / September / 11), "2027-09-10");
  EXPECT_EQ(next("solar", 2, 29, 2026y / March / 1), "2028-02-29");   // leap years only
  EXPECT_EQ(next("lunar", 9, 9, 2026y / January / 1), "2026-10-18");  // 重阳
  EXPECT_EQ(next("lunar", 9, 9, 2026y / October / 19),
            calendar::iso_date(calendar::lunar_in_year(2027, 9, 9).at(0)));
  EXPECT_EQ(next("lunar", 1, 1, 2026y / January / 1), "2026-02-17");  // 春节 2026
  EXPECT_EQ(next("solar", 2, 30, 2026y / January / 1), "none");
  EXPECT_EQ(next("julian", 9, 10, 2026y / January / 1), "none");
}

class ContactWorld : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (!db) return;
    auto contact_migrations = contact::migrations();
    if (contact_migrations.size() > contact_migrations_applied)
      contact_migrations.resize(contact_migrations_applied);
    testing::apply_migrations(*db, {core::migrations(), organisation::migrations(),
                                    accounts::migrations(), contact_migrations});
    ctx = testing::make_service_context(*db, config);
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

  std::string task_status(std::int64_t member, std::int64_t contact) {
    return db->read([&](storage::Connection& c) {
      const auto r =
          c.q("SELECT status FROM visit_tasks WHERE member_id = $1 AND"
              " key_contact_id = $2 ORDER BY id DESC LIMIT 1",
              member, contact);
      return r.empty() ? std::string("none") : r.front().text(0);
    });
  }
  int audit_rows(const char* action, std::int64_t id) {
    return static_cast<int>(db->read([&](storage::Connection& c) {
      return c.q("SELECT COUNT(*) FROM audit_log WHERE action = $1 AND object_id = $2", action, id)
          .front()
          .int64(0);
    }));
  }
  FiredTrigger fire_for(std::int64_t sector, const char* fired_on = "2026-03-16") {
    return db->write([&](storage::Connection& c) {
      return fire_trigger(c, *ctx, nobody,
                          {conference,
                           "policy",
                           "政策出台",
                           "event",
                           {sector},
                           std::nullopt,
                           std::nullopt,
                           fired_on,
                           15},
                          china_ms(2026y / March / 16));
    });
  }
  // The field an Error names, or its code, or "" when `f` succeeds.
  template <typename F>
  std::string failure(F&& f) {
    try {
      f();
      return "";
    } catch (const Error& e) {
      if (e.details().is_object() && e.details().as_object().contains("field"))
        return std::string(e.details().at("field").as_string());
      return std::to_string(e.status()) + " " + e.code();
    }
  }

  int open_tasks(std::int64_t member) {
    return static_cast<int>(db->read([&](storage::Connection& c) {
      return c
          .q("SELECT COUNT(*) FROM visit_tasks WHERE member_id = $1 AND status = 'open'", member)
          .front()
          .int64(0);
    }));
  }

  std::size_t contact_migrations_applied = SIZE_MAX;  // fewer: a database from before
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
  // Every member and contact must be the conference's: one unknown refuses the whole activity.
  EXPECT_EQ(attempt({.kind = "visit", .member_ids = {teacher, 999999}}), "member_ids");
  EXPECT_EQ(attempt({.kind = "visit", .member_ids = {teacher}, .key_contact_ids = {999999}}),
            "key_contact_ids");
  EXPECT_EQ(attempt({.kind = "visit",
                     .member_ids = {teacher},
                     .key_contact_ids = {principal_contact, 999999}}),
            "key_contact_ids");
  // A member or contact named twice is linked once.
  EXPECT_EQ(attempt({.kind = "talk",
                     .member_ids = {teacher, doctor, teacher},
                     .key_contact_ids = {principal_contact, principal_contact}}),
            "");
  const auto links = db->read([&](storage::Connection& c) {
    return std::pair{
        c.q("SELECT COUNT(*) FROM activity_members am JOIN activities a ON a.id = am.activity_id"
            " WHERE a.kind = 'talk'")
            .front()
            .int64(0),
        c.q("SELECT COUNT(*) FROM activity_contacts ac JOIN activities a ON a.id = ac.activity_id"
            " WHERE a.kind = 'talk'")
            .front()
            .int64(0)};
  });
  EXPECT_EQ(links, (std::pair<std::int64_t, std::int64_t>{2, 1}));
  EXPECT_EQ(db->read([&](storage::Connection& c) {
    return c.q("SELECT COUNT(*) FROM activities WHERE kind = 'visit'").front().int64(0);
  }),
            0);  // the refused ones left nothing
}

TEST_P(ContactWorld, AJointVisitClosesTheTasksOfEachMemberForEachContactMet) {
  ASSERT_EQ(fire_for(education).tasks, 2);  // the teacher's two contacts
  ASSERT_EQ(fire_for(health).tasks, 1);     // the doctor's nurse
  const auto logged = db->write([&](storage::Connection& c) {
    return log_activity(c, *ctx, nobody,
                        {.kind = "visit",
                         .held_on = "2026-03-17",
                         .member_ids = {teacher, doctor},
                         .key_contact_ids = {principal_contact, nurse_contact},
                         .conference_id = conference},
                        china_ms(2026y / March / 17));
  });
  EXPECT_EQ(logged.tasks_closed, 2);
  EXPECT_EQ(task_status(teacher, principal_contact), "done");
  EXPECT_EQ(task_status(doctor, nurse_contact), "done");
  EXPECT_EQ(task_status(teacher, parent_contact), "open");  // not met
}

TEST_P(ContactWorld, AKeyContactIsEditedSealedMaskedAndAuditedWithoutItsValues) {
  const auto now = china_ms(2026y / March / 16);
  const auto changed = db->write([&](storage::Connection& c) {
    return update_key_contact(c, *ctx, nobody, principal_contact,
                              {.name = "张明远",
                               .sector_label = "教育界",
                               .phone = "+86 137-0000-2222",
                               .notes = "城关区第一中学校长"},
                              now);
  });
  EXPECT_EQ(changed, (std::vector<std::string>{"name", "sector_label", "notes", "phone"}));
  const auto row = [&] {
    return db->read([&](storage::Connection& c) {
      const auto rows = c.q("SELECT * FROM key_contacts WHERE id = $1", principal_contact);
      const auto r = rows.front();
      return std::vector<std::string>{
          ctx->crypto->open(r.text("name_enc")).value_or("?"),
          r.text("name_masked"),
          r.is_null("phone_enc") ? "" : ctx->crypto->open(r.text("phone_enc")).value_or("?"),
          r.text("phone_masked"),
          r.text("sector_label"),
          r.text("work_unit"),
          r.text("notes")};
    });
  };
  EXPECT_EQ(row(), (std::vector<std::string>{"张明远", crypto::mask_name("张明远"), "13700002222",
                                             "137****2222", "教育界", "", "城关区第一中学校长"}));
  EXPECT_EQ(audit_rows("key_contact.update", principal_contact), 1);
  const auto detail = db->read([&](storage::Connection& c) {
    return c
        .q("SELECT detail FROM audit_log WHERE action = 'key_contact.update' AND object_id = $1",
           principal_contact)
        .front()
        .text(0);
  });
  EXPECT_NE(detail.find("\"phone\""), std::string::npos) << detail;
  EXPECT_EQ(detail.find("2222"), std::string::npos) << "no personal data in the audit: " << detail;
  EXPECT_EQ(detail.find("张明远"), std::string::npos) << detail;

  // The same values again change nothing and write no audit row.
  EXPECT_TRUE(db->write([&](storage::Connection& c) {
                  return update_key_contact(c, *ctx, nobody, principal_contact,
                                            {.name = "张明远", .phone = "13700002222"}, now);
                }).empty());
  EXPECT_EQ(audit_rows("key_contact.update", principal_contact), 1);
  // An empty phone removes it.
  db->write([&](storage::Connection& c) {
    update_key_contact(c, *ctx, nobody, principal_contact, {.phone = ""}, now);
  });
  EXPECT_EQ(row()[2], "");
  EXPECT_EQ(row()[3], "");

  const auto attempt = [&](KeyContactEdit e, std::int64_t id = 0) {
    return failure([&] {
      db->write([&](storage::Connection& c) {
        update_key_contact(c, *ctx, nobody, id ? id : parent_contact, e, now);
      });
    });
  };
  EXPECT_EQ(attempt({.name = ""}), "name");
  EXPECT_EQ(attempt({.name = std::string(31, 'x')}), "name");
  EXPECT_EQ(attempt({.name = "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"}), "");
  EXPECT_EQ(attempt({.phone = "12345"}), "phone");
  EXPECT_EQ(attempt({.work_unit = std::string(61, 'x')}), "work_unit");
  EXPECT_EQ(attempt({.notes = std::string(501, 'x')}), "notes");
  EXPECT_EQ(attempt({}), "400 key_contact.nothing_to_change");
  EXPECT_EQ(attempt({.notes = "x"}, 999999), "404 key_contact.not_found");
}

TEST_P(ContactWorld, ArchivingAContactCancelsItsOpenTasksInTheSameTransaction) {
  ASSERT_EQ(fire_for(education).tasks, 2);
  // The principal was visited: that task is done and stays done.
  db->write([&](storage::Connection& c) {
    log_activity(c, *ctx, nobody,
                 {.kind = "visit",
                  .held_on = "2026-03-18",
                  .member_ids = {teacher},
                  .key_contact_ids = {principal_contact},
                  .conference_id = conference},
                 china_ms(2026y / March / 18));
  });
  // A failure later in the unit of work undoes the archive and the cancellation.
  EXPECT_THROW(db->write([&](storage::Connection& c) {
    EXPECT_EQ(archive_key_contact(c, nobody, parent_contact, china_ms(2026y / March / 20)), 1);
    throw Error::conflict("test.rollback", "回滚", "rollback");
  }),
               Error);
  EXPECT_EQ(task_status(teacher, parent_contact), "open");

  const auto archive = [&](std::int64_t id) {
    return db->write([&](storage::Connection& c) {
      return archive_key_contact(c, nobody, id, china_ms(2026y / March / 20));
    });
  };
  EXPECT_EQ(archive(parent_contact), 1);
  EXPECT_EQ(archive(principal_contact), 0);
  EXPECT_EQ(task_status(teacher, parent_contact), "cancelled");
  EXPECT_EQ(task_status(teacher, principal_contact), "done");
  EXPECT_EQ(audit_rows("key_contact.archive", parent_contact), 1);
  // Cancelled is neither done nor overdue, even after the due date.
  const auto counts = db->read([&](storage::Connection& c) {
    return visit_task_counts(c, teacher, "2026-01-01", "2026-12-31", "2026-05-01");
  });
  EXPECT_EQ(counts.done, 1);
  EXPECT_EQ(counts.overdue, 0);
  EXPECT_EQ(failure([&] { archive(parent_contact); }), "409 key_contact.archived");
  EXPECT_EQ(failure([&] { archive(999999); }), "404 key_contact.not_found");

  // No new tasks, no edits, no activities for an archived contact.
  EXPECT_EQ(fire_for(education, "2026-03-21").tasks, 0);
  EXPECT_EQ(failure([&] {
              db->write([&](storage::Connection& c) {
                update_key_contact(c, *ctx, nobody, parent_contact, {.notes = "x"}, 0);
              });
            }),
            "409 key_contact.archived");
  EXPECT_EQ(failure([&] {
              db->write([&](storage::Connection& c) {
                NewTrigger t;
                t.conference_id = conference;
                t.occasion = "demand";
                t.title = "诉求";
                t.source = "contact_change";
                t.key_contact_id = parent_contact;
                t.fired_on = "2026-03-21";
                fire_trigger(c, *ctx, nobody, t, 0);
              });
            }),
            "key_contact_id");
  EXPECT_EQ(failure([&] {
              db->write([&](storage::Connection& c) {
                log_activity(c, *ctx, nobody,
                             {.kind = "visit",
                              .held_on = "2026-03-18",
                              .member_ids = {teacher},
                              .key_contact_ids = {parent_contact},
                              .conference_id = conference},
                             china_ms(2026y / March / 21));
              });
            }),
            "key_contact_ids");

  // Restored, the contact is reached by later triggers; its cancelled task stays cancelled.
  db->write([&](storage::Connection& c) {
    restore_key_contact(c, nobody, parent_contact, china_ms(2026y / March / 22));
  });
  EXPECT_EQ(audit_rows("key_contact.restore", parent_contact), 1);
  EXPECT_EQ(failure([&] {
              db->write([&](storage::Connection& c) {
                restore_key_contact(c, nobody, parent_contact, 0);
              });
            }),
            "409 key_contact.not_archived");
  EXPECT_EQ(fire_for(education, "2026-03-22").tasks, 1);
  EXPECT_EQ(task_status(teacher, parent_contact), "open");
  const auto statuses = db->read([&](storage::Connection& c) {
    std::vector<std::string> out;
    for (const auto& r : c.q("SELECT status FROM visit_tasks WHERE key_contact_id = $1 ORDER BY"
                             " id",
                             parent_contact))
      out.push_back(r.text(0));
    return out;
  });
  EXPECT_EQ(statuses, (std::vector<std::string>{"cancelled", "open"}));
}

TEST_P(ContactWorld, AnArchivedSectorDayNoLongerFires) {
  const auto id = db->write([&](storage::Connection& c) {
    return c
        .q("INSERT INTO sector_dates (conference_id, title, sector_ids, calendar, month, day,"
           " created_at) VALUES ($1, '教师节', $2, 'solar', 9, 10, 0) RETURNING id",
           conference, "[" + std::to_string(education) + "]")
        .front()
        .int64(0);
  });
  const auto archive = [&](std::int64_t which) {
    return failure([&] {
      db->write([&](storage::Connection& c) { archive_sector_date(c, nobody, which, 1); });
    });
  };
  EXPECT_EQ(archive(id), "");
  EXPECT_EQ(archive(id), "409 sector_date.archived");
  EXPECT_EQ(archive(id + 1000), "404 sector_date.not_found");
  EXPECT_EQ(audit_rows("sector_date.archive", id), 1);
  EXPECT_EQ(db->write([&](storage::Connection& c) {
    return fire_sector_days(c, *ctx, 2026y / September / 10, china_ms(2026y / September / 10));
  }),
            0);
  EXPECT_EQ(open_tasks(teacher), 0);
}

// A database from before 002 (visit tasks rebuilt on SQLite to admit 'cancelled') keeps its
// tasks, and archiving works once the migration is applied.
class ContactUpgrade : public ContactWorld {
 protected:
  void SetUp() override {
    contact_migrations_applied = 1;
    ContactWorld::SetUp();
  }
};

TEST_P(ContactUpgrade, TheTaskStatusMigrationKeepsEveryTask) {
  ASSERT_EQ(fire_for(education).tasks, 2);
  ASSERT_EQ(fire_for(health).tasks, 1);
  db->write([&](storage::Connection& c) {
    log_activity(c, *ctx, nobody,
                 {.kind = "visit",
                  .held_on = "2026-03-18",
                  .member_ids = {teacher},
                  .key_contact_ids = {principal_contact},
                  .conference_id = conference},
                 china_ms(2026y / March / 18));
  });
  const auto snapshot = [&] {
    return db->read([&](storage::Connection& c) {
      std::vector<std::string> out;
      for (const auto& r :
           c.q("SELECT id, trigger_id, member_id, key_contact_id, due_on, status,"
               " done_activity_id, done_at, created_at FROM visit_tasks ORDER BY id")) {
        std::string line;
        for (std::size_t i = 0; i < 9; ++i)
          line += (r.is_null(i)       ? "null"
                   : i == 4 || i == 5 ? r.text(i)
                                      : std::to_string(r.int64(i))) +
                  "|";
        out.push_back(line);
      }
      return out;
    });
  };
  const auto before = snapshot();
  ASSERT_EQ(before.size(), 3U);
  EXPECT_THROW(db->write([&](storage::Connection& c) {
    c.x("UPDATE visit_tasks SET status = 'cancelled' WHERE id = $1", 1);
  }),
               std::exception);  // not yet a status

  std::vector<storage::Migration> all;
  for (auto&& list : {core::migrations(), organisation::migrations(), accounts::migrations(),
                      contact::migrations()}) {
    all.insert(all.end(), list.begin(), list.end());
  }
  const auto report = storage::apply_migrations(*db, all);
  ASSERT_EQ(report.applied.size(), 1U);
  EXPECT_EQ(report.applied[0], "contact/2_archive_contacts_and_sector_dates");
  EXPECT_EQ(snapshot(), before);
  // The indexes came back with the rebuilt table.
  const auto indexes = db->read([&](storage::Connection& c) {
    return c
        .q(c.dialect().engine() == storage::Engine::sqlite
               ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name ="
                 " 'visit_tasks' AND name IN ('visit_tasks_member', 'visit_tasks_contact')"
               : "SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'visit_tasks' AND indexname"
                 " IN ('visit_tasks_member', 'visit_tasks_contact')")
        .front()
        .int64(0);
  });
  EXPECT_EQ(indexes, 2);
  EXPECT_EQ(db->write([&](storage::Connection& c) {
    return archive_key_contact(c, nobody, parent_contact, china_ms(2026y / March / 20));
  }),
            1);
  EXPECT_EQ(task_status(teacher, parent_contact), "cancelled");
  EXPECT_THROW(db->write([&](storage::Connection& c) {
    c.x("UPDATE visit_tasks SET status = 'lost' WHERE id = $1", 1);
  }),
               std::exception);  // the check still holds
  // New tasks still get ids after the copied ones.
  ASSERT_EQ(fire_for(health, "2026-03-21").tasks, 1);
  EXPECT_EQ(snapshot().size(), 4U);
}

// The routes through the real server dispatch (testing::RouteClient), each call acting as
// the principal it names.
class ContactRoutes : public ContactWorld {
 protected:
  void SetUp() override {
    ContactWorld::SetUp();
    if (!db) return;
    register_routes(router, *ctx);
    client = std::make_unique<testing::RouteClient>(router);
    db->write([&](storage::Connection& c) {
      other_conference = organisation::create_conference(
          c, *ctx, nobody, {"天水市政协", "天水", "city", "620500000000", std::nullopt, 14});
      outsider = organisation::create_record(
          c, *ctx, nobody, "member", conference,
          boost::json::object{{"name", "陈明"}, {"sector_id", education}});
      other_studio = organisation::create_record(
          c, *ctx, nobody, "studio", conference,
          boost::json::object{{"name", "东岗街道委员工作站"},
                              {"kind", "station"},
                              {"mode", "street"},
                              {"division_code", "620102004000"},
                              {"member_ids", boost::json::array{outsider}}});
      foreign_sector = organisation::create_record(c, *ctx, nobody, "sector", other_conference,
                                                   boost::json::object{{"name", "农业界"}});
    });
  }

  auth::Principal member(std::int64_t id) const { return testing::as::member(conference, id); }
  auth::Principal staff(std::int64_t conf) const { return testing::as::staff(conf); }
  auth::Principal leader(std::int64_t id) const { return testing::as::leader(conference, id); }
  auth::Principal agency() const { return testing::as::agency(conference); }
  auth::Principal lead(std::int64_t of_studio) const {
    return testing::as::studio_lead(conference, of_studio);
  }

  using Reply = testing::RouteClient::Reply;
  Reply call(http::Method method, const std::string& target, const auth::Principal& p,
             const boost::json::value& body = nullptr) {
    return client->call(method, target, p, body);
  }

  http::Router router;
  std::unique_ptr<testing::RouteClient> client;  // over `router`, once its routes are in
  std::int64_t other_conference = 0, outsider = 0, other_studio = 0, foreign_sector = 0;
};

TEST_P(ContactRoutes, OnlyTheKeepingMemberAndStaffInScopeEditOrArchiveAContact) {
  using http::Method;
  const auto path = "/api/v1/key-contacts/" + std::to_string(principal_contact);
  const boost::json::object edit{{"name", "张明远"}, {"phone", "13700002222"}};
  auto r = call(Method::patch, path, member(teacher), edit);
  ASSERT_EQ(r.status, 200U) << boost::json::serialize(r.body);
  EXPECT_EQ(r.body.at("phone").as_string(), "137****2222");  // masked, as on creation
  EXPECT_EQ(r.body.at("name").as_string(), crypto::mask_name("张明远"));
  EXPECT_EQ(r.body.at("masked").as_bool(), true);
  // The keeper sees the new name in full.
  EXPECT_EQ(call(Method::get, path, member(teacher)).body.at("name").as_string(), "张明远");

  EXPECT_EQ(call(Method::patch, path, member(doctor), edit).status, 404U);  // not theirs
  EXPECT_EQ(call(Method::patch, path, staff(other_conference), edit).status, 404U);
  EXPECT_EQ(call(Method::patch, path, lead(studio), edit).status, 403U);  // not a role that may
  r = call(Method::patch, path, staff(conference), boost::json::object{{"work_unit", "第一中学"}});
  EXPECT_EQ(r.status, 200U);
  EXPECT_EQ(r.body.at("work_unit").as_string(), "第一中学");
  // null clears a field, but not the name.
  r = call(Method::patch, path, member(teacher), boost::json::object{{"work_unit", nullptr}});
  EXPECT_EQ(r.body.at("work_unit").as_string(), "");

  // Bad input: 400 with the field and a Chinese message.
  for (const auto& [body, field] : std::vector<std::pair<boost::json::object, std::string>>{
           {{{"phone", "1234"}}, "validation.invalid_field"},
           {{{"name", ""}}, "validation.invalid_field"},
           {{{"name", nullptr}}, "validation.invalid_field"},
           {{{"name", 42}}, "validation.invalid_field"},
           {{{"member_id", doctor}}, "validation.unknown_field"},
           {{}, "key_contact.nothing_to_change"}}) {
    r = call(Method::patch, path, member(teacher), body);
    EXPECT_EQ(r.status, 400U) << boost::json::serialize(body);
    EXPECT_EQ(r.code(), field) << boost::json::serialize(body);
    EXPECT_FALSE(r.body.at("error").at("message").as_string().empty());
  }

  ASSERT_EQ(fire_for(education).tasks, 2);
  EXPECT_EQ(call(Method::post, path + "/archive", member(doctor)).status, 404U);
  EXPECT_EQ(call(Method::post, path + "/archive", staff(other_conference)).status, 404U);
  r = call(Method::post, path + "/archive", member(teacher));
  ASSERT_EQ(r.status, 200U) << boost::json::serialize(r.body);
  EXPECT_EQ(r.body.at("archived").as_bool(), true);
  EXPECT_EQ(r.body.at("tasks_cancelled").as_int64(), 1);
  EXPECT_EQ(call(Method::post, path + "/archive", member(teacher)).status, 409U);
  EXPECT_EQ(call(Method::patch, path, member(teacher), edit).status, 409U);
  EXPECT_EQ(call(Method::post, path + "/changes", member(teacher),
                 boost::json::object{{"kind", "demand"}, {"note", "想了解政策"}})
                .status,
            409U);

  // Hidden from the list by default; ?archived=true lists the archived ones.
  const auto ids_in = [&](const std::string& target) {
    std::vector<std::int64_t> ids;
    const auto reply = call(Method::get, target, member(teacher));
    for (const auto& item : reply.body.at("items").as_array())
      ids.push_back(item.at("id").as_int64());
    return ids;
  };
  EXPECT_EQ(ids_in("/api/v1/key-contacts"), std::vector<std::int64_t>{parent_contact});
  EXPECT_EQ(ids_in("/api/v1/key-contacts?archived=true"),
            std::vector<std::int64_t>{principal_contact});
  EXPECT_EQ(call(Method::get, "/api/v1/key-contacts?archived=yes", member(teacher)).status, 400U);
  EXPECT_EQ(call(Method::get, "/api/v1/key-contacts?member_id=abc", staff(conference)).status,
            400U);
  // The cancelled task leaves the member's task list unless asked for.
  const auto tasks = [&](const std::string& q) {
    return call(Method::get, "/api/v1/visit-tasks" + q, member(teacher))
        .body.at("items")
        .as_array()
        .size();
  };
  EXPECT_EQ(tasks(""), 1U);
  EXPECT_EQ(tasks("?status=cancelled"), 1U);

  EXPECT_EQ(call(Method::post, path + "/restore", member(doctor)).status, 404U);
  r = call(Method::post, path + "/restore", staff(conference));
  EXPECT_EQ(r.status, 200U);
  EXPECT_EQ(r.body.at("archived").as_bool(), false);
  EXPECT_EQ(call(Method::post, path + "/restore", member(teacher)).status, 409U);
  EXPECT_EQ(ids_in("/api/v1/key-contacts").size(), 2U);
}

TEST_P(ContactRoutes, AStudiosRotaIsReadByItsLeadMembersAndStaffInScope) {
  using http::Method;
  const auto path = "/api/v1/studios/" + std::to_string(studio) + "/reception-rota";
  auto r = call(Method::get, path, lead(studio));
  EXPECT_EQ(r.status, 404U);
  EXPECT_EQ(r.code(), "reception.no_rota");
  EXPECT_EQ(r.body.at("error").at("message").as_string(), "该工作室尚未设置接待日安排");

  ASSERT_EQ(call(Method::put, path, lead(studio),
                 boost::json::object{{"week_of_month", 2},
                                     {"weekday", 3},
                                     {"place", "雁南街道党群服务中心"},
                                     {"member_ids", boost::json::array{teacher, doctor}}})
                .status,
            200U);
  for (const auto& who : {lead(studio), member(teacher), member(doctor), staff(conference)}) {
    r = call(Method::get, path, who);
    ASSERT_EQ(r.status, 200U) << who.username << " " << boost::json::serialize(r.body);
  }
  EXPECT_EQ(r.body.at("week_of_month").as_int64(), 2);
  EXPECT_EQ(r.body.at("weekday").as_int64(), 3);
  EXPECT_EQ(r.body.at("start_time").as_string(), "09:00");
  EXPECT_EQ(r.body.at("place").as_string(), "雁南街道党群服务中心");
  EXPECT_EQ(r.body.at("skip_holidays").as_bool(), true);
  ASSERT_EQ(r.body.at("members").as_array().size(), 2U);
  EXPECT_EQ(r.body.at("members").at(0).at("name").as_string(), "王建国");
  EXPECT_TRUE(r.body.at("upcoming").is_array());

  EXPECT_EQ(call(Method::get, path, member(outsider)).code(), "reception.forbidden");
  EXPECT_EQ(call(Method::get, path, lead(other_studio)).status, 403U);
  EXPECT_EQ(call(Method::get, path, staff(other_conference)).status, 403U);
  EXPECT_EQ(call(Method::get, "/api/v1/studios/999999/reception-rota", staff(conference)).code(),
            "studio.not_found");
  // A member on the rota who is not in the studio reads it too.
  ASSERT_EQ(
      call(Method::put, path, staff(conference),
           boost::json::object{
               {"week_of_month", 2}, {"weekday", 3}, {"member_ids", boost::json::array{outsider}}})
          .status,
      200U);
  EXPECT_EQ(call(Method::get, path, member(outsider)).status, 200U);
  EXPECT_EQ(call(Method::get, path, member(teacher)).status, 200U);  // still a studio member
}

TEST_P(ContactRoutes, SectorDaysAreListedWithTheirSectorsAndArchivedByStaffInScope) {
  using http::Method;
  const auto add = [&](const boost::json::object& body, const auth::Principal& who) {
    return call(Method::post, "/api/v1/sector-dates", who, body);
  };
  auto r = add({{"title", "教师节"},
                {"sector_ids", boost::json::array{education}},
                {"calendar", "solar"},
                {"month", 9},
                {"day", 10}},
               staff(conference));
  ASSERT_EQ(r.status, 201U) << boost::json::serialize(r.body);
  const auto teachers_day = r.body.at("id").as_int64();
  r = add({{"title", "重阳节"},
           {"sector_ids", boost::json::array{health, education}},
           {"calendar", "lunar"},
           {"month", 9},
           {"day", 9}},
          staff(conference));
  ASSERT_EQ(r.status, 201U);
  const auto chongyang = r.body.at("id").as_int64();

  // Bad input and permissions.
  EXPECT_EQ(add({{"title", "x"},
                 {"sector_ids", boost::json::array{education}},
                 {"month", 2},
                 {"day", 30}},
                staff(conference))
                .status,
            400U);
  EXPECT_EQ(add({{"title", "x"},
                 {"sector_ids", boost::json::array{education}},
                 {"calendar", "lunar"},
                 {"month", 9},
                 {"day", 31}},
                staff(conference))
                .status,
            400U);
  r = add({{"title", "农民丰收节"},
           {"sector_ids", boost::json::array{foreign_sector}},
           {"month", 9},
           {"day", 23}},
          staff(conference));
  EXPECT_EQ(r.status, 400U);
  EXPECT_EQ(r.body.at("error").at("message").as_string(), "界别不存在或不属于本政协");
  EXPECT_EQ(add({{"title", "x"},
                 {"sector_ids", boost::json::array{education}},
                 {"month", 9},
                 {"day", 10}},
                member(teacher))
                .status,
            403U);

  r = call(Method::get, "/api/v1/sector-dates", staff(conference));
  ASSERT_EQ(r.status, 200U);
  const auto& items = r.body.at("items").as_array();
  ASSERT_EQ(items.size(), 2U);
  EXPECT_EQ(items[0].at("title").as_string(), "教师节");
  EXPECT_EQ(items[0].at("calendar").as_string(), "solar");
  EXPECT_EQ(items[0].at("sectors").at(0).at("name").as_string(), "教育界");
  EXPECT_TRUE(items[0].at("next_on").as_string().ends_with("-09-10"));
  EXPECT_EQ(items[1].at("calendar").as_string(), "lunar");
  ASSERT_EQ(items[1].at("sectors").as_array().size(), 2U);
  EXPECT_EQ(items[1].at("sectors").at(0).at("name").as_string(), "教育界");  // by id
  EXPECT_EQ(items[1].at("sectors").at(1).at("name").as_string(), "医药卫生界");
  EXPECT_EQ(r.body.at("next_cursor"), nullptr);
  r = call(Method::get, "/api/v1/sector-dates?calendar=lunar", staff(conference));
  EXPECT_EQ(r.body.at("items").as_array().size(), 1U);
  EXPECT_EQ(call(Method::get, "/api/v1/sector-dates?calendar=julian", staff(conference)).status,
            400U);
  r = call(Method::get, "/api/v1/sector-dates?limit=1", staff(conference));
  ASSERT_TRUE(r.body.at("next_cursor").is_string());
  r = call(
      Method::get,
      "/api/v1/sector-dates?limit=1&cursor=" + std::string(r.body.at("next_cursor").as_string()),
      staff(conference));
  EXPECT_EQ(r.body.at("items").at(0).at("id").as_int64(), chongyang);
  EXPECT_TRUE(call(Method::get, "/api/v1/sector-dates", staff(other_conference))
                  .body.at("items")
                  .as_array()
                  .empty());
  EXPECT_EQ(call(Method::get, "/api/v1/sector-dates", member(teacher)).status, 403U);
  EXPECT_EQ(call(Method::get, "/api/v1/sector-dates", lead(studio)).status, 403U);

  const auto archive_path = "/api/v1/sector-dates/" + std::to_string(teachers_day) + "/archive";
  EXPECT_EQ(call(Method::post, archive_path, staff(other_conference)).status, 404U);
  EXPECT_EQ(call(Method::post, archive_path, member(teacher)).status, 403U);
  r = call(Method::post, archive_path, staff(conference));
  ASSERT_EQ(r.status, 200U);
  EXPECT_EQ(r.body.at("archived").as_bool(), true);
  EXPECT_EQ(r.body.at("next_on"), nullptr);
  EXPECT_EQ(call(Method::post, archive_path, staff(conference)).status, 409U);
  r = call(Method::get, "/api/v1/sector-dates", staff(conference));
  ASSERT_EQ(r.body.at("items").as_array().size(), 1U);
  EXPECT_EQ(r.body.at("items").at(0).at("id").as_int64(), chongyang);
  r = call(Method::get, "/api/v1/sector-dates?archived=true", staff(conference));
  ASSERT_EQ(r.body.at("items").as_array().size(), 1U);
  EXPECT_EQ(r.body.at("items").at(0).at("id").as_int64(), teachers_day);
}

TEST_P(ContactWorld, AHeldReceptionDayBecomesAnActivityOfItsStudio) {
  const auto now = china_ms(2026y / March / 20);
  const auto day = db->write([&](storage::Connection& c) {
    save_rota(c, studio, Rota{2, 3, "09:00", "11:30", "雁南街道党群服务中心", {doctor, teacher}},
              now);
    generate_reception_days(c, *ctx, studio, 2026y / March, 2, now);
    return c
        .q("SELECT id FROM reception_days WHERE studio_id = $1 AND held_on = '2026-03-11'", studio)
        .front()
        .int64(0);
  });
  const auto held = db->write([&](storage::Connection& c) {
    return hold_reception_day(c, *ctx, nobody, day, {.summary = "接待群众8人", .reached_count = 8},
                              now);
  });
  EXPECT_EQ(held.tasks_closed, 0);
  const auto activity = db->read([&](storage::Connection& c) {
    const auto r =
        c.q("SELECT a.kind, a.channel, a.held_on, a.place, a.studio_id,"
            " a.conference_id, a.reached_count, d.status FROM activities a JOIN"
            " reception_days d ON d.activity_id = a.id WHERE a.id = $1",
            held.id);
    const auto row = r.front();
    return std::vector<std::string>{row.text(0),
                                    row.text(1),
                                    row.text(2),
                                    row.text(3),
                                    std::to_string(row.int64(4)),
                                    std::to_string(row.int64(5)),
                                    std::to_string(row.int64(6)),
                                    row.text(7)};
  });
  EXPECT_EQ(activity, (std::vector<std::string>{"reception_day", "face_to_face", "2026-03-11",
                                                "雁南街道党群服务中心", std::to_string(studio),
                                                std::to_string(conference), "8", "held"}));
  // The members on duty took part: it is on their record.
  for (const auto m : {teacher, doctor}) {
    const auto acts = db->read([&](storage::Connection& c) {
      return activities_of_member(c, m, "2026-03-01", "2026-03-31");
    });
    ASSERT_EQ(acts.size(), 1U);
    EXPECT_EQ(acts[0].participants, 2);
  }
  EXPECT_EQ(failure([&] {
              db->write([&](storage::Connection& c) {
                hold_reception_day(c, *ctx, nobody, day, {}, now);
              });
            }),
            "409 reception_day.not_scheduled");
  EXPECT_EQ(failure([&] {
              db->write([&](storage::Connection& c) {
                hold_reception_day(c, *ctx, nobody, 999999, {}, now);
              });
            }),
            "404 reception_day.not_found");
  // The April day is still to come: log_activity refuses a future date, the day stays scheduled.
  const auto april = db->read([&](storage::Connection& c) {
    return c
        .q("SELECT id FROM reception_days WHERE studio_id = $1 AND held_on > '2026-04-01'", studio)
        .front()
        .int64(0);
  });
  // Only the members on duty, the studio's lead or staff record a day: not any member, nor
  // the lead of another studio.
  const auto as = [&](std::vector<auth::Role> roles, std::optional<std::int64_t> member,
                      std::optional<std::int64_t> lead_of) {
    auth::Principal p;
    p.user_id = 77;
    p.roles = std::move(roles);
    p.conference_id = conference;
    p.member_id = member;
    p.studio_id = lead_of;
    return audit::Actor{p, "127.0.0.1", "test"};
  };
  for (const auto& outsider : {as({auth::Role::member}, teacher + doctor + 100, std::nullopt),
                               as({auth::Role::studio_lead}, std::nullopt, studio + 100)}) {
    EXPECT_EQ(failure([&] {
                db->write([&](storage::Connection& c) {
                  hold_reception_day(c, *ctx, outsider, april, {}, now);
                });
              }),
              "403 reception_day.not_yours");
  }
  // The member on duty passes that check; the date then refuses it.
  EXPECT_EQ(failure([&] {
              db->write([&](storage::Connection& c) {
                hold_reception_day(c, *ctx, as({auth::Role::member}, teacher, std::nullopt), april,
                                   {}, now);
              });
            }),
            "held_on");
  EXPECT_EQ(failure([&] {
              db->write([&](storage::Connection& c) {
                hold_reception_day(c, *ctx, nobody, april, {}, now);
              });
            }),
            "held_on");
  EXPECT_EQ(db->read([&](storage::Connection& c) {
    return c.q("SELECT status FROM reception_days WHERE id = $1", april).front().text(0);
  }),
            "scheduled");
}

TEST_P(ContactRoutes, LeaderLinksNameTheirPointsAndStayInTheCallersScope) {
  using http::Method;
  std::int64_t county = 0, county_studio = 0, foreign_county = 0, foreign_studio = 0;
  db->write([&](storage::Connection& c) {
    county = organisation::create_conference(
        c, *ctx, nobody, {"城关区政协", "城关区", "county", "620102000000", conference, 14});
    foreign_county = organisation::create_conference(
        c, *ctx, nobody, {"秦州区政协", "秦州区", "county", "620502000000", other_conference, 14});
    county_studio =
        organisation::create_record(c, *ctx, nobody, "studio", county,
                                    boost::json::object{{"name", "城关区委员工作室"},
                                                        {"kind", "studio"},
                                                        {"mode", "sector"},
                                                        {"division_code", "620102000000"}});
    foreign_studio =
        organisation::create_record(c, *ctx, nobody, "studio", other_conference,
                                    boost::json::object{{"name", "天水委员工作室"},
                                                        {"kind", "studio"},
                                                        {"mode", "sector"},
                                                        {"division_code", "620502000000"}});
  });
  const auto body = [&](std::int64_t s, std::int64_t k, std::int64_t t) {
    return boost::json::object{{"leader_member_id", teacher},
                               {"studio_id", s},
                               {"county_conference_id", k},
                               {"township_studio_id", t}};
  };
  // Whatever is named must be in the caller's scope, and the county below the leader's.
  for (const auto& [b, field] : std::vector<std::pair<boost::json::object, std::string>>{
           {body(foreign_studio, county, other_studio), "studio_id"},
           {body(studio, county, foreign_studio), "township_studio_id"},
           {body(999999, county, other_studio), "studio_id"},
           {body(studio, foreign_county, other_studio), "county_conference_id"},
           {body(studio, other_conference, other_studio), "county_conference_id"},
           {body(studio, conference, other_studio), "county_conference_id"},  // not below
           {body(studio, 999999, other_studio), "county_conference_id"}}) {
    const auto r = call(Method::post, "/api/v1/leader-links", staff(conference), b);
    EXPECT_EQ(r.status, 400U) << boost::json::serialize(b);
    EXPECT_EQ(r.field(), field) << boost::json::serialize(r.body);
    EXPECT_TRUE(r.chinese_message()) << boost::json::serialize(r.body);
  }
  // Staff of another conference do not see the leader at all.
  EXPECT_EQ(call(Method::post, "/api/v1/leader-links", staff(other_conference),
                 body(foreign_studio, foreign_county, foreign_studio))
                .field(),
            "leader_member_id");
  EXPECT_EQ(call(Method::post, "/api/v1/leader-links", member(teacher),
                 body(studio, county, other_studio))
                .status,
            403U);
  const auto saved = call(Method::post, "/api/v1/leader-links", staff(conference),
                          body(studio, county, other_studio));
  ASSERT_EQ(saved.status, 201U) << boost::json::serialize(saved.body);
  EXPECT_EQ(audit_rows("leader_link.save", saved.body.at("id").as_int64()), 1);

  // The quarter: each point named, with its visits; an activity at the county's studio counts
  // for the county.
  db->write([&](storage::Connection& c) {
    for (const auto& [on, at] :
         std::vector<std::pair<const char*, std::int64_t>>{{"2026-02-10", studio},
                                                           {"2026-03-02", studio},
                                                           {"2026-03-05", county_studio},
                                                           {"2026-04-02", other_studio}}) {
      log_activity(c, *ctx, nobody,
                   {.kind = "inspection",
                    .held_on = on,
                    .studio_id = at,
                    .member_ids = {teacher},
                    .conference_id = conference},
                   china_ms(2026y / April / 10));
    }
  });
  auto r = call(Method::get, "/api/v1/leader-links?year=2026&quarter=1", staff(conference));
  ASSERT_EQ(r.status, 200U) << boost::json::serialize(r.body);
  ASSERT_EQ(r.body.at("items").as_array().size(), 1U);
  const auto item = r.body.at("items").at(0);
  EXPECT_EQ(item.at("leader").as_string(), "王建国");
  EXPECT_EQ(item.at("studio"),
            (boost::json::value{{"id", studio}, {"name", "雁南街道委员工作站"}}));
  EXPECT_EQ(item.at("county"), (boost::json::value{{"id", county}, {"name", "城关区政协"}}));
  EXPECT_EQ(item.at("township"),
            (boost::json::value{{"id", other_studio}, {"name", "东岗街道委员工作站"}}));
  EXPECT_EQ(item.at("visits"), (boost::json::value{{"studio", 2}, {"county", 1}, {"township", 0}}));
  EXPECT_EQ(item.at("missing"), (boost::json::value(boost::json::array{"township"})));
  r = call(Method::get, "/api/v1/leader-links?year=2026&quarter=2", leader(doctor));
  ASSERT_EQ(r.status, 200U);
  EXPECT_EQ(r.body.at("items").at(0).at("missing"),
            (boost::json::value(boost::json::array{"studio", "county"})));
  EXPECT_TRUE(call(Method::get, "/api/v1/leader-links?year=2026&quarter=1", staff(other_conference))
                  .body.at("items")
                  .as_array()
                  .empty());
  EXPECT_EQ(call(Method::get, "/api/v1/leader-links?year=2026&quarter=1", member(teacher)).status,
            403U);

  // Saving again replaces the points of the same link.
  r = call(Method::post, "/api/v1/leader-links", staff(conference),
           body(county_studio, county, studio));
  EXPECT_EQ(r.body.at("id"), saved.body.at("id"));
  r = call(Method::get, "/api/v1/leader-links?year=2026&quarter=1", staff(conference));
  EXPECT_EQ(r.body.at("items").at(0).at("studio").at("name").as_string(), "城关区委员工作室");
  EXPECT_EQ(r.body.at("items").at(0).at("visits"),
            (boost::json::value{{"studio", 1}, {"county", 1}, {"township", 2}}));

  // Year and quarter: integers in range, or 400 naming the parameter in Chinese.
  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"", "year"},
           {"?year=2026", "quarter"},
           {"?quarter=2", "year"},
           {"?year=abc&quarter=1", "year"},
           {"?year=2026&quarter=x", "quarter"},
           {"?year=2026&quarter=", "quarter"},
           {"?year=2026&quarter=5", "quarter"},
           {"?year=2026&quarter=0", "quarter"},
           {"?year=2026&quarter=1.5", "quarter"},
           {"?year=2026&quarter=-1", "quarter"},
           {"?year=1999&quarter=1", "year"},
           {"?year=2026x&quarter=1", "year"},
           {"?year=99999999999999999999&quarter=1", "year"}}) {
    r = call(Method::get, "/api/v1/leader-links" + query, staff(conference));
    EXPECT_EQ(r.status, 400U) << query;
    EXPECT_EQ(r.code(), "validation.invalid_field") << query;
    EXPECT_EQ(r.field(), field) << query;
    EXPECT_TRUE(r.chinese_message()) << query;
  }
}

TEST_P(ContactRoutes, ActivitiesAreListedToStaffLeadersTheStudiosLeadAndTheMembersOnly) {
  using http::Method;
  const auto now = china_ms(2026y / March / 16);
  std::int64_t together = 0, outsiders = 0, alone = 0;
  db->write([&](storage::Connection& c) {
    together = log_activity(c, *ctx, nobody,
                            {.kind = "consultation",
                             .held_on = "2026-03-10",
                             .studio_id = studio,
                             .member_ids = {teacher, doctor},
                             .conference_id = conference},
                            now)
                   .id;
    outsiders = log_activity(c, *ctx, nobody,
                             {.kind = "service",
                              .held_on = "2026-03-11",
                              .studio_id = other_studio,
                              .member_ids = {outsider},
                              .conference_id = conference},
                             now)
                    .id;
    alone = log_activity(c, *ctx, nobody,
                         {.kind = "visit",
                          .held_on = "2026-03-12",
                          .member_ids = {doctor},
                          .conference_id = conference},
                         now)
                .id;
  });
  const auto list = [&](const std::string& q, const auth::Principal& p) {
    return call(Method::get, "/api/v1/activities" + q, p);
  };
  using Ids = std::vector<std::int64_t>;
  // Staff and leaders: the conference, narrowed as asked.
  for (const auto& p : {staff(conference), leader(outsider)}) {
    EXPECT_EQ(list("", p).ids(), (Ids{alone, outsiders, together})) << p.username;
    EXPECT_EQ(list("?studio_id=" + std::to_string(other_studio), p).ids(), Ids{outsiders});
    EXPECT_EQ(list("?member_id=" + std::to_string(doctor), p).ids(), (Ids{alone, together}));
  }
  EXPECT_TRUE(list("?studio_id=" + std::to_string(studio), staff(other_conference)).ids().empty());
  // The studio's lead: the studio's activities, with the members' names.
  auto r = list("", lead(studio));
  EXPECT_EQ(r.ids(), Ids{together});
  ASSERT_EQ(r.body.at("items").at(0).at("members").as_array().size(), 2U);
  EXPECT_EQ(list("?studio_id=" + std::to_string(studio), lead(studio)).ids(), Ids{together});
  EXPECT_EQ(list("?studio_id=" + std::to_string(studio) + "&member_id=" + std::to_string(doctor),
                 lead(studio))
                .ids(),
            Ids{together});
  // A member: their own, and their studios'.
  EXPECT_EQ(list("", member(doctor)).ids(), (Ids{alone, together}));
  EXPECT_EQ(list("?member_id=" + std::to_string(doctor), member(doctor)).ids(),
            (Ids{alone, together}));
  EXPECT_EQ(list("?studio_id=" + std::to_string(studio), member(teacher)).ids(), Ids{together});
  EXPECT_TRUE(
      list("?member_id=" + std::to_string(teacher) + "&studio_id=" + std::to_string(other_studio),
           member(teacher))
          .ids()
          .empty());
  // Anyone else's: 403 with a Chinese message.
  for (const auto& [q, p] : std::vector<std::pair<std::string, auth::Principal>>{
           {"?studio_id=" + std::to_string(other_studio), lead(studio)},
           {"?member_id=" + std::to_string(doctor), lead(studio)},
           {"?studio_id=" + std::to_string(other_studio) + "&member_id=" + std::to_string(outsider),
            lead(studio)},
           {"?studio_id=" + std::to_string(other_studio), member(teacher)},
           {"?studio_id=" + std::to_string(studio), member(outsider)},
           {"?member_id=" + std::to_string(doctor), member(teacher)},
           {"?studio_id=" + std::to_string(studio) + "&member_id=" + std::to_string(doctor),
            member(outsider)},
           {"", agency()}}) {
    r = list(q, p);
    EXPECT_EQ(r.status, 403U) << q << " " << p.username;
    EXPECT_TRUE(r.chinese_message()) << q;
  }
  EXPECT_EQ(list("?studio_id=" + std::to_string(other_studio), member(teacher)).code(),
            "contact.activities_forbidden");
  // Ids that are not positive integers: 400, not 500.
  for (const auto& [q, field] : std::vector<std::pair<std::string, std::string>>{
           {"?studio_id=abc", "studio_id"},
           {"?studio_id=", "studio_id"},
           {"?studio_id=0", "studio_id"},
           {"?studio_id=1e3", "studio_id"},
           {"?member_id=-4", "member_id"},
           {"?member_id=7x", "member_id"},
           {"?member_id=99999999999999999999", "member_id"}}) {
    for (const auto& p : {staff(conference), member(teacher)}) {
      r = list(q, p);
      EXPECT_EQ(r.status, 400U) << q << " " << p.username;
      EXPECT_EQ(r.field(), field) << q;
      EXPECT_TRUE(r.chinese_message()) << q;
    }
  }
}

TEST_P(ContactRoutes, ReceptionDaysAreListedForAStudioIdAndADate) {
  using http::Method;
  db->write([&](storage::Connection& c) {
    const auto now = audit::now_ms();
    save_rota(c, studio, Rota{2, 3, "09:00", "11:30", "", {teacher}}, now);
    const auto today = calendar::china_date(now);
    generate_reception_days(c, *ctx, studio, {today.year(), today.month()}, 3, now);
  });
  auto r = call(Method::get,
                "/api/v1/reception-days?studio_id=" + std::to_string(studio) + "&from=2000-01-01",
                staff(conference));
  ASSERT_EQ(r.status, 200U) << boost::json::serialize(r.body);
  EXPECT_EQ(r.body.at("items").as_array().size(), 3U);
  for (const auto& [q, field] : std::vector<std::pair<std::string, std::string>>{
           {"", "studio_id"},
           {"?studio_id=abc", "studio_id"},
           {"?studio_id=12abc", "studio_id"},
           {"?studio_id=-1", "studio_id"},
           {"?studio_id=" + std::to_string(studio) + "&from=2026-13-01", "from"},
           {"?studio_id=" + std::to_string(studio) + "&from=tomorrow", "from"}}) {
    r = call(Method::get, "/api/v1/reception-days" + q, member(teacher));
    EXPECT_EQ(r.status, 400U) << q;
    EXPECT_EQ(r.field(), field) << q;
    EXPECT_TRUE(r.chinese_message()) << q;
  }
}

// Key contacts through their service, without HTTP: a fixture with verbs, one rule a test.
class KeyContactService : public ContactWorld {
 protected:
  auth::Principal as_member(std::int64_t id) const {
    return {.user_id = 100 + id,
            .username = "m" + std::to_string(id),
            .roles = {auth::Role::member},
            .conference_id = conference,
            .member_id = id};
  }
  audit::Actor actor_of(const auth::Principal& p) const { return {p, "127.0.0.1", "test"}; }
  KeyContact create(const NewKeyContact& k) {
    return db->write([&](storage::Connection& c) {
      return create_key_contact(c, *ctx, nobody, k, china_ms(2026y / March / 10));
    });
  }
  KeyContact seen_by(const auth::Principal& p, std::int64_t id) {
    return db->write([&](storage::Connection& c) { return find_key_contact(c, *ctx, p, id); });
  }
  KeyContact opened_by(const auth::Principal& p, std::int64_t id) {
    return db->write(
        [&](storage::Connection& c) { return open_key_contact(c, *ctx, actor_of(p), id); });
  }
  std::string stored(std::int64_t id, const char* column) {
    return db->read([&](storage::Connection& c) {
      return c.q(std::string("SELECT ") + column + " FROM key_contacts WHERE id = $1", id)
          .front()
          .text(0);
    });
  }
  Page<KeyContact> list(std::int64_t member, bool archived, int limit = 50) {
    return db->read([&](storage::Connection& c) {
      return key_contacts_of_member(c, member, archived, 0, limit);
    });
  }
};

TEST_P(KeyContactService, ACreatedContactIsSealedAtRestAndReturnedMasked) {
  const auto k = create({"陈志明", "138 0000 1111", "教育界", "兰州一中", "", teacher});
  EXPECT_TRUE(k.masked);
  EXPECT_EQ(k.name, crypto::mask_name("陈志明"));
  EXPECT_EQ(k.phone, crypto::mask_phone("13800001111"));
  EXPECT_EQ(k.member_id, teacher);
  EXPECT_EQ(k.conference_id, conference);
  EXPECT_EQ(stored(k.id, "name_enc").find("陈志明"), std::string::npos);
  EXPECT_EQ(ctx->crypto->open(stored(k.id, "name_enc")).value_or(""), "陈志明");
  EXPECT_EQ(ctx->crypto->open(stored(k.id, "phone_enc")).value_or(""), "13800001111");
  EXPECT_EQ(audit_rows("key_contact.create", k.id), 1);
}

TEST_P(KeyContactService, ACreatedContactNeedsANameAMobileNumberAndAMember) {
  EXPECT_EQ(failure([&] { create({"", std::nullopt, "", "", "", teacher}); }), "name");
  EXPECT_EQ(failure([&] { create({"陈志明", "12345", "", "", "", teacher}); }), "phone");
  EXPECT_EQ(failure([&] {
              create({"陈志明", std::nullopt, "", "", "", std::nullopt});
            }),
            "member_id");
  EXPECT_EQ(failure([&] { create({"陈志明", std::nullopt, "", "", "", 999999}); }), "member_id");
}

TEST_P(KeyContactService, OnlyTheKeepingMemberOpensItInClearAndThatViewIsAudited) {
  const auto k = create({"陈志明", "13800001111", "", "", "", teacher});
  const auto own = opened_by(as_member(teacher), k.id);
  EXPECT_FALSE(own.masked);
  EXPECT_EQ(own.name, "陈志明");
  EXPECT_EQ(own.phone, "13800001111");
  EXPECT_EQ(audit_rows("key_contact.view", k.id), 1);
  EXPECT_EQ(failure([&] { opened_by(as_member(doctor), k.id); }), "404 key_contact.not_found");
  EXPECT_EQ(failure([&] { seen_by(as_member(doctor), k.id); }), "404 key_contact.not_found");
  EXPECT_EQ(seen_by(as_member(teacher), k.id).name, crypto::mask_name("陈志明"));
}

TEST_P(KeyContactService, AnEditIsSealedAndMaskedAgain) {
  const auto id = principal_contact;
  const auto changed = db->write([&](storage::Connection& c) {
    return update_key_contact(c, *ctx, nobody, id, {.name = "张明远", .phone = "13700002222"},
                              china_ms(2026y / March / 11));
  });
  EXPECT_EQ(changed, (std::vector<std::string>{"name", "phone"}));
  const auto k = seen_by(as_member(teacher), id);
  EXPECT_EQ(k.name, crypto::mask_name("张明远"));
  EXPECT_EQ(k.phone, crypto::mask_phone("13700002222"));
  EXPECT_EQ(ctx->crypto->open(stored(id, "name_enc")).value_or(""), "张明远");
}

TEST_P(KeyContactService, ArchivingCancelsTheContactsOpenVisitTasksOnly) {
  fire_for(education);  // one task for each of the teacher's two contacts
  const auto cancelled = db->write([&](storage::Connection& c) {
    return archive_key_contact(c, nobody, principal_contact, china_ms(2026y / March / 17));
  });
  EXPECT_EQ(cancelled, 1);
  EXPECT_EQ(task_status(teacher, principal_contact), "cancelled");
  EXPECT_EQ(task_status(teacher, parent_contact), "open");
  EXPECT_TRUE(seen_by(as_member(teacher), principal_contact).archived);
}

TEST_P(KeyContactService, AMembersListCountsOpenTasksAndPagesById) {
  fire_for(education);
  const auto live = list(teacher, false);
  ASSERT_EQ(live.items.size(), 2u);
  EXPECT_EQ(live.items[0].id, principal_contact);
  EXPECT_EQ(live.items[0].open_tasks, 1);
  EXPECT_FALSE(live.next_after);
  const auto first = list(teacher, false, 1);
  ASSERT_EQ(first.items.size(), 1u);
  EXPECT_EQ(first.next_after, principal_contact);
  EXPECT_TRUE(list(teacher, true).items.empty());
}

TONGXIN_INSTANTIATE_ENGINES(ContactWorld);
TONGXIN_INSTANTIATE_ENGINES(ContactRoutes);
TONGXIN_INSTANTIATE_ENGINES(ContactUpgrade);
TONGXIN_INSTANTIATE_ENGINES(KeyContactService);

}  // namespace
}  // namespace tongxin::contact
