// src/core/http/actor.hpp
#pragma once

#include "core/audit/audit.hpp"
#include "core/http/request.hpp"

namespace tongxin::http {

// Who is acting in this request, for the domain layer (which knows nothing of HTTP).
inline audit::Actor actor_of(const Request& req) {
  return {req.principal, req.remote_addr, req.request_id};
}

}  // namespace tongxin::http
