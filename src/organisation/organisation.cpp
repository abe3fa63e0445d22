// src/organisation/organisation.cpp
#include "organisation/organisation.hpp"

#include "organisation/specs.hpp"

namespace tongxin::organisation {

void register_conference_routes(http::Router& router, ServiceContext& ctx);
void register_public_routes(http::Router& router, ServiceContext& ctx);

void register_routes(http::Router& router, ServiceContext& ctx) {
  register_conference_routes(router, ctx);
  for (const auto* spec : {&sector_spec(), &committee_spec(), &member_group_spec(),
                           &party_unit_spec(), &member_spec(), &studio_spec()}) {
    register_resource(router, ctx, *spec);
  }
  register_public_routes(router, ctx);
}

}  // namespace tongxin::organisation
