// src/core/http/server_test.cpp
//
// The server seen through a socket: error shapes, limits, access checks, request IDs,
// keep-alive and pipelining, shedding load when the worker queue is full, and draining
// in-flight requests on stop.
#include "core/http/server.hpp"

#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <filesystem>
#include <fstream>
#include <future>
#include <latch>

#include "core/error.hpp"
#include "testing/http_client.hpp"

namespace tongxin::http {
namespace {

using testing::http_request;
using testing::HttpResponse;
using testing::TestServer;

Router make_router() {
  Router r;
  r.add({.method = Method::post,
         .pattern = "/api/v1/echo",
         .handler =
             [](Request& req) {
               const auto& o = req.json();
               return Response::json(boost::json::object{{"got", o}});
             },
         .access = Access::open});
  r.add({.method = Method::get,
         .pattern = "/api/v1/missing/{id}",
         .handler = [](Request& req) -> Response {
           req.id_param();
           throw Error::not_found("thing.not_found", "对象不存在", "no such thing");
         },
         .access = Access::open});
  r.add({.method = Method::get,
         .pattern = "/api/v1/crash",
         .handler = [](Request&) -> Response { throw std::runtime_error("secret detail"); },
         .access = Access::open});
  r.add({.method = Method::get,
         .pattern = "/api/v1/staff-only",
         .handler =
             [](Request&) {
               return Response::json(boost::json::object{{"ok", true}});
             },
         .roles = {auth::Role::staff}});
  return r;
}

TEST(Server, ErrorsAreJsonWithChineseOrEnglishMessages) {
  const auto router = make_router();
  TestServer s(router);
  auto r = s.post("/api/v1/echo", "{\"a\": ");
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.json().at("error").at("code").as_string(), "request.malformed_json");
  EXPECT_EQ(r.json().at("error").at("message").as_string(), "请求内容不是有效的 JSON");

  r = http_request(s.port(), "POST", "/api/v1/echo", "[1]", {{"Accept-Language", "en-US,en"}});
  EXPECT_EQ(r.status, 400u);
  EXPECT_EQ(r.json().at("error").at("message").as_string(),
            "the request body must be a JSON object");

  r = s.get("/api/v1/missing/abc");
  EXPECT_EQ(r.status, 404u);
  r = s.get("/api/v1/missing/5");
  EXPECT_EQ(r.json().at("error").at("code").as_string(), "thing.not_found");

  r = s.get("/api/v1/crash");
  EXPECT_EQ(r.status, 500u);
  EXPECT_EQ(r.body.find("secret"), std::string::npos);

  r = s.get("/api/v1/nope");
  EXPECT_EQ(r.status, 404u);
  EXPECT_EQ(r.json().at("error").at("code").as_string(), "route.not_found");

