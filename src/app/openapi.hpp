// src/app/openapi.hpp
//
// The OpenAPI 3.1 document, generated from the router's routes so it cannot drift from
// what the server actually serves (every registered route appears; a test checks it).
#pragma once

#include <boost/json/value.hpp>

#include "core/http/router.hpp"

namespace tongxin::app {

boost::json::value openapi_document(const http::Router& router, const std::string& version);

}  // namespace tongxin::app
