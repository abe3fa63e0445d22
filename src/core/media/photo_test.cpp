// src/core/media/photo_test.cpp
#include "core/media/photo.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace tongxin::media {
namespace {

using namespace std::string_literals;

// ---- builders --------------------------------------------------------------------------------

std::string be16(std::uint32_t v) {
  return {static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string be32(std::uint32_t v) {
  return be16(v >> 16) + be16(v & 0xFFFF);
}

// Bitwise CRC-32, deliberately independent of the table in photo.cpp.
std::uint32_t crc32(const std::string& data) {
  std::uint32_t c = 0xFFFFFFFFu;
  for (const char ch : data) {
    c ^= static_cast<std::uint8_t>(ch);
    for (int k = 0; k < 8; ++k)
      c = (c >> 1) ^ ((c & 1) ? 0xEDB88320u : 0);
  }
  return ~c;
}

std::string png_chunk(const std::string& type, const std::string& data) {
  return be32(static_cast<std::uint32_t>(data.size())) + type + data + be32(crc32(type + data));
}

std::string ihdr(std::uint32_t width, std::uint32_t height) {
  // 8-bit greyscale, deflate, adaptive filtering, no interlace.
  return png_chunk("IHDR", be32(width) + be32(height) + "\x08\x00\x00\x00\x00"s);
}

const std::string kPngSig = "\x89PNG\r\n\x1a\n"s;
// zlib stream of one scanline: filter byte 0, one black pixel.
const std::string kIdat = png_chunk("IDAT", "\x78\x9c\x63\x60\x00\x00\x00\x02\x00\x01"s);
const std::string kIend = png_chunk("IEND", "");

std::string minimal_png(std::uint32_t width = 1, std::uint32_t height = 1) {
  return kPngSig + ihdr(width, height) + kIdat + kIend;
}

// The 1x1 PNG with a camera's worth of metadata around the image data.
std::string png_with_metadata() {
  return kPngSig + ihdr(1, 1) + png_chunk("eXIf", "MM\x00\x2a GPS 39.9042N 116.4074E"s) +
         png_chunk("tEXt", "Location\0Beijing 39.9042,116.4074"s) +
         png_chunk("iTXt", "Device\0\0\0\0\0Pixel 8 serial 1234"s) +
         png_chunk("zTXt", "Comment\0\0x"s) + png_chunk("tIME", "\x07\xea\x01\x02\x03\x04\x05"s) +
         png_chunk("gAMA", be32(45455)) + kIdat + kIend;
}

std::string segment(std::uint8_t marker, const std::string& payload) {
  return "\xFF"s + static_cast<char>(marker) +
         be16(static_cast<std::uint32_t>(payload.size() + 2)) + payload;
}

const std::string kSoi = "\xFF\xD8"s;
const std::string kEoi = "\xFF\xD9"s;
const std::string kApp0 = segment(0xE0, "JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00"s);
const std::string kExif = segment(0xE1, "Exif\0\0MM\0\x2a GPSLatitude 39.9042N 116.4074E"s);
const std::string kDqt = segment(0xDB, "\x00"s + std::string(64, '\x01'));
const std::string kDht = segment(0xC4, "\x00\x01"s + std::string(15, '\0') + "\x00"s);
const std::string kSos = segment(0xDA, "\x01\x01\x00\x00\x3f\x00"s);
// Entropy-coded bytes with a stuffed 0xFF00 and a restart marker.
const std::string kScan = "\x12\x34\xFF\x00\x56\xFF\xD0\x78"s;

std::string sof0(std::uint32_t width, std::uint32_t height) {
  return segment(0xC0, "\x08"s + be16(height) + be16(width) + "\x01\x01\x11\x00"s);
}

std::string clean_jpeg(std::uint32_t width = 16, std::uint32_t height = 8) {
  return kSoi + kApp0 + kDqt + sof0(width, height) + kDht + kSos + kScan + kEoi;
}

std::string jpeg_with_exif(std::uint32_t width = 16, std::uint32_t height = 8) {
  return kSoi + kApp0 + kExif + kDqt + sof0(width, height) + kDht + kSos + kScan + kEoi;
}

Error error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "expected a tongxin::Error";
  return Error(0, "none", "", "");
}

std::string photo_error(std::string_view bytes, std::size_t max = kMaxPhotoBytes) {
  return error_of([&] { accept_photo(bytes, max); }).code();
}

// ---- tests -----------------------------------------------------------------------------------

TEST(Photo, TestCrcMatchesKnownValue) {
  EXPECT_EQ(crc32("IEND"), 0xAE426082u);
}

TEST(Photo, AcceptsJpegAndStripsExif) {
  const auto input = jpeg_with_exif();
  ASSERT_NE(input.find("39.9042"), std::string::npos);
  const Photo p = accept_photo(input);
  EXPECT_EQ(p.type, ImageType::jpeg);
  EXPECT_EQ(p.content_type, "image/jpeg");
  EXPECT_EQ(p.width, 16);
  EXPECT_EQ(p.height, 8);
  EXPECT_EQ(p.bytes, clean_jpeg());  // exactly the input minus APP1
  EXPECT_EQ(p.bytes.find("39.9042"), std::string::npos);
  EXPECT_EQ(p.bytes.find("Exif"), std::string::npos);
  EXPECT_EQ(accept_photo(p.bytes).bytes, p.bytes);  // idempotent
}

TEST(Photo, JpegKeepsIccAdobeDropsOtherAppsCommentAndTrailer) {
  const auto icc = segment(0xE2, "ICC_PROFILE\0\x01\x01profile"s);
  const auto mpf = segment(0xE2, "MPF\0secondary image index"s);
  const auto xmp = segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta GPS/>"s);
  const auto iptc = segment(0xED, "Photoshop 3.0\0city=Lanzhou"s);
  const auto adobe = segment(0xEE, "Adobe\0\x64\0\0\0\0\x01"s);
  const auto app15 = segment(0xEF, "vendor serial 42"s);
  const auto com = segment(0xFE, "Shot on Phone X"s);
  const auto input = kSoi + kApp0 + xmp + icc + mpf + iptc + adobe + app15 + com + kDqt +
                     sof0(16, 8) + kDht + kSos + kScan + kEoi + "SEFT trailer GPS"s;
  const Photo p = accept_photo(input);
  EXPECT_EQ(p.bytes, kSoi + kApp0 + icc + adobe + kDqt + sof0(16, 8) + kDht + kSos + kScan + kEoi);
}

TEST(Photo, JpegProgressiveScansAndMetadataBetweenScans) {
  const auto sof2 = segment(0xC2, "\x08"s + be16(30) + be16(40) + "\x01\x01\x11\x00"s);
  const auto input =
      kSoi + kDqt + sof2 + kDht + kSos + kScan + kDht + kExif + kSos + "\x01\x02"s + kEoi;
  const Photo p = accept_photo(input);
  EXPECT_EQ(p.width, 40);
  EXPECT_EQ(p.height, 30);
  EXPECT_EQ(p.bytes, kSoi + kDqt + sof2 + kDht + kSos + kScan + kDht + kSos + "\x01\x02"s + kEoi);
}

TEST(Photo, JpegDimensionsNotFromDhtJpgOrDac) {
  // A DAC (CC) before the frame header must not be read as the frame.
  const auto dac = segment(0xCC, "\x08\x00\x05\x00\x05\x01\x01\x11\x00"s);
  const Photo p = accept_photo(kSoi + dac + kDqt + sof0(300, 200) + kDht + kSos + kScan + kEoi);
  EXPECT_EQ(p.width, 300);
  EXPECT_EQ(p.height, 200);
}

TEST(Photo, AcceptsPngAndStripsTextExifTime) {
  const auto input = png_with_metadata();
  ASSERT_NE(input.find("39.9042"), std::string::npos);
  const Photo p = accept_photo(input);
  EXPECT_EQ(p.type, ImageType::png);
  EXPECT_EQ(p.content_type, "image/png");
  EXPECT_EQ(p.width, 1);
  EXPECT_EQ(p.height, 1);
  EXPECT_EQ(p.bytes, kPngSig + ihdr(1, 1) + png_chunk("gAMA", be32(45455)) + kIdat + kIend);
  for (const char* gone : {"39.9042", "eXIf", "tEXt", "iTXt", "zTXt", "tIME", "Pixel 8"}) {
    EXPECT_EQ(p.bytes.find(gone), std::string::npos) << gone;
  }
  EXPECT_EQ(accept_photo(p.bytes).bytes, p.bytes);
}

TEST(Photo, PngDropsTrailingDataAfterIend) {
  EXPECT_EQ(accept_photo(minimal_png() + "GPS 39.9"s).bytes, minimal_png());
}

TEST(Photo, TypeComesFromContentOnly) {
  // There is no name or client content type to go by: the same bytes are the same type however
  // they were labelled, and a name that looks like an image changes nothing.
  EXPECT_EQ(accept_photo(minimal_png()).content_type, "image/png");
  EXPECT_EQ(accept_photo(clean_jpeg()).content_type, "image/jpeg");
  EXPECT_EQ(photo_error("photo.jpg"), "photo.unsupported_type");
  EXPECT_EQ(photo_error("image/png"), "photo.unsupported_type");
}

TEST(Photo, RejectsOtherFormats) {
  const std::vector<std::string> others = {
      "GIF89a\x01\x00\x01\x00\x80\x00\x00"s,
      "RIFF\x24\x00\x00\x00WEBPVP8 "s,
      "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"s,
      "\x00\x00\x00\x18"
      "ftypheic"s,
      "BM\x3a\x00\x00\x00"s,
      "just some text"s,
      "<svg xmlns='http://www.w3.org/2000/svg'/>"s,
      ""s,
      "\xFF"s,
  };
  for (const auto& bytes : others) {
    const auto e = error_of([&] { accept_photo(bytes); });
    EXPECT_EQ(e.code(), "photo.unsupported_type") << bytes;
    EXPECT_EQ(e.status(), 400);
    EXPECT_FALSE(e.message_zh().empty());
  }
}

TEST(Photo, RejectsEveryTruncation) {
  for (const auto& full : {jpeg_with_exif(), png_with_metadata()}) {
    for (std::size_t len = 4; len < full.size(); ++len) {
      EXPECT_EQ(photo_error(full.substr(0, len)), "photo.corrupt") << len;
    }
  }
  EXPECT_EQ(photo_error(kSoi), "photo.corrupt");
}

TEST(Photo, RejectsBrokenJpegStructure) {
  // Segment length running past the end.
  EXPECT_EQ(photo_error(kSoi + "\xFF\xE1\x40\x00"s + "Exif"s + kEoi), "photo.corrupt");
  // Length below 2.
  EXPECT_EQ(photo_error(kSoi + "\xFF\xE0\x00\x01"s + kEoi), "photo.corrupt");
  // Scan before any frame header.
  EXPECT_EQ(photo_error(kSoi + kDqt + kSos + kScan + kEoi), "photo.corrupt");
  // EOI without a scan.
  EXPECT_EQ(photo_error(kSoi + kApp0 + sof0(16, 8) + kEoi), "photo.corrupt");
  // Garbage where a marker should be.
  EXPECT_EQ(photo_error(kSoi + "garbage"s + clean_jpeg().substr(2)), "photo.corrupt");
  // A second SOI.
  EXPECT_EQ(photo_error(kSoi + clean_jpeg()), "photo.corrupt");
  // Frame header too short for its component count.
  EXPECT_EQ(photo_error(kSoi + segment(0xC0, "\x08\x00\x08\x00\x10\x03\x01\x11\x00"s) + kSos +
                        kScan + kEoi),
            "photo.corrupt");
}

TEST(Photo, RejectsBrokenPngStructure) {
  auto bad_crc = minimal_png();
  bad_crc[kPngSig.size() + 8] ^= 1;  // first byte of IHDR's width
  EXPECT_EQ(photo_error(bad_crc), "photo.corrupt");
  auto bad_crc_field = minimal_png();
  bad_crc_field[kPngSig.size() + 8 + 13] ^= static_cast<char>(0x40);  // IHDR's CRC itself
  EXPECT_EQ(photo_error(bad_crc_field), "photo.corrupt");
  // Damaged signature.
  auto bad_sig = minimal_png();
  bad_sig[6] = 'X';
  EXPECT_EQ(photo_error(bad_sig), "photo.corrupt");
  // IHDR not first, missing IEND, missing IDAT, chunk length past the end, a second IHDR.
  EXPECT_EQ(photo_error(kPngSig + png_chunk("gAMA", be32(45455)) + ihdr(1, 1) + kIdat + kIend),
            "photo.corrupt");
  EXPECT_EQ(photo_error(kPngSig + ihdr(1, 1) + kIdat), "photo.corrupt");
  EXPECT_EQ(photo_error(kPngSig + ihdr(1, 1) + kIend), "photo.corrupt");
  EXPECT_EQ(photo_error(kPngSig + ihdr(1, 1) + be32(0x7FFFFFF0) + "IDAT"s + kIend),
            "photo.corrupt");
  EXPECT_EQ(photo_error(kPngSig + ihdr(1, 1) + ihdr(1, 1) + kIdat + kIend), "photo.corrupt");
  // Invalid bit depth for greyscale.
  EXPECT_EQ(photo_error(kPngSig + png_chunk("IHDR", be32(1) + be32(1) + "\x03\x00\x00\x00\x00"s) +
                        kIdat + kIend),
            "photo.corrupt");
  // Palette image without PLTE.
  EXPECT_EQ(photo_error(kPngSig + png_chunk("IHDR", be32(1) + be32(1) + "\x08\x03\x00\x00\x00"s) +
                        kIdat + kIend),
            "photo.corrupt");
}

TEST(Photo, DimensionLimits) {
  EXPECT_EQ(accept_photo(minimal_png(20000, 20000)).width, 20000);
  EXPECT_EQ(accept_photo(clean_jpeg(20000, 1)).width, 20000);
  for (const auto& [w, h] : std::vector<std::pair<std::uint32_t, std::uint32_t>>{
           {0, 1}, {1, 0}, {20001, 1}, {1, 20001}}) {
    EXPECT_EQ(photo_error(minimal_png(w, h)), "photo.bad_dimensions") << w << "x" << h;
    EXPECT_EQ(photo_error(clean_jpeg(w, h)), "photo.bad_dimensions") << w << "x" << h;
  }
  EXPECT_EQ(photo_error(minimal_png(0x80000000u, 1)), "photo.bad_dimensions");
}

TEST(Photo, OversizeIs413) {
  const auto png = minimal_png();
  EXPECT_NO_THROW(accept_photo(png, png.size()));
  const auto e = error_of([&] { accept_photo(png, png.size() - 1); });
  EXPECT_EQ(e.status(), 413);
  EXPECT_EQ(e.code(), "photo.too_large");
  const std::string big(kMaxPhotoBytes + 1, 'x');
  const auto e2 = error_of([&] { accept_photo(big); });
  EXPECT_EQ(e2.status(), 413);
  EXPECT_NE(e2.message_zh().find("8 MB"), std::string::npos);
  EXPECT_NE(e2.message_en().find("8 MB"), std::string::npos);
}

TEST(Photo, FuzzNeverCrashes) {
  std::mt19937 rng(20260101);
  const std::vector<std::string> seeds = {jpeg_with_exif(), png_with_metadata(), clean_jpeg(),
                                          minimal_png()};
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n == 0 ? 0 : n - 1)(rng);
  };
  int accepted = 0;
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    if (i % 10 == 0) {  // pure noise, sometimes behind a real magic number
      s.resize(pick(64));
      for (auto& c : s)
        c = static_cast<char>(pick(256));
      if (i % 20 == 0) s.insert(0, i % 40 == 0 ? kSoi : kPngSig);
    } else {
      s = seeds[pick(seeds.size())];
      const int edits = 1 + static_cast<int>(pick(4));
      for (int k = 0; k < edits && !s.empty(); ++k) {
        switch (pick(5)) {
          case 0:
            s[pick(s.size())] = static_cast<char>(pick(256));
            break;
          case 1: {
            auto& ch = s[pick(s.size())];
            ch = static_cast<char>(static_cast<unsigned char>(ch) ^ (1u << pick(8)));
          } break;
          case 2:
            s.insert(pick(s.size() + 1), 1, static_cast<char>(pick(256)));
            break;
          case 3:
            s.erase(pick(s.size()), 1 + pick(8));
            break;
          default:
            s.resize(pick(s.size() + 1));
            break;
        }
      }
    }
    try {
      const Photo p = accept_photo(s);
      ++accepted;
      EXPECT_GE(p.width, 1);
      EXPECT_LE(p.width, kMaxPhotoDimension);
      EXPECT_GE(p.height, 1);
      EXPECT_LE(p.height, kMaxPhotoDimension);
      EXPECT_LE(p.bytes.size(), s.size() + 2);
      EXPECT_EQ(accept_photo(p.bytes).bytes, p.bytes);
    } catch (const Error& e) {
      EXPECT_TRUE(e.code().starts_with("photo.")) << e.code();
    }
  }
  EXPECT_GT(accepted, 0);  // the mutations are not all fatal, so the accept path is fuzzed too
}

