// src/meetings/routes.hpp — the meetings API's registration (src/app wires it).
#pragma once

#include "core/context.hpp"
#include "core/http/router.hpp"

namespace tongxin::meetings {

void register_routes(http::Router& router, ServiceContext& ctx);

}  // namespace tongxin::meetings
