// src/core/sms/sms_test.cpp
//
// The outbox on both engines: a message exists only if its transaction committed;
// dispatch hands pending messages to the gateway once, retries failures and gives up after
// five attempts; the http driver posts JSON with the bearer token to the relay.
#include "core/sms/sms.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <mutex>

#include "core/migrations.hpp"
#include "core/storage/migrations.hpp"
#include "testing/http_client.hpp"
#include "testing/test_database.hpp"

namespace tongxin::sms {
namespace {

using testing::EngineTest;

class FakeGateway final : public Gateway {
 public:
  void deliver(const std::string& phone, const std::string& text) override {
    if (failing) throw std::runtime_error("provider down");
    sent.emplace_back(phone, text);
  }
  bool failing = false;
  std::vector<std::pair<std::string, std::string>> sent;
};

class SmsTest : public EngineTest {
 protected:
  void SetUp() override {
    EngineTest::SetUp();
    if (db) storage::apply_migrations(*db, core::migrations());
  }
  std::string status_of(std::int64_t id) {
    return db->read([&](storage::Connection& c) {
      return c.q("SELECT status FROM sms_outbox WHERE id = $1", id).front().text(0);
    });
  }
  crypto::FieldCrypto crypto{std::string(32, 'k')};
  config::SmsConfig config;
};

TEST_P(SmsTest, OnlyCommittedMessagesAreSentOnce) {
  FakeGateway gw;
  const auto id = db->write([&](storage::Connection& c) {
    return enqueue(c, crypto, "13912345678", "verification", "您的验证码为123456", 1);
  });
  EXPECT_THROW(db->write([&](storage::Connection& c) {
    enqueue(c, crypto, "13900000000", "verification", "rolled back", 1);
    throw std::runtime_error("the change failed");
  }),
               std::runtime_error);
  EXPECT_EQ(dispatch(*db, crypto, gw, config), 1);
  EXPECT_EQ(dispatch(*db, crypto, gw, config), 0);
  ASSERT_EQ(gw.sent.size(), 1U);
  EXPECT_EQ(gw.sent[0].first, "13912345678");
  EXPECT_EQ(gw.sent[0].second, "【同心】您的验证码为123456");
  EXPECT_EQ(status_of(id), "sent");
  const auto stored = db->read([&](storage::Connection& c) {
    return c.q("SELECT phone_enc FROM sms_outbox WHERE id = $1", id).front().text(0);
  });
  EXPECT_EQ(stored.find("13912345678"), std::string::npos);
}

TEST_P(SmsTest, FailuresAreRetriedThenGivenUp) {
  FakeGateway gw;
  gw.failing = true;
  const auto id = db->write(
      [&](storage::Connection& c) { return enqueue(c, crypto, "13912345678", "x", "hi", 1); });
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(dispatch(*db, crypto, gw, config), 0);
    EXPECT_EQ(status_of(id), "pending");
  }
  EXPECT_EQ(dispatch(*db, crypto, gw, config), 0);
  EXPECT_EQ(status_of(id), "failed");
  gw.failing = false;
  EXPECT_EQ(dispatch(*db, crypto, gw, config), 0);  // given up
}

TONGXIN_INSTANTIATE_ENGINES(SmsTest);

TEST(SmsHttpDriver, PostsJsonWithTheBearerToken) {
  std::mutex m;
  std::vector<std::pair<std::string, std::string>> received;  // authorization, body
  http::Router router;
  router.add({.method = http::Method::post,
              .pattern = "/relay/sms",
              .handler =
                  [&](http::Request& req) {
                    const std::lock_guard lock(m);
                    received.emplace_back(std::string(req.header("authorization").value_or("")),
                                          req.body);
                    return http::Response::json(boost::json::object{{"ok", true}});
                  },
              .access = http::Access::open});
  router.add({.method = http::Method::post,
              .pattern = "/relay/down",
              .handler = [](http::Request&) -> http::Response {
                return http::Response::json(boost::json::object{}, 502);
              },
              .access = http::Access::open});
  testing::TestServer server(router);
  config::SmsConfig config;
  config.driver = "http";
  config.http_token = "secret-token";
  config.http_url = "http://127.0.0.1:" + std::to_string(server.port()) + "/relay/sms";
  make_gateway(config)->deliver("13912345678", "【同心】您好");
  ASSERT_EQ(received.size(), 1U);
  EXPECT_EQ(received[0].first, "Bearer secret-token");
  EXPECT_EQ(boost::json::parse(received[0].second),
            (boost::json::value{{"phone", "13912345678"}, {"text", "【同心】您好"}}));
  config.http_url = "http://127.0.0.1:" + std::to_string(server.port()) + "/relay/down";
  EXPECT_THROW(make_gateway(config)->deliver("13912345678", "x"), std::runtime_error);
}

}  // namespace
}  // namespace tongxin::sms
