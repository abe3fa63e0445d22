// src/core/http/server.hpp
//
// The HTTP/1.1 server: Boost.Beast over Asio with C++20 coroutines on `network_threads`
// threads; handlers run on a bounded worker pool (`worker_threads`, queue of
// `queue_capacity`); when the queue is full the server answers 503 with Retry-After
// instead of queueing without bound. Keep-alive, pipelining, limits on header and body
// size, idle and request timeouts, request IDs (X-Request-Id, generated when absent),
// JSON-lines access log, Prometheus metrics, and static files for the web app with an
// index.html fallback for client-side routes. stop() stops accepting, lets in-flight
// requests finish (up to `drain_timeout`), then returns from run().
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/http/router.hpp"

namespace tongxin::http {

struct ServerOptions {
  std::string listen = "127.0.0.1:8080";  // host:port; port 0 picks a free port
  std::size_t network_threads = 1;
  std::size_t worker_threads = 8;
  std::size_t queue_capacity = 256;
  std::size_t max_header_bytes = 16UL * 1024;
  std::size_t max_body_bytes = 8UL * 1024 * 1024;
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds request_timeout{30};
  std::chrono::seconds drain_timeout{20};
  std::string static_dir;  // built web app (web/dist); empty = none
  bool access_log = true;
  // Peers whose X-Forwarded-For we believe (client_address.hpp); empty = none.
  std::vector<std::string> trusted_proxies;
};

// Establishes the principal for a request (session cookie or bearer token) and enforces
// CSRF for cookie sessions on unsafe methods. Returns nullopt for anonymous requests;
// throws tongxin::Error (401/403) for a bad token or a missing CSRF header. Runs on a
// worker thread.
using Authenticator = std::function<std::optional<auth::Principal>(const Request&)>;

// Extra metrics provider (e.g. DB pool gauges) appended to /metrics output as
// Prometheus text.
using MetricsProvider = std::function<std::string()>;

class Server {
 public:
  Server(ServerOptions options, const Router& router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  void set_authenticator(Authenticator a);
  void add_metrics_provider(MetricsProvider p);

  // Binds and listens; returns the bound port (useful with port 0).
  unsigned short start();
  // Serves until stop(); blocks the calling thread (which becomes a network thread).
  void run();
  // Thread-safe; also installed for SIGTERM/SIGINT by the app.
  void stop();

  // The Prometheus text of the server's own metrics (requests, latency, pool).
  std::string metrics_text() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tongxin::http
