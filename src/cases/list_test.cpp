// src/cases/list_test.cpp
//
// The staff's case lists on both engines: who sees what, the overdue list across both
// deadlines, the division filter as a subtree, paging without gaps or repeats, and search
// ranked among the newest matches with the cap reported.
#include "cases/list.hpp"

#include <gtest/gtest.h>

#include <set>

#include "cases/testing_fixture.hpp"
#include "organisation/organisation.hpp"

namespace tongxin::cases {
namespace {

using test::CasesWorld;
using test::china_ms;

class CaseLists : public CasesWorld {
 protected:
  std::int64_t submit_in(const std::string& text, const std::string& division, std::int64_t now) {
    Intake in;
    in.text = text;
    in.studio_id = studio;
    in.division_code = division;
    in.consent_version = "test";
    return db->write([&](storage::Connection& c) { return submit(c, *ctx, citizen, in, now); }).id;
  }
  std::vector<std::int64_t> ids(const audit::Actor& a, ListFilter f, std::int64_t now) {
    std::vector<std::int64_t> out;
    for (;;) {
      const auto page = db->read(
          [&](storage::Connection& c) { return list_json(list_cases(c, *a.principal, f, now)); });
      for (const auto& item : page.at("items").as_array())
        out.push_back(item.at("id").as_int64());
      if (page.at("next_cursor").is_null()) return out;
      f.cursor = paging::decode(std::string(page.at("next_cursor").as_string()));
    }
  }
};

TEST_P(CaseLists, OverdueCoversBothDeadlinesWithinADivisionNewestFirst) {
  const auto t0 = china_ms(2026, 3, 2);
  // Unclaimed past the claim deadline, claimed past the reply deadline, one on time, one
  // never assigned, and an overdue one in another district.
  const auto late_claim = submit_in("路灯不亮", "620102003000", t0);
  const auto late_reply = submit_in("下水道堵塞", "620102004000", t0);
  const auto on_time = submit_in("垃圾清运不及时", "620102003000", t0);
  const auto unassigned = submit_in("噪音扰民", "620102003000", t0);
  const auto elsewhere = submit_in("占道经营", "620103001000", t0);
  for (const auto id : {late_claim, late_reply, elsewhere}) {
    act(as_staff(), id, Action::assign, {{"member_id", member_a}}, t0);
  }
  act(as_member_a(), late_reply, Action::claim, {}, t0);
  // On time: assigned and claimed later, so both its deadlines lie ahead.
  const auto later = china_ms(2026, 3, 20);
  act(as_staff(), on_time, Action::assign, {{"member_id", member_a}}, later);
  act(as_member_a(), on_time, Action::claim, {}, later);
  const auto reply_due = db->read([&](storage::Connection& c) {
    return c.q("SELECT reply_due_at FROM cases WHERE id = $1", late_reply).front().int64(0);
  });
  const auto now = reply_due + 1;

  ListFilter f;
  f.overdue = true;
  EXPECT_EQ(ids(as_staff(), f, now),
            (std::vector<std::int64_t>{elsewhere, late_reply, late_claim}));
  f.division_code = "620102000000";
  EXPECT_EQ(ids(as_staff(), f, now), (std::vector<std::int64_t>{late_reply, late_claim}));
  f.limit = 1;  // paging walks the same set one by one
  EXPECT_EQ(ids(as_staff(), f, now), (std::vector<std::int64_t>{late_reply, late_claim}));
  f.statuses = {"in_progress"};
  EXPECT_EQ(ids(as_staff(), f, now), (std::vector<std::int64_t>{late_reply}));
  // Before any deadline nothing is overdue.
  EXPECT_TRUE(ids(as_staff(), ListFilter{.overdue = true}, t0).empty());
  // The division filter alone is the subtree: a street and its district, not the neighbour.
  ListFilter street;
  street.division_code = "620102003000";
  EXPECT_EQ(ids(as_staff(), street, now),
            (std::vector<std::int64_t>{unassigned, on_time, late_claim}));
  // A member sees only their own cases, overdue or not.
  ListFilter mine;
  mine.mine = true;
  mine.overdue = true;
  EXPECT_EQ(ids(as_member_b(), mine, now), std::vector<std::int64_t>{});
  EXPECT_EQ(ids(as_member_a(), mine, now).size(), 3U);
}

TEST_P(CaseLists, StaffSeeTheirConferenceAndThoseBelowOnly) {
  const auto t0 = china_ms(2026, 3, 2);
  const auto here = submit_in("路灯不亮", "620102003000", t0);
  // A case of another city's conference, entered by its own staff.
  const auto other = db->write([&](storage::Connection& c) {
    const auto conf = organisation::create_conference(
        c, *ctx, nobody, {"天水市政协", "天水", "city", "620500000000", std::nullopt, 14});
    Intake in;
    in.channel = "phone";
    in.text = "路灯不亮";
    in.conference_id = conf;
    in.consent_version = "test";
    return submit(c, *ctx, nobody, in, t0).id;
  });
  EXPECT_EQ(ids(as_staff(), {}, t0), std::vector<std::int64_t>{here});
  ListFilter q;
  q.q = "路灯";
  EXPECT_EQ(ids(as_staff(), q, t0), std::vector<std::int64_t>{here});
  EXPECT_NE(other, here);
}

TEST_P(CaseLists, SearchRanksTheNewestMatchesAndSaysWhenItStoppedAtTheCap) {
  const auto t0 = china_ms(2026, 3, 2);
  std::vector<std::int64_t> made;
  for (int i = 0; i < 7; ++i) {
    // Every other case repeats the word, so ranking differs from age.
    made.push_back(
        submit_in(i % 2 ? "路灯坏了，路灯不亮，路灯闪烁" : "小区路灯不亮", "620102003000", t0 + i));
  }
  submit_in("下水道堵塞", "620102003000", t0);

  ListFilter f;
  f.q = "路灯";
  f.limit = 2;
  const auto all = ids(as_staff(), f, t0);
  EXPECT_EQ(std::set<std::int64_t>(all.begin(), all.end()),
            std::set<std::int64_t>(made.begin(), made.end()));
  EXPECT_EQ(all.size(), made.size());  // no repeats across pages
  const auto first = db->read([&](storage::Connection& c) {
    return list_json(list_cases(c, *as_staff().principal, f, t0));
  });
  EXPECT_FALSE(first.at("search_capped").as_bool());
  // The cases that repeat the word rank first, whatever their age.
  const std::set<std::int64_t> repeated{made[1], made[3], made[5]};
  for (const auto& item : first.at("items").as_array()) {
    EXPECT_TRUE(repeated.contains(item.at("id").as_int64()));
  }

  f.search_candidates = 4;
  const auto capped = ids(as_staff(), f, t0);
  // Only the four newest matches are ranked.
  EXPECT_EQ(std::set<std::int64_t>(capped.begin(), capped.end()),
            std::set<std::int64_t>(made.end() - 4, made.end()));
  const auto page = db->read([&](storage::Connection& c) {
    return list_json(list_cases(c, *as_staff().principal, f, t0));
  });
  EXPECT_TRUE(page.at("search_capped").as_bool());
}

TONGXIN_INSTANTIATE_ENGINES(CaseLists);

}  // namespace
}  // namespace tongxin::cases
