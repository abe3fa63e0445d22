// src/testing/http_client.hpp
//
// Test support: a blocking loopback HTTP client, and a server running a router on a free
// port in a background thread for the lifetime of a TestServer.
#pragma once

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "core/http/server.hpp"

namespace tongxin::testing {

struct HttpResponse {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  boost::json::value json() const { return boost::json::parse(body); }
};

HttpResponse http_request(unsigned short port, const std::string& method, const std::string& target,
                          const std::string& body = "",
                          const std::vector<std::pair<std::string, std::string>>& headers = {});

class TestServer {
 public:
  explicit TestServer(const http::Router& router, http::ServerOptions options = {});
  ~TestServer();
  unsigned short port() const { return port_; }
  http::Server& server() { return *server_; }
  HttpResponse get(const std::string& target) { return http_request(port_, "GET", target); }
  HttpResponse post(const std::string& target, const std::string& body) {
    return http_request(port_, "POST", target, body, {{"Content-Type", "application/json"}});
  }

 private:
  std::unique_ptr<http::Server> server_;
  unsigned short port_ = 0;
  std::thread thread_;
};

}  // namespace tongxin::testing
