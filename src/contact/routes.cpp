// src/contact/routes.cpp
//
// The contact-work API, one file per concept (*_routes.cpp): grassroots units, key
// contacts, activities, must-visit triggers and visit tasks, sector days, reception days,
// leaders' contact points. Members act for themselves; staff for their conference.
#include "contact/routes.hpp"

#include "contact/internal.hpp"
#include "contact/route_support.hpp"
#include "organisation/organisation.hpp"

namespace tongxin::contact {

void register_routes(http::Router& router, ServiceContext& ctx) {
  register_unit_routes(router, ctx);
  register_key_contact_routes(router, ctx);
  register_activity_routes(router, ctx);
  register_visit_routes(router, ctx);
  register_sector_date_routes(router, ctx);
  register_reception_routes(router, ctx);
  register_leader_link_routes(router, ctx);
  organisation::set_reception_days_source([](storage::Connection& c, std::int64_t studio_id) {
    return upcoming_reception_days(c, studio_id, today_of(audit::now_ms()), 6);
  });
}

}  // namespace tongxin::contact
