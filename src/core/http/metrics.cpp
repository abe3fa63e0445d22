// src/core/http/metrics.cpp
#include "core/http/metrics.hpp"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

namespace tongxin::http {

struct Metrics::Impl {
  std::shared_ptr<prometheus::Registry> registry = std::make_shared<prometheus::Registry>();
  prometheus::Family<prometheus::Counter>& requests =
      prometheus::BuildCounter()
          .Name("tongxin_http_requests_total")
          .Help("HTTP requests by route pattern, method and status.")
          .Register(*registry);
  prometheus::Family<prometheus::Histogram>& latency =
      prometheus::BuildHistogram()
          .Name("tongxin_http_request_duration_seconds")
          .Help("Time from the request header read to the response ready to write.")
          .Register(*registry);
  prometheus::Family<prometheus::Gauge>& pool =
      prometheus::BuildGauge()
          .Name("tongxin_worker_pool")
          .Help("Worker pool: tasks queued and workers busy.")
          .Register(*registry);
  prometheus::Gauge& queued = pool.Add({{"state", "queued"}});
  prometheus::Gauge& busy = pool.Add({{"state", "busy"}});
  prometheus::Counter& rejected =
      prometheus::BuildCounter()
          .Name("tongxin_http_rejected_total")
          .Help("Requests answered 503 because the worker queue was full.")
          .Register(*registry)
          .Add({});
};

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

void Metrics::observe(std::string_view route, std::string_view method, unsigned status,
                      std::chrono::duration<double> elapsed) {
  static const prometheus::Histogram::BucketBoundaries kBuckets{
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5};
  impl_->requests
      .Add({{"route", std::string(route)},
            {"method", std::string(method)},
            {"status", std::to_string(status)}})
      .Increment();
  impl_->latency.Add({{"route", std::string(route)}}, kBuckets).Observe(elapsed.count());
}

void Metrics::set_pool(std::size_t queued, std::size_t busy) {
  impl_->queued.Set(static_cast<double>(queued));
  impl_->busy.Set(static_cast<double>(busy));
}

void Metrics::count_rejected() {
  impl_->rejected.Increment();
}

std::string Metrics::text() const {
  return prometheus::TextSerializer().Serialize(impl_->registry->Collect());
}

}  // namespace tongxin::http
