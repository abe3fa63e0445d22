// src/organisation/organisation.cpp
#include "organisation/organisation.hpp"

#include <stdexcept>

#include "organisation/entity.hpp"
#include "organisation/entity_specs.hpp"
#include "organisation/routes.hpp"

namespace tongxin::organisation {

void register_conference_routes(http::Router& router, ServiceContext& ctx);
void register_public_routes(http::Router& router, ServiceContext& ctx);
void register_entity(http::Router& router, ServiceContext& ctx,
                     const EntitySpec& spec);  // entity_routes.cpp

void register_routes(http::Router& router, ServiceContext& ctx) {
  register_conference_routes(router, ctx);
  for (const auto* spec : {&sector_spec(), &committee_spec(), &member_group_spec(),
                           &party_unit_spec(), &member_spec(), &studio_spec(), &agency_spec()}) {
    register_entity(router, ctx, *spec);
  }
  register_public_routes(router, ctx);
}

}  // namespace tongxin::organisation

namespace tongxin::organisation {

std::int64_t create_record(storage::Connection& c, const ServiceContext& ctx,
                           const audit::Actor& actor, std::string_view kind,
                           std::int64_t conference_id, const boost::json::object& body) {
  for (const auto* spec : {&sector_spec(), &committee_spec(), &member_group_spec(),
                           &party_unit_spec(), &member_spec(), &studio_spec(), &agency_spec()}) {
    if (spec->kind == kind) return store(c, ctx, *spec, actor, conference_id, body);
  }
  throw std::invalid_argument("unknown record kind: " + std::string(kind));
}

}  // namespace tongxin::organisation
