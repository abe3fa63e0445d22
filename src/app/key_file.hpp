// src/app/key_file.hpp
#pragma once

#include <string>

namespace tongxin::app {

// Returns the 32-byte secret in `path`, creating it (mode 0600, random bytes) when the file
// does not exist. Throws std::runtime_error when the file exists with the wrong size.
std::string load_or_create_key(const std::string& path);

}  // namespace tongxin::app