// ---- base64 ----------------------------------------------------------------------------------

std::string encode_base64(const std::string& in) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < in.size(); i += 3) {
    std::uint32_t v = static_cast<std::uint8_t>(in[i]) << 16;
    if (i + 1 < in.size())
      v |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(in[i + 1])) << 8;
    if (i + 2 < in.size()) v |= static_cast<std::uint8_t>(in[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < in.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += i + 2 < in.size() ? kAlphabet[v & 63] : '=';
  }
  return out;
}

TEST(PhotoBase64, Decodes) {
  EXPECT_EQ(decode_base64(""), "");
  EXPECT_EQ(decode_base64("aA=="), "h");
  EXPECT_EQ(decode_base64("aGk="), "hi");
  EXPECT_EQ(decode_base64("aGVsbG8="), "hello");
  EXPECT_EQ(decode_base64("5ZCM5b+D"), "同心");
  std::string all;
  for (int i = 0; i < 256; ++i)
    all.push_back(static_cast<char>(i));
  for (std::size_t len = 0; len <= all.size(); len += 37) {
    EXPECT_EQ(decode_base64(encode_base64(all.substr(0, len))), all.substr(0, len));
  }
}

TEST(PhotoBase64, DataUrlIntoAcceptPhoto) {
  const auto png = png_with_metadata();
  const Photo p = accept_photo(decode_base64("data:image/png;base64," + encode_base64(png)));
  EXPECT_EQ(p.type, ImageType::png);
  // The declared type is not trusted: a JPEG behind an image/png data URL is a JPEG.
  EXPECT_EQ(
      accept_photo(decode_base64("data:image/png;base64," + encode_base64(clean_jpeg()))).type,
      ImageType::jpeg);
}

TEST(PhotoBase64, RejectsInvalid) {
  for (const std::string bad : {
           "aGVsbG8",                      // missing padding
           "aGVsbG8==",                    // wrong length
           "aGV sbG8=",                    // whitespace
           "aGVs\nbG8=",                   // line break
           "a-_b",                         // URL-safe alphabet
           "aG=sbG8=",                     // padding in the middle
           "aGk=aGk=",                     // padding before the end
           "====",                         // only padding
           "a===",                         // too much padding
           "aGVsbG9=",                     // non-zero padding bits
           "aB==",                         // non-zero padding bits
           "data:image/png,aGk=",          // data URL that is not base64
           "data:text/plain;base64,aGk=",  // not an image data URL
           "data:;base64,aGk=",            // no media type
       }) {
    const auto e = error_of([&] { decode_base64(bad); });
    EXPECT_EQ(e.code(), "photo.bad_base64") << bad;
    EXPECT_EQ(e.status(), 400);
  }
}

}  // namespace
}  // namespace tongxin::media
