// src/reports/routes.hpp — the reports API's registration (src/app wires it).
#pragma once

#include "core/context.hpp"
#include "core/http/router.hpp"

namespace tongxin::reports {

void register_routes(http::Router& router, ServiceContext& ctx);

}  // namespace tongxin::reports
