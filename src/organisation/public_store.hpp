// src/organisation/public_store.hpp
//
// The queries behind the public pages (public_routes.cpp): which live studios match a
// search, where a member serves, whether a QR code's studio or member still exists.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/storage/connection.hpp"

namespace tongxin::organisation {

struct StudioSearch {
  std::string division_prefix;  // divisions::subtree_prefix(code); empty: everywhere
  std::string q;                // normalised text to find in the search key; empty: any
  // About ±55 km around (lat, lng), an index-friendly box; the exact distance is the caller's.
  std::optional<std::pair<double, double>> near;
};
struct StudioSpot {
  std::int64_t id = 0;
  std::optional<double> lat, lng;
};
// Live, not archived studios in id order, at most 500.
std::vector<StudioSpot> find_public_studios(storage::Connection& c, const StudioSearch& s);

struct StudioName {
  std::int64_t id = 0;
  std::string name;
};
// The live studios a member belongs to, in id order.
std::vector<StudioName> studios_of_member(storage::Connection& c, std::int64_t member_id);

bool live_studio_exists(storage::Connection& c, std::int64_t id);
bool live_member_exists(storage::Connection& c, std::int64_t id);

}  // namespace tongxin::organisation
