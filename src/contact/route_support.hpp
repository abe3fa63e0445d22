// src/contact/route_support.hpp
//
// Inside the contact module only: what its route files share — who acts, common query
// parameters, role lists — and each concept's registration.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <vector>

#include "contact/contact.hpp"
#include "core/http/router.hpp"

namespace tongxin::contact {

bool is_staff(const auth::Principal& p);
// The member an account acts as: itself, or (staff) the one named, if in scope. Error 403
// when a member names another, 400 for an unknown member or when the account is none.
std::int64_t acting_member(storage::Connection& c, const auth::Principal& p,
                           std::optional<std::int64_t> requested);
// Members, staff, studio leads and leaders.
const std::vector<auth::Role>& members_and_staff();
// ?archived=true lists the archived rows instead of the live ones.
bool archived_param(const http::Request& req);
// A member_id query parameter: a positive integer or absent.
std::optional<std::int64_t> member_param(const http::Request& req);
// The next_cursor of a page: null on the last page.
boost::json::value next_cursor(const std::optional<std::int64_t>& next_after);
boost::json::value opt(const std::optional<std::int64_t>& v);

void register_unit_routes(http::Router& router, ServiceContext& ctx);
void register_key_contact_routes(http::Router& router, ServiceContext& ctx);
void register_activity_routes(http::Router& router, ServiceContext& ctx);
void register_visit_routes(http::Router& router, ServiceContext& ctx);
void register_sector_date_routes(http::Router& router, ServiceContext& ctx);
void register_reception_routes(http::Router& router, ServiceContext& ctx);
void register_leader_link_routes(http::Router& router, ServiceContext& ctx);

}  // namespace tongxin::contact
