// src/accounts/routes.hpp
//
// The accounts module over HTTP: the Authenticator the server runs per request (session
// cookie with CSRF, or bearer token) and the module's routes (sign-in, accounts, the audit
// log, an account's notifications).
#pragma once

#include "core/context.hpp"
#include "core/http/router.hpp"
#include "core/http/server.hpp"

namespace tongxin::accounts {

http::Authenticator make_authenticator(ServiceContext& ctx);
void register_routes(http::Router& router, ServiceContext& ctx);

}  // namespace tongxin::accounts
