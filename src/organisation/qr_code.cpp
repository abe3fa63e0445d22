// src/organisation/qr_code.cpp
#include "organisation/qr_code.hpp"

#include <png.h>
#include <qrencode.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace tongxin::organisation {

namespace {

constexpr int kQuiet = 4;

struct Code {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr;
  explicit Code(const std::string& text)
      : qr(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), &QRcode_free) {
    if (!qr) throw std::runtime_error("QR encoding failed");
  }
  int width() const { return qr->width; }
  bool dark(int x, int y) const { return (qr->data[y * qr->width + x] & 1) != 0; }
};

void write_to_string(png_structp png, png_bytep data, png_size_t len) {
  auto* out = static_cast<std::string*>(png_get_io_ptr(png));
  out->append(reinterpret_cast<const char*>(data), len);
}

}  // namespace

std::string qr_png(const std::string& text, int module_pixels) {
  const Code code(text);
  const int size = (code.width() + 2 * kQuiet) * module_pixels;
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (png == nullptr || info == nullptr || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    throw std::runtime_error("PNG encoding failed");
  }
  png_set_write_fn(png, &out, write_to_string, nullptr);
  png_set_IHDR(png, info, static_cast<png_uint_32>(size), static_cast<png_uint_32>(size), 8,
               PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  std::vector<png_byte> row(static_cast<std::size_t>(size));
  for (int y = 0; y < size; ++y) {
    const int my = y / module_pixels - kQuiet;
    for (int x = 0; x < size; ++x) {
      const int mx = x / module_pixels - kQuiet;
      const bool inside = mx >= 0 && my >= 0 && mx < code.width() && my < code.width();
      row[static_cast<std::size_t>(x)] = inside && code.dark(mx, my) ? 0 : 255;
    }
    png_write_row(png, row.data());
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

std::string qr_svg(const std::string& text) {
  const Code code(text);
  const int size = code.width() + 2 * kQuiet;
  std::string path;
  for (int y = 0; y < code.width(); ++y) {
    for (int x = 0; x < code.width(); ++x) {
      if (code.dark(x, y)) {
        path += "M" + std::to_string(x + kQuiet) + " " + std::to_string(y + kQuiet) + "h1v1h-1z";
      }
    }
  }
  const auto s = std::to_string(size);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + s + " " + s +
         "\" shape-rendering=\"crispEdges\"><rect width=\"" + s + "\" height=\"" + s +
         "\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
}

}  // namespace tongxin::organisation
