// src/demo/meetings_demo.cpp
#include "demo/meetings_demo.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <set>

#include "accounts/directory.hpp"
#include "core/audit/audit.hpp"
#include "core/calendar/calendar.hpp"
#include "demo/data.hpp"
#include "demo/random.hpp"
#include "meetings/meetings.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::demo {

namespace {

using namespace std::chrono;

std::string iso(sys_days d) {
  const year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

// A moment of a China-time day.
std::int64_t china_ms(sys_days d, int hour, int minute) {
  return duration_cast<milliseconds>(d.time_since_epoch()).count() +
         (hour * 60LL + minute) * 60 * 1000 - calendar::kChinaOffsetMs;
}

sys_days parse(const std::string& d) {
  return sys_days{year{std::stoi(d.substr(0, 4))} /
                  month{static_cast<unsigned>(std::stoi(d.substr(5, 2)))} /
                  day{static_cast<unsigned>(std::stoi(d.substr(8, 2)))}};
}

// 1 → 一, 12 → 十二, 20 → 二十, 37 → 三十七 (up to 99).
std::string chinese_number(int n) {
  const auto& digits = phrases("meetings.digit");  // "", 一 … 九
  const auto d = [&](int k) { return digits[static_cast<std::size_t>(k)]; };
  if (n < 10) return d(n);
  return (n >= 20 ? d(n / 10) : std::string()) + phrase("meetings.ten") + d(n % 10);
}

const std::vector<std::string>& leave_reasons() {
  return phrases("meetings.leave_reason");
}

struct Planned {
  meetings::NewMeeting meeting;
  int start_minute = 9 * 60;  // when the first sign-ins come (China time)
  int spread_minutes = 40;
};

struct Tally {
  int meetings = 0, plenary = 0, standing = 0, committee = 0;
  int rows = 0, registered = 0, present = 0, excused = 0, absent = 0;
};

}  // namespace

std::string seed_meetings(SeedContext& sc, std::int64_t conference) {
  auto& c = sc.conn;
  Random rnd(sc.seed ^ 0x3EE71A65ULL);
  const auto now = audit::now_ms();
  const sys_days today{calendar::china_date(now)};
  const auto this_year = year_month_day{today}.year();

  // Staff schedule the meetings and keep the rolls; members sign in and ask for leave.
  const auto staff_account = accounts::find_account(c, "staff");
  auth::Principal staff;
  if (staff_account) staff.user_id = staff_account->id;
  staff.username = "staff";
  staff.roles = {auth::Role::staff};
  staff.conference_id = conference;
  const audit::Actor staff_actor{staff, "127.0.0.1", "seed-demo"};
  const audit::Actor member_actor{std::nullopt, "127.0.0.1", "seed-demo"};

  // "政协兰州市委员会" → "政协兰州市第十五届委员会".
  auto name = organisation::names_of_conferences(c, {conference})[conference];
  const auto& suffix = phrase("meetings.conference_suffix");
  const auto body = name.ends_with(suffix) ? name.substr(0, name.size() - suffix.size()) : name;
  const auto termed = phrase("meetings.termed", {{"{body}", body}});

  std::set<std::int64_t> committee_set;
  for (const auto& m : organisation::members_of_conference(c, conference)) {
    if (m.committee_id) committee_set.insert(*m.committee_id);
  }
  const std::vector<std::int64_t> committees(committee_set.begin(), committee_set.end());
  const auto committee_names = organisation::names_of_committees(c, committees);

  std::vector<Planned> plan;
  for (const auto y : {this_year - years{1}, this_year}) {
    const int yn = static_cast<int>(y);
    // 全体会议: four days in January (the 15th term's first session was in 2022).
    const auto first = sys_days{y / January / static_cast<unsigned>(6 + rnd.below(6))};
    Planned p;
    p.meeting = {.kind = "plenary",
                 .title = phrase("meetings.plenary.title",
                                 {{"{termed}", termed}, {"{n}", chinese_number(yn - 2021)}}),
                 .held_on = iso(first),
                 .ends_on = iso(first + days{3}),
                 .place = phrase("meetings.plenary.place"),
                 .sign_in = {"08:00", "08:50"}};
    p.start_minute = 8 * 60;
    p.spread_minutes = 45;
    plan.push_back(p);
    // 常委会议: once a quarter.
    for (unsigned q = 1; q <= 4; ++q) {
      const auto d = sys_days{y / month{q * 3} / static_cast<unsigned>(18 + rnd.below(8))};
      Planned s;
      s.meeting = {
          .kind = "standing",
          .title = phrase("meetings.standing.title",
                          {{"{termed}", termed},
                           {"{n}", chinese_number((yn - 2022) * 4 + static_cast<int>(q))}}),
          .held_on = iso(d),
          .place = phrase("meetings.standing.place"),
          .sign_in = {"08:30", "09:00"}};
      s.start_minute = 8 * 60 + 30;
      s.spread_minutes = 25;
      plan.push_back(s);
    }
    // 专委会会议: three committees a year, in turn.
    for (std::size_t k = 0; k < 3 && !committees.empty(); ++k) {
      const auto committee = committees[(static_cast<std::size_t>(yn) * 3 + k) % committees.size()];
      const auto d = sys_days{y / month{static_cast<unsigned>(4 + 3 * k)} /
                              static_cast<unsigned>(10 + rnd.below(12))};
      Planned m;
      m.meeting = {
          .kind = "committee",
          .title = phrase("meetings.committee.title",
                          {{"{committee}", committee_names.at(committee)},
                           {"{year}", std::to_string(yn)},
                           {"{n}", chinese_number(static_cast<int>(k) + 1)}}),
          .held_on = iso(d),
          .place = phrase("meetings.committee.place", {{"{floor}", std::to_string(3 + k)}}),
          .committee_id = committee};
      m.start_minute = 14 * 60 + 20;
      m.spread_minutes = 30;
      plan.push_back(m);
    }
  }

  Tally tally;
  for (auto& p : plan) {
    p.meeting.conference_id = conference;
    const auto held = parse(p.meeting.held_on);
    // Scheduled a month ahead (or today, for those still to come this month).
    const auto scheduled = std::min(now, china_ms(held - days{30}, 10, 0));
    const auto id = meetings::create_meeting(c, staff_actor, p.meeting, scheduled);
    ++tally.meetings;
    ++(p.meeting.kind == "plenary"    ? tally.plenary
       : p.meeting.kind == "standing" ? tally.standing
                                      : tally.committee);
    const auto ends = parse(meetings::find_meeting(c, id)->ends_on);
    const auto roll = meetings::roll_of(c, id);
    tally.rows += static_cast<int>(roll.size());

    if (ends >= today) {
      // Still to come: a few have asked for leave already. Under way: left as it is.
      if (held <= today) continue;
      for (const auto& [member, _] : roll) {
        if (!rnd.chance(0.05)) continue;
        meetings::ask_leave(c, member_actor, id, member, rnd.pick(leave_reasons()), now);
        ++tally.excused;
      }
      continue;
    }
    // Held: leaves the day before, sign-ins on the first morning; after the last day staff
    // record those who came without signing in and close the roll (the rest are absent).
    std::vector<meetings::Mark> present;
    for (const auto& [member, _] : roll) {
      const double u = rnd.unit();
      if (u < 0.895) {
        const auto minute = p.start_minute +
                            static_cast<int>(rnd.below(static_cast<std::size_t>(p.spread_minutes)));
        meetings::sign_in(c, member_actor, id, member, china_ms(held, 0, minute));
        ++tally.registered;
      } else if (u < 0.925) {
        present.push_back({member, "present", ""});
        ++tally.present;
      } else if (u < 0.975) {
        meetings::ask_leave(c, member_actor, id, member, rnd.pick(leave_reasons()),
                            china_ms(held - days{1}, 17, static_cast<int>(rnd.below(50))));
        ++tally.excused;
      }
    }
    const auto after = china_ms(ends, 18, 0);
    if (!present.empty()) meetings::record_attendance(c, staff_actor, id, present, after);
    tally.absent += meetings::close_roll(c, staff_actor, id, after);
  }
  return "会议 meetings: " + std::to_string(tally.meetings) + "（全体会议 " +
         std::to_string(tally.plenary) + "、常委会议 " + std::to_string(tally.standing) +
         "、专委会会议 " + std::to_string(tally.committee) +
         "），出勤 attendance: " + std::to_string(tally.rows) + "（签到 " +
         std::to_string(tally.registered) + "、到会未签到 " + std::to_string(tally.present) +
         "、请假 " + std::to_string(tally.excused) + "、缺席 " + std::to_string(tally.absent) +
         "）";
}

}  // namespace tongxin::demo
