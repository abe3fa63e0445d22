// src/app/system_routes.cpp
#include "app/system_routes.hpp"

#include <boost/json.hpp>

#include "core/error.hpp"

namespace tongxin::app {

void register_system_routes(http::Router& router, storage::Database& db,
                            std::function<std::string()> metrics,
                            std::function<std::string()> openapi) {
  router.add({.method = http::Method::get,
              .pattern = "/healthz",
              .handler =
                  [](http::Request&) {
                    return http::Response::json(boost::json::object{{"status", "ok"}});
                  },
              .access = http::Access::open,
              .run_inline = true,
              .summary = "存活检查 / liveness",
              .tag = "system"});
  router.add({.method = http::Method::get,
              .pattern = "/readyz",
              .handler =
                  [&db](http::Request&) {
                    if (!db.ping()) {
                      throw Error::unavailable(5, "数据库暂不可用", "database not reachable");
                    }
                    return http::Response::json(boost::json::object{
                        {"status", "ready"}, {"database", db.dialect().name()}});
                  },
              .access = http::Access::open,
              .summary = "就绪检查（数据库可达） / readiness",
              .tag = "system"});
  router.add({.method = http::Method::get,
              .pattern = "/metrics",
              .handler =
                  [metrics = std::move(metrics)](http::Request&) {
                    return http::Response::bytes(metrics(),
                                                 "text/plain; version=0.0.4; charset=utf-8");
                  },
              .access = http::Access::open,
              .run_inline = true,
              .summary = "Prometheus 指标 / metrics",
              .tag = "system"});
  router.add({.method = http::Method::get,
              .pattern = "/api/v1/openapi.json",
              .handler =
                  [openapi = std::move(openapi)](http::Request&) {
                    return http::Response::bytes(openapi(), "application/json; charset=utf-8");
                  },
              .access = http::Access::open,
              .run_inline = true,
              .summary = "OpenAPI 文档 / the OpenAPI document",
              .tag = "system"});
}

}  // namespace tongxin::app
