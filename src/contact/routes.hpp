// src/contact/routes.hpp
//
// The contact-work API's registration, for the app's wiring only.
#pragma once

#include "core/context.hpp"
#include "core/http/router.hpp"

namespace tongxin::contact {

// Grassroots units, key contacts and their changes, activities, must-visit triggers and
// visit tasks, sector days, reception rotas and days with the public iCalendar feed, and
// leaders' contact points. Also gives the organisation module the studios' upcoming
// reception days for their public pages.
void register_routes(http::Router& router, ServiceContext& ctx);

}  // namespace tongxin::contact
