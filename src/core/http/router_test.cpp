// src/core/http/router_test.cpp
#include "core/http/router.hpp"

#include <gtest/gtest.h>

namespace tongxin::http {
namespace {

Router make_router() {
  Router r;
  const auto h = [](Request&) { return Response::no_content(); };
  r.add({.method = Method::get, .pattern = "/api/v1/studios", .handler = h});
  r.add({.method = Method::post, .pattern = "/api/v1/studios", .handler = h});
  r.add({.method = Method::get, .pattern = "/api/v1/studios/{id}", .handler = h});
  r.add({.method = Method::get, .pattern = "/api/v1/studios/national", .handler = h});
  r.add({.method = Method::get, .pattern = "/api/v1/public/studios/{id}/qr.png", .handler = h});
  return r;
}

TEST(Router, MatchesTable) {
  const auto r = make_router();
  struct Case {
    Method method;
    const char* path;
    const char* pattern;  // nullptr: no match
  };
  const Case cases[] = {
      {Method::get, "/api/v1/studios", "/api/v1/studios"},
      {Method::get, "/api/v1/studios/", "/api/v1/studios"},
      {Method::post, "/api/v1/studios", "/api/v1/studios"},
      {Method::get, "/api/v1/studios/12", "/api/v1/studios/{id}"},
      {Method::get, "/api/v1/studios/national", "/api/v1/studios/national"},  // literal wins
      {Method::head, "/api/v1/studios/12", "/api/v1/studios/{id}"},           // HEAD → GET
      {Method::get, "/api/v1/public/studios/7/qr.png", "/api/v1/public/studios/{id}/qr.png"},
      {Method::get, "/api/v1/studios/12/extra", nullptr},
      {Method::get, "/api/v1", nullptr},
  };
  for (const auto& c : cases) {
    const auto m = r.match(c.method, c.path);
    if (c.pattern == nullptr) {
      EXPECT_EQ(m.route, nullptr) << c.path;
    } else {
      ASSERT_NE(m.route, nullptr) << c.path;
      EXPECT_EQ(m.route->pattern, c.pattern) << c.path;
    }
  }
  EXPECT_EQ(r.match(Method::get, "/api/v1/studios/12").params.at("id"), "12");
}

TEST(Router, ReportsAllowedMethods) {
  const auto r = make_router();
  const auto m = r.match(Method::del, "/api/v1/studios");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed.size(), 2u);
}

}  // namespace
}  // namespace tongxin::http
