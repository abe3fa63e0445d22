// src/core/auth/principal.cpp
#include "core/auth/principal.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace tongxin::auth {

namespace {
constexpr std::array<std::pair<Role, std::string_view>, 8> kRoles{{
    {Role::admin, "admin"},
    {Role::security, "security"},
    {Role::auditor, "auditor"},
    {Role::staff, "staff"},
    {Role::studio_lead, "studio_lead"},
    {Role::member, "member"},
    {Role::agency, "agency"},
    {Role::leader, "leader"},
}};
}  // namespace

std::string_view role_name(Role r) {
  for (const auto& [role, name] : kRoles) {
    if (role == r) return name;
  }
  return "unknown";
}

std::optional<Role> parse_role(std::string_view name) {
  for (const auto& [role, n] : kRoles) {
    if (n == name) return role;
  }
  return std::nullopt;
}

bool Principal::has(Role r) const {
  return std::find(roles.begin(), roles.end(), r) != roles.end();
}

bool Principal::has_any(const std::vector<Role>& rs) const {
  return std::any_of(rs.begin(), rs.end(), [&](Role r) { return has(r); });
}

}  // namespace tongxin::auth
