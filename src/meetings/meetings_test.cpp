// src/meetings/meetings_test.cpp
//
// Meetings and attendance as a specification, on both engines: each kind of meeting has the
// roll its kind calls for; a member signs in only on a day of the meeting, inside its window,
// and only when on the roll; leave is asked before the meeting begins; staff record the rest
// afterwards and closing the roll turns everyone still expected into an absence; edits keep
// what is recorded; every write has its audit row; attendance_of_member gives the records
// module the member's meetings in a range. Then the routes, called through the router as the
// server calls them: who sees and changes which meeting, and 400s that name the field.
#include "meetings/meetings.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

#include "core/calendar/calendar.hpp"
#include "core/error.hpp"
#include "core/http/router.hpp"
#include "core/migrations.hpp"
#include "core/workflow/workflow.hpp"
#include "meetings/attendance_workflow.hpp"
#include "meetings/migrations.hpp"
#include "meetings/routes.hpp"
#include "organisation/migrations.hpp"
#include "organisation/organisation.hpp"
#include "testing/principals.hpp"
#include "testing/service_context.hpp"
#include "testing/test_database.hpp"

namespace tongxin::meetings {
namespace {

using namespace std::chrono;
namespace json = boost::json;

// A moment in China time.
std::int64_t china_ms(year_month_day d, int hour = 10, int minute = 0) {
  return duration_cast<milliseconds>(sys_days{d}.time_since_epoch()).count() +
         (hour * 60LL + minute) * 60 * 1000 - calendar::kChinaOffsetMs;
}

std::string iso(year_month_day d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

class MeetingsWorld : public testing::EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (!db) return;
    testing::apply_migrations(
        *db, {core::migrations(), organisation::migrations(), meetings::migrations()});
    ctx = testing::make_service_context(*db, config);
    db->write([&](storage::Connection& c) {
      conference = organisation::create_conference(
          c, *ctx, nobody, {"兰州市政协", "兰州", "city", "620100000000", std::nullopt, 15});
      county = organisation::create_conference(
          c, *ctx, nobody, {"城关区政协", "城关", "county", "620102000000", conference, 15});
      education = organisation::create_record(c, *ctx, nobody, "committee", conference,
                                              json::object{{"name", "教科卫体委员会"}});
      const auto member = [&](const char* name, const char* post,
                              std::optional<std::int64_t> committee = std::nullopt) {
        json::object body{{"name", name}, {"posts", json::array{json::string(post)}}};
        if (committee) body["committee_id"] = *committee;
        return organisation::create_record(c, *ctx, nobody, "member", conference, body);
      };
      chair = member("张国华", "chair");
      vice = member("李文斌", "vice_chair");
      standing = member("王淑芬", "standing", education);
      teacher = member("赵建国", "member", education);
      doctor = member("刘秀英", "member");
      retired = member("陈志强", "member");
      c.x("UPDATE members SET archived_at = 1 WHERE id = $1", retired);
      county_member = organisation::create_record(c, *ctx, nobody, "member", county,
                                                  json::object{{"name", "马晓东"}});
    });
  }

  NewMeeting plenary(const char* held_on = "2026-01-10", const char* ends_on = "2026-01-12") {
    NewMeeting m;
    m.conference_id = conference;
    m.kind = "plenary";
    m.title = "政协兰州市第十五届委员会第五次会议";
    m.held_on = held_on;
    m.ends_on = ends_on;
    m.place = "兰州会议中心";
    m.sign_in = {"08:00", "09:30"};
    return m;
  }
  std::int64_t create(const NewMeeting& m, std::int64_t now = 0) {
    return db->write([&](storage::Connection& c) {
      return create_meeting(c, staff_actor, m, now ? now : china_ms(2026y / January / 2));
    });
  }
  // The roll as member id → status.
  std::map<std::int64_t, std::string> roll(std::int64_t meeting) {
    return db->read([&](storage::Connection& c) {
      std::map<std::int64_t, std::string> out;
      for (const auto& r : c.q("SELECT member_id, status FROM meeting_attendance WHERE"
                               " meeting_id = $1",
                               meeting))
        out[r.int64(0)] = r.text(1);
      return out;
    });
  }
  std::vector<std::int64_t> roll_ids(std::int64_t meeting) {
    std::vector<std::int64_t> ids;
    for (const auto& [id, _] : roll(meeting))
      ids.push_back(id);
    return ids;
  }
  std::string status_of(std::int64_t meeting, std::int64_t member) {
    const auto r = roll(meeting);
    const auto it = r.find(member);
    return it == r.end() ? "none" : it->second;
  }
  int audit_rows(const char* action, std::int64_t id) {
    return static_cast<int>(db->read([&](storage::Connection& c) {
      return c.q("SELECT COUNT(*) FROM audit_log WHERE action = $1 AND object_id = $2", action, id)
          .front()
          .int64(0);
    }));
  }
  // "" when `f` succeeds; the field a 400 names; otherwise "<status> <code>".
  template <typename F>
  std::string failure(F&& f) {
    try {
      db->write([&](storage::Connection& c) { f(c); });
      return "";
    } catch (const Error& e) {
      if (e.status() == 400 && e.details().is_object() && e.details().as_object().contains("field"))
        return std::string(e.details().at("field").as_string());
      return std::to_string(e.status()) + " " + e.code();
    }
  }
  std::string sign_in_at(std::int64_t meeting, std::int64_t member, std::int64_t now) {
    return failure([&](storage::Connection& c) { sign_in(c, nobody, meeting, member, now); });
  }
  std::string leave_at(std::int64_t meeting, std::int64_t member, std::int64_t now,
                       const std::string& reason = "赴外地出差") {
    return failure(
        [&](storage::Connection& c) { ask_leave(c, nobody, meeting, member, reason, now); });
  }
  std::string mark_at(std::int64_t meeting, const std::vector<Mark>& marks, std::int64_t now) {
    return failure(
        [&](storage::Connection& c) { record_attendance(c, staff_actor, meeting, marks, now); });
  }
  std::string close_at(std::int64_t meeting, std::int64_t now) {
    return failure([&](storage::Connection& c) { close_roll(c, staff_actor, meeting, now); });
  }

