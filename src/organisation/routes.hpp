// src/organisation/routes.hpp
//
// The organisation module over HTTP: conferences, the entity types (sectors … agencies),
// and the public pages with their QR codes.
#pragma once

#include "core/context.hpp"
#include "core/http/router.hpp"

namespace tongxin::organisation {

void register_routes(http::Router& router, ServiceContext& ctx);

}  // namespace tongxin::organisation
