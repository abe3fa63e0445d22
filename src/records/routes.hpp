// src/records/routes.hpp — the records API's registration (src/app wires it).
#pragma once

#include "core/context.hpp"
#include "core/http/router.hpp"

namespace tongxin::records {

void register_routes(http::Router& router, ServiceContext& ctx);

}  // namespace tongxin::records