  config::Config config;
  std::unique_ptr<ServiceContext> ctx;
  audit::Actor nobody{std::nullopt, "127.0.0.1", "test"};
  audit::Actor staff_actor{auth::Principal{.user_id = 9, .username = "staff"}, "127.0.0.1", "test"};
  std::int64_t conference = 0, county = 0, education = 0;
  std::int64_t chair = 0, vice = 0, standing = 0, teacher = 0, doctor = 0, retired = 0;
  std::int64_t county_member = 0;
};

TEST_P(MeetingsWorld, EachKindOfMeetingHasTheRollItsKindCallsFor) {
  // 全体会议: every live member of the conference (not the archived one, not the county's).
  const auto p = create(plenary());
  EXPECT_EQ(roll_ids(p), (std::vector<std::int64_t>{chair, vice, standing, teacher, doctor}));
  for (const auto& [_, status] : roll(p))
    EXPECT_EQ(status, "expected");
  // 常委会议: the standing members, chair and vice chairs included; 主席会议: chair and vice
  // chairs.
  auto m = plenary();
  m.kind = "standing";
  EXPECT_EQ(roll_ids(create(m)), (std::vector<std::int64_t>{chair, vice, standing}));
  m.kind = "chair";
  EXPECT_EQ(roll_ids(create(m)), (std::vector<std::int64_t>{chair, vice}));
  // 专委会会议: the committee's members.
  m.kind = "committee";
  m.committee_id = education;
  EXPECT_EQ(roll_ids(create(m)), (std::vector<std::int64_t>{standing, teacher}));
  // An explicit list, each once; it must be live members of the conference.
  m.kind = "other";
  m.committee_id.reset();
  m.member_ids = std::vector<std::int64_t>{doctor, teacher, doctor};
  EXPECT_EQ(roll_ids(create(m)), (std::vector<std::int64_t>{teacher, doctor}));
  EXPECT_EQ(audit_rows("meeting.create", p), 1);

  const auto fails = [&](NewMeeting n) {
    return failure([&](storage::Connection& c) { create_meeting(c, nobody, n, 0); });
  };
  auto bad = plenary();
  bad.member_ids = std::vector<std::int64_t>{retired};
  EXPECT_EQ(fails(bad), "member_ids");
  bad.member_ids = std::vector<std::int64_t>{county_member};
  EXPECT_EQ(fails(bad), "member_ids");
  bad.member_ids = std::vector<std::int64_t>{};
  EXPECT_EQ(fails(bad), "member_ids");  // an empty roll
  bad = plenary();
  bad.kind = "other";  // no roll of its own: the list is required
  EXPECT_EQ(fails(bad), "member_ids");
  bad.kind = "dinner";
  EXPECT_EQ(fails(bad), "kind");
  bad = plenary();
  bad.kind = "committee";  // which committee?
  EXPECT_EQ(fails(bad), "committee_id");
  bad.committee_id = 999999;
  EXPECT_EQ(fails(bad), "committee_id");
  bad = plenary();
  bad.committee_id = education;  // only a committee meeting has one
  EXPECT_EQ(fails(bad), "committee_id");
  bad = plenary();
  bad.title = "";
  EXPECT_EQ(fails(bad), "title");
  bad = plenary("2026-02-30");
  EXPECT_EQ(fails(bad), "held_on");
  bad = plenary("2026-01-10", "2026-01-09");
  EXPECT_EQ(fails(bad), "ends_on");
  bad = plenary();
  bad.sign_in = {"8:00", "09:30"};
  EXPECT_EQ(fails(bad), "sign_in_from");
  bad.sign_in = {"09:30", "09:00"};
  EXPECT_EQ(fails(bad), "sign_in_until");
  bad.sign_in = {"08:00", ""};
  EXPECT_EQ(fails(bad), "sign_in_until");
}

TEST_P(MeetingsWorld, AMemberSignsInOnlyOnADayOfTheMeetingInsideTheWindowAndOnlyWhenExpected) {
  const auto m = create(plenary());  // 10–12 January, sign-in 08:00–09:30
  EXPECT_EQ(sign_in_at(m, teacher, china_ms(2026y / January / 9, 8, 30)), "409 meeting.not_yet");
  EXPECT_EQ(sign_in_at(m, teacher, china_ms(2026y / January / 10, 7, 59)),
            "409 meeting.outside_window");
  EXPECT_EQ(sign_in_at(m, teacher, china_ms(2026y / January / 10, 9, 31)),
            "409 meeting.outside_window");
  EXPECT_EQ(sign_in_at(m, teacher, china_ms(2026y / January / 10, 8, 30)), "");
  EXPECT_EQ(status_of(m, teacher), "registered");
  EXPECT_EQ(sign_in_at(m, teacher, china_ms(2026y / January / 11, 8, 30)),
            "409 meeting.already_signed_in");
  // A later day of the meeting counts; the day after it does not.
  EXPECT_EQ(sign_in_at(m, doctor, china_ms(2026y / January / 12, 9, 0)), "");
  EXPECT_EQ(sign_in_at(m, vice, china_ms(2026y / January / 13, 9, 0)), "409 meeting.over");
  // Only those on the roll: the archived member is not, nor is a county member.
  EXPECT_EQ(sign_in_at(m, retired, china_ms(2026y / January / 10, 8, 30)),
            "403 meeting.not_on_roll");
  EXPECT_EQ(sign_in_at(m, county_member, china_ms(2026y / January / 10, 8, 30)),
            "403 meeting.not_on_roll");
  EXPECT_EQ(sign_in_at(999999, teacher, china_ms(2026y / January / 10, 8, 30)),
            "404 meeting.not_found");
  // Without a window, the whole day.
  auto all_day = plenary("2026-03-05", "2026-03-05");
  all_day.kind = "chair";
  all_day.sign_in = {};
  const auto council = create(all_day);
  EXPECT_EQ(sign_in_at(council, chair, china_ms(2026y / March / 5, 0, 1)), "");
  EXPECT_EQ(sign_in_at(council, vice, china_ms(2026y / March / 5, 23, 59)), "");
  EXPECT_EQ(audit_rows("meeting.sign_in", m), 2);

  // What the member's page offers follows the same rules.
  const auto meeting = db->read([&](storage::Connection& c) { return *find_meeting(c, m); });
  EXPECT_TRUE(
      member_actions(meeting, "expected", china_ms(2026y / January / 10, 8, 0)).can_sign_in);
  EXPECT_FALSE(
      member_actions(meeting, "registered", china_ms(2026y / January / 10, 8, 0)).can_sign_in);
  EXPECT_FALSE(member_actions(meeting, "expected", china_ms(2026y / January / 9)).can_sign_in);
  EXPECT_TRUE(member_actions(meeting, "expected", china_ms(2026y / January / 9)).can_ask_leave);
  EXPECT_FALSE(member_actions(meeting, "absent", china_ms(2026y / January / 10, 8, 0)).can_sign_in);
}

TEST_P(MeetingsWorld, LeaveIsAskedWithAReasonBeforeTheMeetingBegins) {
  const auto m = create(plenary());  // 10 January, sign-in from 08:00
  EXPECT_EQ(leave_at(m, teacher, china_ms(2026y / January / 8), ""), "reason");
  EXPECT_EQ(leave_at(m, teacher, china_ms(2026y / January / 8), std::string(201, 'x')), "reason");
  EXPECT_EQ(leave_at(m, teacher, china_ms(2026y / January / 8)), "");
  EXPECT_EQ(status_of(m, teacher), "excused");
  EXPECT_EQ(leave_at(m, teacher, china_ms(2026y / January / 8)), "409 meeting.already_excused");
  // On the first day, until the window opens; then it has begun.
  EXPECT_EQ(leave_at(m, doctor, china_ms(2026y / January / 10, 7, 30)), "");
  EXPECT_EQ(leave_at(m, vice, china_ms(2026y / January / 10, 8, 0)), "409 meeting.begun");
  EXPECT_EQ(leave_at(m, vice, china_ms(2026y / January / 11, 7, 0)), "409 meeting.begun");
  EXPECT_EQ(leave_at(m, retired, china_ms(2026y / January / 8)), "403 meeting.not_on_roll");
  // Without a window a meeting begins with its day.
  auto all_day = plenary("2026-03-05", "2026-03-05");
  all_day.sign_in = {};
  const auto n = create(all_day);
  EXPECT_EQ(leave_at(n, chair, china_ms(2026y / March / 4, 23, 59)), "");
  EXPECT_EQ(leave_at(n, vice, china_ms(2026y / March / 5, 0, 0)), "409 meeting.begun");
  // Excused members who come after all sign in; the reason goes.
  EXPECT_EQ(sign_in_at(m, teacher, china_ms(2026y / January / 10, 8, 15)), "");
  EXPECT_EQ(status_of(m, teacher), "registered");
  // Signed in: no leave any more.
  EXPECT_EQ(leave_at(m, teacher, china_ms(2026y / January / 9)), "409 meeting.already_signed_in");
  EXPECT_EQ(audit_rows("meeting.leave", m), 2);
  // The audit row does not carry the reason (it may be about health or family).
  const auto detail = db->read([&](storage::Connection& c) {
    return c.q("SELECT detail FROM audit_log WHERE action = 'meeting.leave' ORDER BY id LIMIT 1")
        .front()
        .text(0);
  });
  EXPECT_EQ(detail.find("出差"), std::string::npos) << detail;
}

TEST_P(MeetingsWorld, StaffRecordAttendanceAfterwardsAndClosingTheRollMakesTheAbsences) {
  const auto m = create(plenary());  // 10–12 January
  const auto before = china_ms(2026y / January / 9);
  const auto after = china_ms(2026y / January / 12, 18);
  // Before the meeting only leave can be recorded (a leave approved by phone).
  EXPECT_EQ(mark_at(m, {{doctor, "present", ""}}, before), "409 meeting.not_yet");
  EXPECT_EQ(mark_at(m, {{doctor, "excused", "住院治疗"}}, before), "");
  EXPECT_EQ(close_at(m, before), "409 meeting.not_yet");
  EXPECT_EQ(sign_in_at(m, teacher, china_ms(2026y / January / 10, 8, 40)), "");

  // Bad marks name the item; nothing of a rejected list is written.
  EXPECT_EQ(mark_at(m, {{vice, "present", ""}, {chair, "late", ""}}, after), "items[1].status");
  EXPECT_EQ(mark_at(m, {{vice, "expected", ""}}, after), "items[0].status");
  EXPECT_EQ(mark_at(m, {{retired, "present", ""}}, after), "items[0].member_id");
  EXPECT_EQ(mark_at(m, {{vice, "present", ""}, {vice, "absent", ""}}, after), "items[1].member_id");
  EXPECT_EQ(mark_at(m, {}, after), "items");
  EXPECT_EQ(status_of(m, vice), "expected");

  // The vice chair came without signing in (到会未签到): half the points, says the scheme.
  EXPECT_EQ(mark_at(m, {{vice, "present", ""}}, after), "");
  EXPECT_EQ(status_of(m, vice), "present");
  // Closing the roll: the chair and the standing member, still expected, are absent; the
  // others keep their status.
  int absent = 0;
  EXPECT_EQ(failure([&](storage::Connection& c) { absent = close_roll(c, staff_actor, m, after); }),
            "");
  EXPECT_EQ(absent, 2);
  EXPECT_EQ(roll(m), (std::map<std::int64_t, std::string>{{chair, "absent"},
                                                          {vice, "present"},
                                                          {standing, "absent"},
                                                          {teacher, "registered"},
                                                          {doctor, "excused"}}));
  EXPECT_EQ(close_at(m, after), "409 meeting.roll_closed");
  // A closed roll takes no more sign-ins or leave...
  EXPECT_EQ(sign_in_at(m, chair, china_ms(2026y / January / 12, 9)), "409 meeting.roll_closed");
  EXPECT_EQ(leave_at(m, chair, before), "409 meeting.roll_closed");
  // ...but staff may still correct it: the chair's leave had been approved.
  EXPECT_EQ(mark_at(m, {{chair, "excused", "出席全国政协会议"}, {standing, "absent", ""}}, after),
            "");
  EXPECT_EQ(status_of(m, chair), "excused");
  EXPECT_EQ(audit_rows("meeting.attendance", m), 3);  // the unchanged mark wrote nothing more
  EXPECT_EQ(audit_rows("meeting.close_roll", m), 1);

  // Staff marking someone registered keeps no sign-in time of the member's own.
  const auto signed_at = [&](std::int64_t member) {
    return db->read([&](storage::Connection& c) {
      return c
          .q("SELECT signed_in_at FROM meeting_attendance WHERE meeting_id = $1 AND"
             " member_id = $2",
             m, member)
          .front()
          .opt_int64("signed_in_at");
    });
  };
  EXPECT_TRUE(signed_at(teacher).has_value());
  EXPECT_EQ(mark_at(m, {{vice, "registered", ""}, {teacher, "present", ""}}, after), "");
  EXPECT_FALSE(signed_at(vice).has_value());
  EXPECT_FALSE(signed_at(teacher).has_value());
}

TEST_P(MeetingsWorld, EditsKeepWhatIsRecordedAndArchivingWithdrawsTheMeeting) {
  const auto m = create(plenary());
  const auto edit = [&](const MeetingEdit& e) {
    return failure([&](storage::Connection& c) {
      update_meeting(c, staff_actor, m, e, china_ms(2026y / January / 3));
    });
  };
  EXPECT_EQ(edit({}), "400 meeting.nothing_to_change");
  EXPECT_EQ(edit({.title = ""}), "title");
  EXPECT_EQ(edit({.held_on = "2026-1-20"}), "held_on");
  // Moving the first day keeps the meeting three days long.
  EXPECT_EQ(edit({.held_on = "2026-01-20"}), "");
  auto meeting = db->read([&](storage::Connection& c) { return *find_meeting(c, m); });
  EXPECT_EQ(meeting.held_on, "2026-01-20");
  EXPECT_EQ(meeting.ends_on, "2026-01-22");
  EXPECT_EQ(edit({.held_on = "2026-01-10", .ends_on = "2026-01-11"}), "");
  EXPECT_EQ(edit({.sign_in = SignInWindow{}}), "");  // all day now
  // The roll: a member added is expected, one dropped leaves it.
  EXPECT_EQ(edit({.member_ids = std::vector<std::int64_t>{chair, vice, teacher}}), "");
  EXPECT_EQ(roll_ids(m), (std::vector<std::int64_t>{chair, vice, teacher}));
  EXPECT_EQ(edit({.member_ids = std::vector<std::int64_t>{chair, vice, teacher, doctor}}), "");
  EXPECT_EQ(status_of(m, doctor), "expected");
  EXPECT_EQ(edit({.member_ids = std::vector<std::int64_t>{county_member}}), "member_ids");

  // Once someone signed in, the dates stay and they stay on the roll.
  EXPECT_EQ(sign_in_at(m, teacher, china_ms(2026y / January / 10, 8)), "");
  EXPECT_EQ(edit({.held_on = "2026-01-17"}), "409 meeting.attendance_recorded");
  EXPECT_EQ(edit({.member_ids = std::vector<std::int64_t>{chair, vice}}),
            "409 meeting.attendance_recorded");
  EXPECT_EQ(edit({.title = "第五次会议（更正）", .place = "宁卧庄宾馆"}), "");
  EXPECT_EQ(audit_rows("meeting.update", m), 6);
  // Closed: the roll is fixed too.
  EXPECT_EQ(close_at(m, china_ms(2026y / January / 11)), "");
  EXPECT_EQ(edit({.member_ids = std::vector<std::int64_t>{chair, vice, teacher, doctor, standing}}),
            "409 meeting.roll_closed");

  // Archived: out of the lists and the record; nothing more changes.
  EXPECT_EQ(failure([&](storage::Connection& c) {
              archive_meeting(c, staff_actor, m, china_ms(2026y / February / 1));
            }),
            "");
  EXPECT_EQ(failure([&](storage::Connection& c) { archive_meeting(c, staff_actor, m, 0); }),
            "409 meeting.archived");
  EXPECT_EQ(edit({.title = "x"}), "409 meeting.archived");
  EXPECT_EQ(mark_at(m, {{chair, "present", ""}}, china_ms(2026y / January / 12)),
            "409 meeting.archived");
  EXPECT_EQ(sign_in_at(m, chair, china_ms(2026y / January / 11, 9)), "404 meeting.not_found");
  EXPECT_EQ(audit_rows("meeting.archive", m), 1);
}

TEST_P(MeetingsWorld, AttendanceOfMemberGivesTheLiveMeetingsOfARangeOldestFirst) {
  const auto jan = create(plenary("2026-01-10", "2026-01-12"));
  auto s = plenary("2026-03-20", "2026-03-20");
  s.kind = "standing";
  const auto mar = create(s);
  const auto last_year = create(plenary("2025-01-08", "2025-01-10"));
  auto w = plenary("2026-06-01", "2026-06-01");
  w.kind = "standing";
  const auto withdrawn = create(w);
  EXPECT_EQ(sign_in_at(jan, standing, china_ms(2026y / January / 10, 8, 30)), "");
  EXPECT_EQ(close_at(mar, china_ms(2026y / March / 20, 12)), "");
  EXPECT_EQ(failure([&](storage::Connection& c) { archive_meeting(c, nobody, withdrawn, 0); }), "");
  (void)last_year;

  const auto list = db->read([&](storage::Connection& c) {
    return attendance_of_member(c, standing, "2026-01-01", "2026-12-31");
  });
  ASSERT_EQ(list.size(), 2U);
  EXPECT_EQ(list[0].meeting_id, jan);
  EXPECT_EQ(list[0].kind, "plenary");
  EXPECT_EQ(list[0].held_on, "2026-01-10");
  EXPECT_EQ(list[0].status, "registered");
  EXPECT_EQ(list[0].title, "政协兰州市第十五届委员会第五次会议");
  EXPECT_EQ(list[1].meeting_id, mar);
  EXPECT_EQ(list[1].kind, "standing");
  EXPECT_EQ(list[1].status, "absent");
  // Inclusive ends; a member on no roll has nothing.
  EXPECT_EQ(db->read([&](storage::Connection& c) {
    return attendance_of_member(c, standing, "2026-01-10", "2026-03-20").size();
  }),
            2U);
  EXPECT_EQ(db->read([&](storage::Connection& c) {
    return attendance_of_member(c, standing, "2026-01-11", "2026-03-19").size();
  }),
            0U);
  EXPECT_EQ(db->read([&](storage::Connection& c) {
    return attendance_of_member(c, retired, "2000-01-01", "2100-12-31").size();
  }),
            0U);
}

// The routes through the router, with the principal the server would have authenticated,
// and the router's role check as the server applies it. They run at the real time: the
// meetings they sign in to are held today.
class MeetingsRoutes : public MeetingsWorld {
 protected:
  void SetUp() override {
    MeetingsWorld::SetUp();
    if (!db) return;
    register_routes(router, *ctx);
    db->write([&](storage::Connection& c) {
      other_conference = organisation::create_conference(
          c, *ctx, nobody, {"天水市政协", "天水", "city", "620500000000", std::nullopt, 15});
    });
    today = calendar::china_date(audit::now_ms());
  }

