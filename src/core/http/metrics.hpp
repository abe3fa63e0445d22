// src/core/http/metrics.hpp
//
// The server's Prometheus metrics: requests by route, method and status; latency by
// route; worker pool queue depth and busy workers. Thread-safe.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>

namespace tongxin::http {

class Metrics {
 public:
  Metrics();
  ~Metrics();
  void observe(std::string_view route, std::string_view method, unsigned status,
               std::chrono::duration<double> elapsed);
  void set_pool(std::size_t queued, std::size_t busy);
  void count_rejected();  // 503 because the worker queue was full
  std::string text() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tongxin::http
