// src/outputs/routes.hpp
//
// The outputs API (api.md "Outputs"): /api/v1/micro-suggestions, /proposals and
// /opinion-reports. Routes parse, authorise and render (output_json.hpp); the work is in
// the services of outputs.hpp.
#pragma once

#include "core/context.hpp"
#include "core/http/router.hpp"

namespace tongxin::outputs {

void register_routes(http::Router& router, ServiceContext& ctx);

}  // namespace tongxin::outputs