  auth::Principal member(std::int64_t id) const { return testing::as::member(conference, id); }
  auth::Principal staff(std::int64_t conf) const { return testing::as::staff(conf); }
  auth::Principal admin() const { return testing::as::admin(conference); }
  auth::Principal leader() const {
    auto p = testing::as::leader(conference, vice);
    p.user_id = 700;  // one leader account in this world
    return p;
  }

  struct Reply {
    unsigned status = 0;
    json::value body;
    std::string code() const {
      return body.is_object() && body.as_object().contains("error")
                 ? std::string(body.at("error").at("code").as_string())
                 : std::string();
    }
    std::string field() const {
      if (!body.is_object() || !body.as_object().contains("error")) return "";
      const auto& d = body.at("error").at("details");
      return d.is_object() && d.as_object().contains("field")
                 ? std::string(d.at("field").as_string())
                 : std::string();
    }
    bool chinese_message() const {
      if (!body.is_object() || !body.as_object().contains("error")) return false;
      const auto m = std::string(body.at("error").at("message").as_string());
      return std::any_of(m.begin(), m.end(), [](char ch) {
        const auto b = static_cast<unsigned char>(ch);
        return b >= 0xE4 && b <= 0xE9;
      });
    }
    std::vector<std::int64_t> ids() const {
      std::vector<std::int64_t> out;
      for (const auto& item : body.at("items").as_array())
        out.push_back(item.at("id").as_int64());
      return out;
    }
  };
  Reply call(http::Method method, const std::string& target, const auth::Principal& p,
             const json::value& body = nullptr) {
    http::Request req;
    req.method = method;
    req.target = target;
    const auto q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) {
      std::string rest = target.substr(q + 1);
      while (!rest.empty()) {
        const auto amp = rest.find('&');
        const auto pair = rest.substr(0, amp);
        const auto eq = pair.find('=');
        req.query.emplace(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
        rest = amp == std::string::npos ? "" : rest.substr(amp + 1);
      }
    }
    if (!body.is_null()) req.body = json::serialize(body);
    req.principal = p;
    req.remote_addr = "127.0.0.1";
    req.request_id = "test";
    const auto m = router.match(method, req.path);
    if (!m.route) return {404, nullptr};
    req.route = m.route->pattern;
    req.path_params = m.params;
    try {
      if (!m.route->roles.empty() && !p.has_any(m.route->roles)) {
        throw Error::forbidden("auth.forbidden", "无权执行此操作", "forbidden");
      }
      auto r = m.route->handler(req);
      return {r.status, r.body.empty() ? json::value(nullptr) : json::parse(r.body)};
    } catch (const Error& e) {
      return {static_cast<unsigned>(e.status()),
              json::object{
                  {"error",
                   {{"code", e.code()}, {"message", e.message_zh()}, {"details", e.details()}}}}};
    }
  }
  std::string path(std::int64_t id, const std::string& rest = "") const {
    return "/api/v1/meetings/" + std::to_string(id) + rest;
  }

