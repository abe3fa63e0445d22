// src/core/http/static_files.hpp
//
// Serves the built web app. Paths with a file extension are files (404 when absent);
// paths without one are client-side routes of the single-page app and get index.html.
// Never leaves `root`: any ".." segment is refused.
#pragma once

#include <string>
#include <string_view>

#include "core/http/response.hpp"

namespace tongxin::http {

Response serve_static(const std::string& root, std::string_view decoded_path);

}  // namespace tongxin::http
