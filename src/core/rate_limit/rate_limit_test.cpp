// src/core/rate_limit/rate_limit_test.cpp
//
// Sliding windows on both engines: the n-th hit in a window passes, the next is a 429 with
// the seconds until the oldest hit leaves; refused requests leave no hit; buckets are
// independent; several windows apply at once.
#include "core/rate_limit/rate_limit.hpp"

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/migrations.hpp"
#include "core/storage/migrations.hpp"
#include "testing/test_database.hpp"

namespace tongxin::rate_limit {
namespace {

using testing::EngineTest;

class RateLimitTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (db) storage::apply_migrations(*db, core::migrations());
  }
  // The Retry-After seconds of a refusal, 0 when the hit passes.
  int hit(const std::string& bucket, const std::vector<Window>& windows, std::int64_t now) {
    try {
      db->write([&](storage::Connection& c) { check_and_hit(c, bucket, windows, now); });
      return 0;
    } catch (const Error& e) {
      EXPECT_EQ(e.status(), 429);
      return e.retry_after();
    }
  }
};

constexpr std::int64_t kMinute = 60'000;

TEST_P(RateLimitTest, OneAMinute) {
  const std::vector<Window> w{{kMinute, 1}};
  EXPECT_EQ(hit("sms:a", w, 1'000'000), 0);
  EXPECT_EQ(hit("sms:a", w, 1'000'000 + 20'000), 40);
  EXPECT_EQ(hit("sms:b", w, 1'000'000 + 20'000), 0);  // another bucket
  EXPECT_EQ(hit("sms:a", w, 1'000'000 + kMinute + 1), 0);
}

TEST_P(RateLimitTest, SeveralWindowsAndRefusalsLeaveNoHit) {
  const std::vector<Window> w{{kMinute, 1}, {60 * kMinute, 3}};
  std::int64_t t = 0;
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(hit("p", w, t), 0);
    EXPECT_GT(hit("p", w, t + 1000), 0);  // refused: must not count
    t += kMinute + 1;
  }
  // The hour is full: the wait is until the first hit is an hour old.
  EXPECT_EQ(hit("p", w, t), (60 * kMinute - t + 999) / 1000);
  EXPECT_EQ(hit("p", w, 60 * kMinute + 1), 0);
}

TEST_P(RateLimitTest, PruneForgetsOldHits) {
  const std::vector<Window> w{{kMinute, 1}};
  EXPECT_EQ(hit("x", w, 0), 0);
  db->write([&](storage::Connection& c) { prune(c, 10); });
  EXPECT_EQ(hit("x", w, 20), 0);
}

TONGXIN_INSTANTIATE_ENGINES(RateLimitTest);

}  // namespace
}  // namespace tongxin::rate_limit
