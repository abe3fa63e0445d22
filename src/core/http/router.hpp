// src/core/http/router.hpp
//
// Routes are data: method, pattern with {name} segments, handler, who may call it, and the
// text that goes into the OpenAPI document. Modules register their routes at start-up;
// the router never changes afterwards (REQUIRES: add() only before the server starts).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/http/request.hpp"
#include "core/http/response.hpp"

namespace tongxin::http {

using Handler = std::function<Response(Request&)>;

enum class Access {
  open,           // anyone (public pages, login)
  authenticated,  // any signed-in user; `roles`, if non-empty, narrows it
};

struct Route {
  Method method = Method::get;
  std::string pattern;  // "/api/v1/studios/{id}"
  Handler handler;
  Access access = Access::authenticated;
  std::vector<auth::Role> roles;  // any of these; empty = any signed-in user
  // Run on the network thread instead of the worker pool: only for handlers that never
  // block (healthz, metrics).
  bool run_inline = false;
  // OpenAPI
  std::string summary;
  std::string tag;
  // Optional JSON Schema snippets (as JSON text) for the request body and response.
  std::string request_schema;
  std::string response_schema;
};

struct Match {
  const Route* route = nullptr;
  std::map<std::string, std::string, std::less<>> params;
  // When no route matched the method but some matched the path: the allowed methods (405).
  std::vector<Method> allowed;
};

class Router {
 public:
  void add(Route route);
  // Matches a decoded path. Literal segments win over {params} at the same position.
  Match match(Method method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace tongxin::http
