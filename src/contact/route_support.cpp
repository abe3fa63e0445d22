// src/contact/route_support.cpp
#include "contact/route_support.hpp"

#include "core/error.hpp"
#include "core/http/query_params.hpp"
#include "core/paging.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::contact {

bool is_staff(const auth::Principal& p) {
  return p.has(auth::Role::staff);
}

std::int64_t acting_member(storage::Connection& c, const auth::Principal& p,
                           std::optional<std::int64_t> requested) {
  if (requested && (!p.member_id || *requested != *p.member_id)) {
    if (!is_staff(p)) {
      throw Error::forbidden("contact.not_your_member", "只能为自己登记",
                             "you act for yourself only");
    }
    const auto m = organisation::find_member(c, *requested);
    if (!m || !organisation::in_scope(c, p, m->conference_id)) {
      throw Error::invalid_field("member_id", "委员不存在", "unknown member");
    }
    return *requested;
  }
  if (!p.member_id) {
    throw Error::invalid_field("member_id", "请指定委员", "member_id is required");
  }
  return *p.member_id;
}

// A function, not a global: a vector initialised at static time may throw before main.
const std::vector<auth::Role>& members_and_staff() {
  using auth::Role;
  static const std::vector<Role> roles{Role::member, Role::staff, Role::studio_lead, Role::leader};
  return roles;
}

bool archived_param(const http::Request& req) {
  const auto v = req.query_param("archived").value_or("false");
  if (v != "true" && v != "false") {
    throw Error::invalid_field("archived", "参数 archived 只能为 true 或 false",
                               "archived is true or false");
  }
  return v == "true";
}

std::optional<std::int64_t> member_param(const http::Request& req) {
  return http::id_query(req, "member_id", "委员编号无效");
}

boost::json::value next_cursor(const std::optional<std::int64_t>& next_after) {
  if (!next_after) return nullptr;
  return boost::json::string(paging::encode({"", *next_after}));
}

boost::json::value opt(const std::optional<std::int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace tongxin::contact
