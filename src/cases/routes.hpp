// src/cases/routes.hpp
//
// The cases API (api.md "Cases"): the accounts' routes (staff_routes.cpp) and the
// citizen's, without an account (public_routes.cpp). Routes parse, authorise and render;
// the work is in the services of cases.hpp.
#pragma once

#include "core/context.hpp"
#include "core/http/router.hpp"

namespace tongxin::cases {

// Every cases route, the public ones included.
void register_routes(http::Router& router, ServiceContext& ctx);
void register_public_routes(http::Router& router, ServiceContext& ctx);

}  // namespace tongxin::cases