  r = http_request(s.port(), "DELETE", "/api/v1/echo");
  EXPECT_EQ(r.status, 405u);
  EXPECT_EQ(r.headers["allow"], "POST");
}

TEST(Server, EnforcesSizeLimits) {
  const auto router = make_router();
  ServerOptions o;
  o.max_body_bytes = 1024;
  o.max_header_bytes = 2048;
  TestServer s(router, o);
  auto r = s.post("/api/v1/echo", "{\"a\":\"" + std::string(5000, 'x') + "\"}");
  EXPECT_EQ(r.status, 413u);
  r = http_request(s.port(), "GET", "/api/v1/crash", "", {{"X-Big", std::string(4000, 'y')}});
  EXPECT_EQ(r.status, 431u);
  EXPECT_EQ(s.post("/api/v1/echo", "{\"a\":1}").status, 200u);  // still serving
}

TEST(Server, ChecksAccessThroughTheAuthenticator) {
  const auto router = make_router();
  TestServer s(router);
  s.server().set_authenticator([](const Request& req) -> std::optional<auth::Principal> {
    const auto who = req.header("x-test-user");
    if (!who) return std::nullopt;
    auth::Principal p;
    p.username = std::string(*who);
    if (*who == "staff") p.roles = {auth::Role::staff};
    if (*who == "member") p.roles = {auth::Role::member};
    return p;
  });
  EXPECT_EQ(s.get("/api/v1/staff-only").status, 401u);
  EXPECT_EQ(
      http_request(s.port(), "GET", "/api/v1/staff-only", "", {{"X-Test-User", "member"}}).status,
      403u);
  EXPECT_EQ(
      http_request(s.port(), "GET", "/api/v1/staff-only", "", {{"X-Test-User", "staff"}}).status,
      200u);
}

TEST(Server, EchoesOrGeneratesRequestIds) {
  const auto router = make_router();
  TestServer s(router);
  auto r = http_request(s.port(), "GET", "/api/v1/nope", "", {{"X-Request-Id", "abc-123"}});
  EXPECT_EQ(r.headers["x-request-id"], "abc-123");
  r = http_request(s.port(), "GET", "/api/v1/nope", "", {{"X-Request-Id", "bad id\x01"}});
  EXPECT_EQ(r.headers["x-request-id"].size(), 16u);
}

TEST(Server, AnswersPipelinedRequestsInOrderOnOneConnection) {
  const auto router = make_router();
  TestServer s(router);
  boost::asio::io_context ioc;
  boost::asio::ip::tcp::socket sock(ioc);
  sock.connect({boost::asio::ip::make_address("127.0.0.1"), s.port()});
  std::string batch;
  for (int i = 0; i < 3; ++i) {
    const std::string body = "{\"n\":" + std::to_string(i) + "}";
    batch +=
        "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: " +
        std::to_string(body.size()) + "\r\n\r\n" + body;
  }
  boost::asio::write(sock, boost::asio::buffer(batch));
  std::string got;
  char buf[4096];
  while (got.find("{\"got\":{\"n\":2}}") == std::string::npos) {
    const auto n = sock.read_some(boost::asio::buffer(buf));
    got.append(buf, n);
  }
  const auto p0 = got.find("{\"n\":0}");
  const auto p1 = got.find("{\"n\":1}");
  const auto p2 = got.find("{\"n\":2}");
  EXPECT_LT(p0, p1);
  EXPECT_LT(p1, p2);
}

TEST(Server, ShedsLoadWith503WhenTheQueueIsFull) {
  Router r;
  std::latch release(1);
  std::atomic<int> started{0};
  r.add({.method = Method::get,
         .pattern = "/api/v1/slow",
         .handler =
             [&](Request&) {
               ++started;
               release.wait();
               return Response::no_content();
             },
         .access = Access::open});
  ServerOptions o;
  o.worker_threads = 1;
  o.queue_capacity = 1;
  TestServer s(r, o);
  // One request occupies the worker, one waits in the queue, the third is refused.
  auto first = std::async(std::launch::async, [&] { return s.get("/api/v1/slow"); });
  while (started == 0)
    std::this_thread::yield();
  auto second = std::async(std::launch::async, [&] { return s.get("/api/v1/slow"); });
  // Wait until the second request sits in the queue (the pool gauge says so).
  while (s.server().metrics_text().find("tongxin_worker_pool{state=\"queued\"} 1") ==
         std::string::npos) {
    std::this_thread::yield();
  }
  const HttpResponse third = s.get("/api/v1/slow");
  EXPECT_EQ(third.status, 503u);
  EXPECT_EQ(third.headers.at("retry-after"), "1");
  release.count_down();
  EXPECT_EQ(first.get().status, 204u);
  EXPECT_EQ(second.get().status, 204u);
}

TEST(Server, StopLetsInFlightRequestsFinish) {
  Router r;
  std::promise<void> entered;
  std::latch release(1);
  r.add({.method = Method::get,
         .pattern = "/api/v1/slow",
         .handler =
             [&](Request&) {
               entered.set_value();
               release.wait();
               return Response::json(boost::json::object{{"done", true}});
             },
         .access = Access::open});
  auto s = std::make_unique<TestServer>(r);
  const auto port = s->port();
  auto inflight =
      std::async(std::launch::async, [&] { return http_request(port, "GET", "/api/v1/slow"); });
  entered.get_future().wait();
  s->server().stop();
  release.count_down();
  const auto res = inflight.get();
  EXPECT_EQ(res.status, 200u);
  EXPECT_EQ(res.headers.at("connection"), "close");
  s.reset();  // run() returned: the destructor joins
  EXPECT_THROW(http_request(port, "GET", "/api/v1/slow"), boost::system::system_error);
}

TEST(Server, ServesTheWebAppWithClientRouteFallback) {
  const auto dir = std::filesystem::temp_directory_path() / "tongxin-static-test";
  std::filesystem::create_directories(dir / "assets");
  std::ofstream(dir / "index.html") << "<html>app</html>";
  std::ofstream(dir / "assets" / "app.js") << "console.log(1)";
  Router r;
  ServerOptions o;
  o.static_dir = dir.string();
  TestServer s(r, o);
  auto res = s.get("/assets/app.js");
  EXPECT_EQ(res.status, 200u);
  EXPECT_NE(res.headers["content-type"].find("javascript"), std::string::npos);
  EXPECT_NE(res.headers["cache-control"].find("immutable"), std::string::npos);
  res = s.get("/s/12");
  EXPECT_EQ(res.status, 200u);
  EXPECT_EQ(res.body, "<html>app</html>");
  EXPECT_EQ(s.get("/assets/missing.js").status, 404u);
  EXPECT_EQ(s.get("/assets/../../etc/passwd").status, 404u);
  EXPECT_EQ(s.get("/%2e%2e/%2e%2e/etc/passwd").status, 404u);
  std::filesystem::remove_all(dir);
}

TEST(Server, CountsRequestsInMetrics) {
  const auto router = make_router();
  TestServer s(router);
  s.get("/api/v1/missing/5");
  const auto text = s.server().metrics_text();
  EXPECT_NE(text.find("tongxin_http_requests_total{"), std::string::npos);
  EXPECT_NE(text.find("/api/v1/missing/{id}"), std::string::npos);
  EXPECT_NE(text.find("tongxin_worker_pool"), std::string::npos);
}

}  // namespace
}  // namespace tongxin::http
