// src/app/system_routes.hpp
#pragma once

#include <functional>
#include <string>

#include "core/http/router.hpp"
#include "core/storage/database.hpp"

namespace tongxin::app {

// /healthz (live), /readyz (database reachable), /metrics (Prometheus text from
// `metrics`), /api/v1/openapi.json (from `openapi`, produced once the router is complete).
void register_system_routes(http::Router& router, storage::Database& db,
                            std::function<std::string()> metrics,
                            std::function<std::string()> openapi);

}  // namespace tongxin::app
