// src/testing/principals.hpp
//
// Test support: the principal the server would have authenticated for each role, so that
// a test reads "as the member", "as staff of the city" rather than building one by hand.
// User ids are distinct per role and subject (member 100+id, agency 600+id, leader 700+id,
// studio lead 800+id, staff 900+conference, admin 1).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/auth/principal.hpp"

namespace tongxin::testing::as {

inline auth::Principal member(std::int64_t conference, std::int64_t member_id) {
  return {.user_id = 100 + member_id,
          .username = "m" + std::to_string(member_id),
          .roles = {auth::Role::member},
          .conference_id = conference,
          .member_id = member_id};
}
inline auth::Principal staff(std::int64_t conference) {
  return {.user_id = 900 + conference,
          .username = "staff",
          .roles = {auth::Role::staff},
          .conference_id = conference};
}
inline auth::Principal admin(std::int64_t conference) {
  return {
      .user_id = 1, .username = "admin", .roles = {auth::Role::admin}, .conference_id = conference};
}
// A leader is a member too (they write and are scored like any member).
inline auth::Principal leader(std::int64_t conference, std::int64_t member_id) {
  return {.user_id = 700 + member_id,
          .username = "leader",
          .roles = {auth::Role::leader, auth::Role::member},
          .conference_id = conference,
          .member_id = member_id};
}
inline auth::Principal agency(std::int64_t conference,
                              std::optional<std::int64_t> agency_id = std::nullopt) {
  return {.user_id = 600 + agency_id.value_or(0),
          .username = "agency",
          .roles = {auth::Role::agency},
          .conference_id = conference,
          .agency_id = agency_id};
}
inline auth::Principal studio_lead(std::int64_t conference, std::int64_t studio_id) {
  return {.user_id = 800 + studio_id,
          .username = "lead",
          .roles = {auth::Role::studio_lead},
          .conference_id = conference,
          .studio_id = studio_id};
}

}  // namespace tongxin::testing::as
