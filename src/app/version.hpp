// src/app/version.hpp
#pragma once

namespace tongxin::app {
inline constexpr const char* kVersion = "0.1.0";
}
