// src/core/media/photo.cpp
#include "core/media/photo.hpp"

#include <array>
#include <cstdint>

#include "core/error.hpp"

namespace tongxin::media {

namespace {

constexpr std::string_view kPngSignature{"\x89PNG\r\n\x1a\n", 8};

[[noreturn]] void throw_unsupported() {
  throw Error::bad_request("photo.unsupported_type", "仅支持 JPEG 或 PNG 格式的图片",
                           "only JPEG and PNG images are accepted");
}

[[noreturn]] void throw_corrupt() {
  throw Error::bad_request("photo.corrupt", "图片文件已损坏或不完整",
                           "the image file is damaged or incomplete");
}

std::string size_text(std::size_t n, bool zh) {
  constexpr std::size_t kMiB = 1024UL * 1024;
  if (n >= kMiB && n % kMiB == 0) return std::to_string(n / kMiB) + " MB";
  if (n >= 1024 && n % 1024 == 0) return std::to_string(n / 1024) + " KB";
  return std::to_string(n) + (zh ? " 字节" : " bytes");
}

[[noreturn]] void throw_too_large(std::size_t max_bytes) {
  // Error::payload_too_large always carries "request.too_large"; a photo-specific code lets the
  // client tell "this photo" apart from "this whole request".
  throw Error(413, "photo.too_large", "图片不能超过 " + size_text(max_bytes, true),
              "the image must not exceed " + size_text(max_bytes, false));
}

void check_dimensions(std::uint32_t width, std::uint32_t height) {
  constexpr auto kMax = static_cast<std::uint32_t>(kMaxPhotoDimension);
  if (width < 1 || width > kMax || height < 1 || height > kMax) {
    throw Error::bad_request(
        "photo.bad_dimensions", "图片的宽和高须在 1 到 " + std::to_string(kMax) + " 像素之间",
        "image width and height must each be 1 to " + std::to_string(kMax) + " pixels");
  }
}

std::uint8_t u8(std::string_view s, std::size_t i) {
  return static_cast<std::uint8_t>(s[i]);
}

std::uint32_t be16(std::string_view s, std::size_t i) {
  return (std::uint32_t{u8(s, i)} << 8) | u8(s, i + 1);
}

std::uint32_t be32(std::string_view s, std::size_t i) {
  return (be16(s, i) << 16) | be16(s, i + 2);
}

// ---- JPEG ------------------------------------------------------------------------------------

// SOF0..SOF15 minus the three markers in that range that are not frame headers.
bool is_sof(std::uint8_t m) {
  return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

bool keep_jpeg_segment(std::uint8_t marker, std::string_view payload) {
  if (marker == 0xFE) return false;  // COM: free text, often the camera or software
  if (marker < 0xE0 || marker > 0xEF) return true;
  if (marker == 0xE0) return true;  // APP0 JFIF / JFXX
  if (marker == 0xE2) return payload.starts_with(std::string_view("ICC_PROFILE\0", 12));
  if (marker == 0xEE) return payload.starts_with("Adobe");
  return false;  // APP1 Exif/XMP, APP2 MPF/FlashPix, APP13 IPTC, ...
}

Photo accept_jpeg(std::string_view in) {
  const std::size_t n = in.size();
  Photo photo;
  photo.type = ImageType::jpeg;
  photo.content_type = "image/jpeg";
  std::string& out = photo.bytes;
  out.reserve(n);
  out.append(in.substr(0, 2));  // SOI, checked by the caller

  bool have_frame = false;
  bool have_scan = false;
  std::size_t pos = 2;
  for (;;) {
    // A marker: 0xFF, optional 0xFF fill bytes, then the marker code.
    if (pos >= n || u8(in, pos) != 0xFF) throw_corrupt();
    while (pos < n && u8(in, pos) == 0xFF)
      ++pos;
    if (pos >= n) throw_corrupt();
    const std::uint8_t marker = u8(in, pos++);
    if (marker == 0x00 || marker == 0xD8) throw_corrupt();
    if (marker == 0xD9) {  // EOI: whatever follows is not part of the image
      if (!have_scan) throw_corrupt();
      out += "\xFF\xD9";
      break;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // TEM, RSTn: no length
      out.push_back('\xFF');
      out.push_back(static_cast<char>(marker));
      continue;
    }

    if (n - pos < 2) throw_corrupt();
    const std::size_t length = be16(in, pos);  // includes its own two bytes
    if (length < 2 || length > n - pos) throw_corrupt();
    const std::string_view payload = in.substr(pos + 2, length - 2);
    const std::string_view segment = in.substr(pos, length);
    pos += length;

    if (is_sof(marker)) {
      // P, Y, X, Nf, then Nf component specifications of 3 bytes.
      if (payload.size() < 6 || u8(payload, 5) == 0 ||
          payload.size() < 6 + 3 * std::size_t{u8(payload, 5)}) {
        throw_corrupt();
      }
      if (!have_frame) {
        const auto height = be16(payload, 1);
        const auto width = be16(payload, 3);
        check_dimensions(width, height);
        photo.width = static_cast<int>(width);
        photo.height = static_cast<int>(height);
        have_frame = true;
      }
    } else if (marker == 0xDA) {
      // SOS: Ns, Ns component selectors of 2 bytes, Ss, Se, Ah/Al.
      if (!have_frame || payload.empty() || u8(payload, 0) < 1 || u8(payload, 0) > 4 ||
          payload.size() < 1 + 2 * std::size_t{u8(payload, 0)} + 3) {
        throw_corrupt();
      }
    }
    if (!keep_jpeg_segment(marker, payload)) continue;
    out.push_back('\xFF');
    out.push_back(static_cast<char>(marker));
    out.append(segment);

    if (marker == 0xDA) {
      // Entropy-coded data runs up to the next marker that is neither a stuffed 0xFF00 nor RSTn.
      const std::size_t start = pos;
      for (;;) {
        pos = in.find('\xFF', pos);
        if (pos == std::string_view::npos || pos + 1 >= n) throw_corrupt();  // no EOI
        const std::uint8_t next = u8(in, pos + 1);
        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
          pos += 2;
          continue;
        }
        break;
      }
      out.append(in.substr(start, pos - start));
      have_scan = true;
    }
  }
  return photo;
}

// ---- PNG -------------------------------------------------------------------------------------

constexpr std::array<std::uint32_t, 256> kCrcTable = [] {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k)
      c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  return table;
}();

std::uint32_t crc32(std::string_view data) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (const char ch : data)
    c = kCrcTable[(c ^ static_cast<std::uint8_t>(ch)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

bool valid_bit_depth(std::uint8_t colour_type, std::uint8_t depth) {
  switch (colour_type) {
    case 0:
      return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case 3:
      return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case 2:
    case 4:
    case 6:
      return depth == 8 || depth == 16;
    default:
      return false;
  }
}

bool drop_png_chunk(std::string_view type) {
  return type == "eXIf" || type == "tEXt" || type == "zTXt" || type == "iTXt" || type == "tIME";
}

Photo accept_png(std::string_view in) {
  if (!in.starts_with(kPngSignature)) throw_corrupt();
  const std::size_t n = in.size();
  Photo photo;
  photo.type = ImageType::png;
  photo.content_type = "image/png";
  std::string& out = photo.bytes;
  out.reserve(n);
  out.append(kPngSignature);

  bool have_ihdr = false;
  bool have_plte = false;
  bool have_idat = false;
  bool have_iend = false;
  std::uint8_t colour_type = 0;
  std::size_t pos = kPngSignature.size();
  while (pos < n) {
    // length (4), type (4), data (length), CRC over type and data (4).
    if (n - pos < 12) throw_corrupt();
    const std::size_t length = be32(in, pos);
    if (length > 0x7FFFFFFFu || length > n - pos - 12) throw_corrupt();
    const std::string_view type = in.substr(pos + 4, 4);
    for (const char c : type) {
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) throw_corrupt();
    }
    const std::string_view data = in.substr(pos + 8, length);
    if (crc32(in.substr(pos + 4, 4 + length)) != be32(in, pos + 8 + length)) throw_corrupt();
    const std::string_view chunk = in.substr(pos, 12 + length);
    pos += 12 + length;

    if (!have_ihdr) {
      if (type != "IHDR" || length != 13) throw_corrupt();
      const auto depth = u8(data, 8);
      colour_type = u8(data, 9);
      if (!valid_bit_depth(colour_type, depth) || u8(data, 10) != 0 || u8(data, 11) != 0 ||
          u8(data, 12) > 1) {
        throw_corrupt();
      }
      const auto width = be32(data, 0);
      const auto height = be32(data, 4);
      check_dimensions(width, height);
      photo.width = static_cast<int>(width);
      photo.height = static_cast<int>(height);
      have_ihdr = true;
    } else if (type == "IHDR") {
      throw_corrupt();
    } else if (type == "PLTE") {
      have_plte = true;
    } else if (type == "IDAT") {
      if (colour_type == 3 && !have_plte) throw_corrupt();
      have_idat = true;
    } else if (type == "IEND") {
      if (!have_idat || length != 0) throw_corrupt();
      have_iend = true;
    }
    if (!drop_png_chunk(type)) out.append(chunk);
    if (have_iend) break;  // whatever follows is not part of the image
  }
  if (!have_iend) throw_corrupt();
  return photo;
}

// ---- base64 ----------------------------------------------------------------------------------

[[noreturn]] void throw_bad_base64() {
  throw Error::bad_request("photo.bad_base64", "图片的 Base64 编码无效",
                           "the image is not valid base64");
}

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

Photo accept_photo(std::string_view bytes, std::size_t max_bytes) {
  if (bytes.size() > max_bytes) throw_too_large(max_bytes);
  if (bytes.size() >= 2 && u8(bytes, 0) == 0xFF && u8(bytes, 1) == 0xD8) return accept_jpeg(bytes);
  if (bytes.starts_with(kPngSignature.substr(0, 4))) return accept_png(bytes);
  throw_unsupported();
}

std::string decode_base64(std::string_view text) {
  if (text.starts_with("data:")) {
    constexpr std::string_view kMarker = ";base64,";
    const auto marker = text.find(kMarker);
    if (marker == std::string_view::npos || !text.substr(5, marker - 5).starts_with("image/")) {
      throw_bad_base64();
    }
    text.remove_prefix(marker + kMarker.size());
  }
  if (text.size() % 4 != 0) throw_bad_base64();

  std::string out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    const bool last = i + 4 == text.size();
    // Padding only in the last quantum: "xx==" or "xxx=".
    const int pad = last && text[i + 3] == '=' ? (text[i + 2] == '=' ? 2 : 1) : 0;
    std::uint32_t group = 0;
    for (int k = 0; k < 4; ++k) {
      const int v = k >= 4 - pad ? 0 : base64_value(text[i + static_cast<std::size_t>(k)]);
      if (v < 0) throw_bad_base64();
      group = (group << 6) | static_cast<std::uint32_t>(v);
    }
    out.push_back(static_cast<char>(group >> 16));
    if (pad < 2) out.push_back(static_cast<char>((group >> 8) & 0xFF));
    if (pad < 1) out.push_back(static_cast<char>(group & 0xFF));
    // The bits that padding cuts off must be zero (canonical encoding).
    if ((pad == 2 && (group & 0xFFFF) != 0) || (pad == 1 && (group & 0xFF) != 0)) {
      throw_bad_base64();
    }
  }
  return out;
}

}  // namespace tongxin::media
