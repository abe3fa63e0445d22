// src/core/auth/principal.hpp
//
// Who is making a request, as established by the Authenticator (accounts module).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tongxin::auth {

// Roles (api.md): the three separated administrators, then the product roles.
enum class Role { admin, security, auditor, staff, studio_lead, member, agency, leader };

std::string_view role_name(Role r);
std::optional<Role> parse_role(std::string_view name);

enum class Credential { session_cookie, bearer_token };

struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  std::vector<Role> roles;
  std::int64_t conference_id = 0;
  std::optional<std::int64_t> member_id;
  std::optional<std::int64_t> agency_id;
  std::optional<std::int64_t> studio_id;  // the studio a studio_lead leads
  Credential credential = Credential::session_cookie;
  std::int64_t session_id = 0;

  bool has(Role r) const;
  bool has_any(const std::vector<Role>& rs) const;
};

}  // namespace tongxin::auth
