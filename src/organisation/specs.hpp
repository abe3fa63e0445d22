// src/organisation/specs.hpp
//
// The organisation's record types, described as data for the resource engine.
#pragma once

#include "organisation/resource.hpp"

namespace tongxin::organisation {

const ResourceSpec& sector_spec();
const ResourceSpec& committee_spec();
const ResourceSpec& member_group_spec();
const ResourceSpec& party_unit_spec();
const ResourceSpec& member_spec();
const ResourceSpec& studio_spec();
const ResourceSpec& agency_spec();

}  // namespace tongxin::organisation
