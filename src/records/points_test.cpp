// src/records/points_test.cpp
//
// Each kind of rule gives the right figure: per unit, yearly caps (the crossing entry gets
// the remainder), first-author splits, shared collective items, half points without
// registration, uncapped negatives, and the grade bands.
#include "records/points.hpp"

#include <gtest/gtest.h>

namespace tongxin::records {
namespace {

const std::vector<Rule> kRules{
    {1, "activity.visit", "contact", "走访联系界别群众", 1, 0, 3.0, Split::each, false},
    {2, "proposal.registered", "proposal", "提案被立案", 5, 1, 30.0, Split::first_author, false},
    {3, "proposal.sector", "proposal", "界别集体提案", 6, 0, std::nullopt, Split::shared, false},
    {4, "meeting.plenary", "meeting", "出席全体会议", 5, 0, std::nullopt, Split::each, true},
    {5, "visit.overdue", "discipline", "走访任务超期", -1, 0, std::nullopt, Split::each, false},
};

double total(const std::vector<Entry>& entries) {
  double t = 0;
  for (const auto& e : entries)
    t += e.points;
  return t;
}

Source src(std::string code, std::string date, std::int64_t id = 1) {
  Source s;
  s.rule_code = std::move(code);
  s.type = "test";
  s.id = id;
  s.date = std::move(date);
  return s;
}

TEST(Points, PerUnitUpToTheYearlyCap) {
  std::vector<Source> s;
  for (int i = 0; i < 5; ++i)
    s.push_back(src("activity.visit", "2026-03-0" + std::to_string(i + 1), i));
  const auto e = score(kRules, s);
  ASSERT_EQ(e.size(), 5U);
  EXPECT_DOUBLE_EQ(total(e), 3);
  EXPECT_DOUBLE_EQ(e[2].points, 1);
  EXPECT_DOUBLE_EQ(e[3].points, 0);
  EXPECT_EQ(e[3].note, "已达年度上限");
}

TEST(Points, CapsApplyInDateOrderWhateverTheInputOrder) {
  const auto e = score(
      kRules, {src("activity.visit", "2026-12-01", 9), src("activity.visit", "2026-01-01", 1),
               src("activity.visit", "2026-02-01", 2), src("activity.visit", "2026-03-01", 3)});
  EXPECT_EQ(e.back().source.id, 9);
  EXPECT_DOUBLE_EQ(e.back().points, 0);
}

TEST(Points, FirstAuthorAndCoAuthors) {
  auto first = src("proposal.registered", "2026-01-10", 7);
  auto co = first;
  co.first_author = false;
  EXPECT_DOUBLE_EQ(score(kRules, {first})[0].points, 5);
  EXPECT_DOUBLE_EQ(score(kRules, {co})[0].points, 1);
}

TEST(Points, CollectiveItemsAreSharedAmongParticipants) {
  auto s = src("proposal.sector", "2026-01-10");
  s.participants = 4;
  EXPECT_DOUBLE_EQ(score(kRules, {s})[0].points, 1.5);
  s.participants = 3;
  EXPECT_DOUBLE_EQ(score(kRules, {s})[0].points, 2);
  s.participants = 7;
  EXPECT_DOUBLE_EQ(score(kRules, {s})[0].points, 0.86);  // rounded to 0.01
}

TEST(Points, HalfPointsWithoutRegistration) {
  auto s = src("meeting.plenary", "2026-01-10");
  s.registered = false;
  const auto e = score(kRules, {s});
  EXPECT_DOUBLE_EQ(e[0].points, 2.5);
  EXPECT_EQ(e[0].note, "未签到，减半");
}

TEST(Points, NegativeRulesAreNeverCapped) {
  std::vector<Source> s;
  for (int i = 0; i < 12; ++i)
    s.push_back(src("visit.overdue", "2026-05-01", i));
  EXPECT_DOUBLE_EQ(total(score(kRules, s)), -12);
}

TEST(Points, UnknownCodesScoreNothing) {
  EXPECT_TRUE(score(kRules, {src("activity.picnic", "2026-05-01")}).empty());
}

TEST(Points, GradeBands) {
  const GradeBands b;
  EXPECT_EQ(grade_for(60, b).label, "优秀");
  EXPECT_EQ(grade_for(59.99, b).label, "称职");
  EXPECT_EQ(grade_for(15, b).label, "基本称职");
  EXPECT_EQ(grade_for(-3, b).label, "不称职");
}

}  // namespace
}  // namespace tongxin::records
