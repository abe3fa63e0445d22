// src/organisation/qr_code.hpp
//
// QR posters' codes: the text encoded with error correction M, as a PNG (black on white,
// quiet zone of 4 modules) or as an SVG path.
#pragma once

#include <string>

namespace tongxin::organisation {

std::string qr_png(const std::string& text, int module_pixels = 8);
std::string qr_svg(const std::string& text);

}  // namespace tongxin::organisation
