// src/testing/route_client.hpp
//
// Test support: calls a module's routes through the real server dispatch (authentication,
// role checks, query and path parsing, error rendering) on a loopback port, each call acting
// as the principal it names. Route tests read as "who calls what, and what comes back".
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/http/router.hpp"
#include "testing/http_client.hpp"

namespace tongxin::testing {

class RouteClient {
 public:
  struct Reply {
    unsigned status = 0;
    boost::json::value body;  // null when the response has none
    // error.code of an error reply; "" otherwise.
    std::string code() const;
    // The field a 400 names (error.details.field), or "".
    std::string field() const;
    // True when error.message has Chinese in it (the default language of errors).
    bool chinese_message() const;
    // The ids of a list's items (body.items[*].id).
    std::vector<std::int64_t> ids() const;
  };

  // `router` must outlive the client.
  explicit RouteClient(const http::Router& router);

  Reply call(http::Method method, const std::string& target, const auth::Principal& as,
             const boost::json::value& body = nullptr);
  Reply get(const std::string& target, const auth::Principal& as) {
    return call(http::Method::get, target, as);
  }
  Reply post(const std::string& target, const auth::Principal& as,
             const boost::json::value& body = boost::json::object{}) {
    return call(http::Method::post, target, as, body);
  }

 private:
  std::mutex mutex_;
  std::map<std::string, auth::Principal> principals_;  // by bearer token
  std::unique_ptr<TestServer> server_;
};

}  // namespace tongxin::testing
