// src/organisation/division_conference.hpp
//
// Which conference a place belongs to, for a matter that came in with only a division code
// (a citizen's 扫码说事 without a studio or member): other modules ask this instead of
// reading the conferences table.
#pragma once

#include <cstdint>
#include <string>

#include "core/storage/connection.hpp"

namespace tongxin::organisation {

// The deepest live conference whose division contains `code12` (a 12-digit division code),
// compared by whole levels (province, city, county, township); 0 when none does.
std::int64_t conference_for_division(storage::Connection& c, const std::string& code12);

}  // namespace tongxin::organisation