  http::Router router;
  std::int64_t other_conference = 0;
  year_month_day today;
};

TEST_P(MeetingsRoutes, StaffScheduleAMeetingAndEveryoneSeesWhatTheirScopeHolds) {
  using http::Method;
  auto r = call(Method::post, "/api/v1/meetings", staff(conference),
                json::object{{"kind", "plenary"},
                             {"title", "政协兰州市第十五届委员会第五次会议"},
                             {"held_on", iso(today)},
                             {"place", "兰州会议中心"}});
  ASSERT_EQ(r.status, 201U) << json::serialize(r.body);
  const auto id = r.body.at("id").as_int64();
  EXPECT_EQ(r.body.at("counts").at("expected").as_int64(), 5);
  EXPECT_EQ(r.body.at("counts").at("total").as_int64(), 5);
  EXPECT_EQ(r.body.at("ends_on").as_string(), iso(today));
  EXPECT_TRUE(r.body.at("sign_in_from").is_null());
  // A county's meeting, scheduled by the city's staff for it.
  r = call(Method::post, "/api/v1/meetings", admin(),
           json::object{{"kind", "other"},
                        {"title", "城关区政协界别协商会"},
                        {"held_on", iso(today)},
                        {"conference_id", county},
                        {"member_ids", json::array{county_member}}});
  ASSERT_EQ(r.status, 201U) << json::serialize(r.body);
  const auto county_meeting = r.body.at("id").as_int64();

  // Who sees which: the city's staff both, the county's staff their own, Tianshui's none.
  EXPECT_EQ(call(Method::get, "/api/v1/meetings", staff(conference)).ids(),
            (std::vector<std::int64_t>{county_meeting, id}));
  EXPECT_EQ(call(Method::get, "/api/v1/meetings", staff(county)).ids(),
            std::vector<std::int64_t>{county_meeting});
  EXPECT_TRUE(call(Method::get, "/api/v1/meetings", staff(other_conference)).ids().empty());
  EXPECT_EQ(call(Method::get, path(id), staff(county)).status, 404U);
  EXPECT_EQ(call(Method::get, path(id, "/attendance"), staff(other_conference)).status, 404U);
  EXPECT_EQ(
      call(Method::patch, path(id), staff(other_conference), json::object{{"title", "x"}}).status,
      404U);
  EXPECT_EQ(call(Method::post, path(id, "/close-roll"), staff(county)).status, 404U);
  EXPECT_EQ(call(Method::del, path(id), staff(county)).status, 404U);
  // Staff may not schedule outside their scope.
  r = call(Method::post, "/api/v1/meetings", staff(county),
           json::object{{"kind", "plenary"},
                        {"title", "x"},
                        {"held_on", iso(today)},
                        {"conference_id", conference}});
  EXPECT_EQ(r.status, 400U);
  EXPECT_EQ(r.field(), "conference_id");
  // Leaders read; members and leaders do not schedule or change.
  EXPECT_EQ(call(Method::get, path(id, "/attendance"), leader()).status, 200U);
  EXPECT_EQ(call(Method::patch, path(id), leader(), json::object{{"title", "x"}}).status, 403U);
  EXPECT_EQ(call(Method::post, "/api/v1/meetings", member(teacher), json::object{}).status, 403U);
  EXPECT_EQ(call(Method::get, "/api/v1/meetings", member(teacher)).status, 403U);
  // A member sees a meeting of their own, with their status; no other.
  r = call(Method::get, path(id), member(teacher));
  ASSERT_EQ(r.status, 200U);
  EXPECT_EQ(r.body.at("mine").at("status").as_string(), "expected");
  EXPECT_EQ(r.body.at("mine").at("can_sign_in").as_bool(), true);
  EXPECT_EQ(call(Method::get, path(county_meeting), member(teacher)).status, 404U);

  // The kind filter, the year, and pages by date.
  auto s = call(Method::post, "/api/v1/meetings", staff(conference),
                json::object{{"kind", "standing"},
                             {"title", "第十五届常委会第十次会议"},
                             {"held_on", "2026-03-20"},
                             {"sign_in_from", "08:30"},
                             {"sign_in_until", "09:00"}});
  ASSERT_EQ(s.status, 201U) << json::serialize(s.body);
  EXPECT_EQ(s.body.at("counts").at("total").as_int64(), 3);
  EXPECT_EQ(call(Method::get, "/api/v1/meetings?kind=standing", staff(conference)).ids(),
            std::vector<std::int64_t>{s.body.at("id").as_int64()});
  EXPECT_TRUE(call(Method::get, "/api/v1/meetings?year=2024", staff(conference)).ids().empty());
  std::vector<std::int64_t> paged;
  std::string cursor;
  for (int guard = 0; guard < 5; ++guard) {
    const auto page =
        call(Method::get, "/api/v1/meetings?limit=1" + (cursor.empty() ? "" : "&cursor=" + cursor),
             staff(conference));
    for (const auto x : page.ids())
      paged.push_back(x);
    if (page.body.at("next_cursor").is_null()) break;
    cursor = std::string(page.body.at("next_cursor").as_string());
  }
  EXPECT_EQ(paged, call(Method::get, "/api/v1/meetings", staff(conference)).ids());
  EXPECT_EQ(paged.size(), 3U);

  // Bad input: 400 with the field and a Chinese message.
  for (const auto& [q, field] :
       std::vector<std::pair<std::string, std::string>>{{"?kind=dinner", "kind"},
                                                        {"?year=26", "year"},
                                                        {"?year=abc", "year"},
                                                        {"?archived=yes", "archived"},
                                                        {"?limit=x", "limit"}}) {
    r = call(Method::get, "/api/v1/meetings" + q, staff(conference));
    EXPECT_EQ(r.status, 400U) << q;
    EXPECT_EQ(r.field(), field) << q;
    EXPECT_TRUE(r.chinese_message()) << q;
  }
  for (const auto& [body, field] : std::vector<std::pair<json::object, std::string>>{
           {{{"title", "x"}, {"held_on", "2026-05-01"}}, "kind"},
           {{{"kind", "plenary"}, {"held_on", "2026-05-01"}}, "title"},
           {{{"kind", "plenary"}, {"title", "x"}}, "held_on"},
           {{{"kind", "plenary"}, {"title", "x"}, {"held_on", "05/01/2026"}}, "held_on"},
           {{{"kind", "plenary"}, {"title", "x"}, {"held_on", "2026-05-01"}, {"colour", "red"}},
            "colour"},
           {{{"kind", "other"}, {"title", "x"}, {"held_on", "2026-05-01"}}, "member_ids"},
           {{{"kind", "other"},
             {"title", "x"},
             {"held_on", "2026-05-01"},
             {"member_ids", json::array{"a"}}},
            "member_ids"},
           {{{"kind", "plenary"},
             {"title", "x"},
             {"held_on", "2026-05-01"},
             {"sign_in_from", "25:00"},
             {"sign_in_until", "26:00"}},
            "sign_in_from"}}) {
    r = call(Method::post, "/api/v1/meetings", staff(conference), body);
    EXPECT_EQ(r.status, 400U) << json::serialize(body);
    EXPECT_EQ(r.field(), field) << json::serialize(body);
    EXPECT_TRUE(r.chinese_message()) << json::serialize(body);
  }

  // PATCH and DELETE.
  r = call(
      Method::patch, path(id), staff(conference),
      json::object{{"place", "宁卧庄宾馆"}, {"sign_in_from", "08:00"}, {"sign_in_until", "09:30"}});
  ASSERT_EQ(r.status, 200U) << json::serialize(r.body);
  EXPECT_EQ(r.body.at("place").as_string(), "宁卧庄宾馆");
  EXPECT_EQ(r.body.at("sign_in_until").as_string(), "09:30");
  r = call(Method::patch, path(id), staff(conference),
           json::object{{"sign_in_from", nullptr}, {"sign_in_until", nullptr}});
  EXPECT_TRUE(r.body.at("sign_in_from").is_null());
  EXPECT_EQ(call(Method::patch, path(id), staff(conference), json::object{}).code(),
            "meeting.nothing_to_change");
  r = call(Method::del, path(county_meeting), staff(conference));
  EXPECT_EQ(r.status, 200U);
  EXPECT_EQ(r.body.at("archived").as_bool(), true);
  EXPECT_EQ(call(Method::del, path(county_meeting), staff(conference)).status, 409U);
  EXPECT_EQ(call(Method::get, "/api/v1/meetings?archived=true", staff(conference)).ids(),
            std::vector<std::int64_t>{county_meeting});
  EXPECT_EQ(call(Method::get, path(999999), staff(conference)).status, 404U);
}

TEST_P(MeetingsRoutes, MembersSignInAndAskForLeaveForThemselvesAndStaffKeepTheRoll) {
  using http::Method;
  const auto id = create(plenary(iso(today).c_str(), iso(today).c_str()), audit::now_ms());
  db->write([&](storage::Connection& c) {
    update_meeting(c, nobody, id, {.sign_in = SignInWindow{}}, audit::now_ms());
  });
  const auto tomorrow = iso(sys_days{today} + days{1});
  auto next = plenary(tomorrow.c_str(), tomorrow.c_str());
  next.kind = "standing";
  const auto later = create(next, audit::now_ms());

  // 我的会议: the member's meetings, newest first, with what they may do.
  auto r = call(Method::get, "/api/v1/me/meetings", member(standing));
  ASSERT_EQ(r.status, 200U) << json::serialize(r.body);
  EXPECT_EQ(r.ids(), (std::vector<std::int64_t>{later, id}));
  const auto& first = r.body.at("items").at(0).at("mine");
  EXPECT_EQ(first.at("can_sign_in").as_bool(), false);  // tomorrow
  EXPECT_EQ(first.at("can_ask_leave").as_bool(), true);
  const auto& second = r.body.at("items").at(1).at("mine");
  EXPECT_EQ(second.at("can_sign_in").as_bool(), true);  // today, all day
  EXPECT_EQ(second.at("can_ask_leave").as_bool(), false);
  EXPECT_EQ(call(Method::get, "/api/v1/me/meetings", member(teacher)).ids(),
            std::vector<std::int64_t>{id});
  EXPECT_EQ(call(Method::get, "/api/v1/me/meetings", staff(conference)).status, 403U);

  r = call(Method::post, path(id, "/sign-in"), member(standing));
  ASSERT_EQ(r.status, 200U) << json::serialize(r.body);
  EXPECT_EQ(r.body.at("status").as_string(), "registered");
  EXPECT_EQ(call(Method::post, path(id, "/sign-in"), member(standing)).code(),
            "meeting.already_signed_in");
  EXPECT_EQ(call(Method::post, path(later, "/sign-in"), member(standing)).code(),
            "meeting.not_yet");
  r = call(Method::post, path(later, "/sign-in"), member(teacher));  // not a standing member
  EXPECT_EQ(r.status, 403U);
  EXPECT_EQ(r.code(), "meeting.not_on_roll");
  EXPECT_TRUE(r.chinese_message());
  EXPECT_EQ(call(Method::post, path(id, "/sign-in"), staff(conference)).status, 403U);

  r = call(Method::post, path(later, "/leave"), member(standing), json::object{});
  EXPECT_EQ(r.status, 400U);
  EXPECT_EQ(r.field(), "reason");
  r = call(Method::post, path(later, "/leave"), member(standing),
           json::object{{"reason", "参加全国政协专题调研"}});
  ASSERT_EQ(r.status, 200U) << json::serialize(r.body);
  EXPECT_EQ(r.body.at("status").as_string(), "excused");
  r = call(Method::post, path(id, "/leave"), member(teacher), json::object{{"reason", "身体不适"}});
  EXPECT_EQ(r.status, 409U);
  EXPECT_EQ(r.code(), "meeting.begun");
  EXPECT_TRUE(r.chinese_message());

  // Staff keep the roll: the attendance list, marks, closing.
  r = call(Method::get, path(id, "/attendance?limit=2"), staff(conference));
  ASSERT_EQ(r.status, 200U) << json::serialize(r.body);
  EXPECT_EQ(r.body.at("items").as_array().size(), 2U);
  EXPECT_FALSE(r.body.at("next_cursor").is_null());
  EXPECT_EQ(r.body.at("counts").at("registered").as_int64(), 1);
  r = call(Method::get, path(id, "/attendance?status=registered"), staff(conference));
  ASSERT_EQ(r.body.at("items").as_array().size(), 1U);
  EXPECT_EQ(r.body.at("items").at(0).at("member_id").as_int64(), standing);
  EXPECT_EQ(r.body.at("items").at(0).at("name").as_string(), "王淑芬");
  EXPECT_EQ(call(Method::get, path(id, "/attendance?status=late"), staff(conference)).field(),
            "status");

  for (const auto& [body, field] : std::vector<std::pair<json::value, std::string>>{
           {json::object{}, "items"},
           {json::object{{"items", json::array{42}}}, "items[0]"},
           {json::object{{"items", json::array{json::object{{"status", "present"}}}}},
            "items[0].member_id"},
           {json::object{
                {"items", json::array{json::object{{"member_id", teacher}, {"status", "late"}}}}},
            "items[0].status"},
           {json::object{
                {"items", json::array{json::object{
                              {"member_id", teacher}, {"status", "present"}, {"note", "x"}}}}},
            "items[0].note"},
           {json::object{{"items", json::array()}, {"extra", 1}}, "extra"}}) {
    r = call(Method::put, path(id, "/attendance"), staff(conference), body);
    EXPECT_EQ(r.status, 400U) << json::serialize(body);
    EXPECT_EQ(r.field(), field) << json::serialize(body);
    EXPECT_TRUE(r.chinese_message()) << json::serialize(body);
  }
  r = call(Method::put, path(id, "/attendance"), staff(conference),
           json::object{
               {"items", json::array{json::object{{"member_id", teacher}, {"status", "present"}},
                                     json::object{{"member_id", doctor},
                                                  {"status", "excused"},
                                                  {"leave_reason", "住院治疗"}}}}});
  ASSERT_EQ(r.status, 200U) << json::serialize(r.body);
  EXPECT_EQ(r.body.at("changed").as_int64(), 2);
  EXPECT_EQ(
      call(Method::put, path(id, "/attendance"), leader(), json::object{{"items", json::array()}})
          .status,
      403U);
  r = call(Method::post, path(id, "/close-roll"), staff(conference));
  ASSERT_EQ(r.status, 200U) << json::serialize(r.body);
  EXPECT_EQ(r.body.at("absent").as_int64(), 2);  // the chair and the vice chair
  EXPECT_EQ(r.body.at("roll_closed").as_bool(), true);
  EXPECT_EQ(r.body.at("counts").at("expected").as_int64(), 0);
  EXPECT_EQ(call(Method::post, path(id, "/close-roll"), staff(conference)).status, 409U);
  EXPECT_EQ(call(Method::post, path(later, "/close-roll"), staff(conference)).code(),
            "meeting.not_yet");
  EXPECT_EQ(call(Method::post, path(id, "/sign-in"), member(chair)).code(), "meeting.roll_closed");
}

TONGXIN_INSTANTIATE_ENGINES(MeetingsWorld);
TONGXIN_INSTANTIATE_ENGINES(MeetingsRoutes);

// The attendance lifecycle as meetings defines it equals the rows stated apart.
TEST(MeetingRollWorkflow, MatchesTheSpecRows) {
  const char* src = std::getenv("TONGXIN_SOURCE_DIR");
  EXPECT_NO_THROW(workflow::validate(attendance_workflow()));
  EXPECT_EQ(workflow::spec_rows(attendance_workflow()),
            workflow::read_spec_file(std::string(src ? src : ".") +
                                     "/tests/spec/workflows/meeting_roll.tsv"));
}

}  // namespace
}  // namespace tongxin::meetings
