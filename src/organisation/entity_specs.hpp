// src/organisation/entity_specs.hpp
//
// The organisation's record types, described as data for the entity engine.
#pragma once

#include "organisation/entity.hpp"

namespace tongxin::organisation {

const EntitySpec& sector_spec();
const EntitySpec& committee_spec();
const EntitySpec& member_group_spec();
const EntitySpec& party_unit_spec();
const EntitySpec& member_spec();
const EntitySpec& studio_spec();
const EntitySpec& agency_spec();

}  // namespace tongxin::organisation
