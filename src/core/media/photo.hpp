// src/core/media/photo.hpp
//
// Intake of uploaded photos (JPEG and PNG only). The type is decided by the content alone —
// magic bytes and a walk of the file's structure — never by a file name or the content type a
// client sends. An accepted photo comes back with the metadata that can identify a place or a
// device removed; nothing is decoded or re-encoded, the pixels are untouched:
//  - JPEG: the marker segments are walked. APP1 (Exif, XMP: GPS, camera model, serial numbers),
//    APP2 other than ICC_PROFILE (MPF and its extra images), APP3..APP13, APP15 and COM are
//    dropped; APP0 (JFIF), APP2 ICC_PROFILE and APP14 Adobe are kept, as is every other segment
//    and the entropy-coded data. Anything after EOI (phone trailers, motion-photo videos) is
//    dropped. Dimensions come from the first SOFn (C0..CF except DHT C4, JPG C8, DAC CC).
//  - PNG: signature, IHDR first, every chunk's length within the file and its CRC-32, IDAT and
//    IEND present. eXIf, tEXt, zTXt, iTXt and tIME chunks are dropped, the rest kept; anything
//    after IEND is dropped.
// Width and height must each be 1..20000. Arbitrary bytes never crash or read out of bounds;
// every rejection is a tongxin::Error:
//   413 photo.too_large         more than max_bytes
//   400 photo.unsupported_type  neither JPEG nor PNG (GIF, WebP, HEIC, PDF, text, empty, ...)
//   400 photo.corrupt           a JPEG/PNG that is truncated or structurally invalid
//   400 photo.bad_dimensions    width or height outside 1..20000
//   400 photo.bad_base64        decode_base64 input is not valid base64
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tongxin::media {

enum class ImageType { jpeg, png };

struct Photo {
  ImageType type = ImageType::jpeg;
  std::string content_type;  // "image/jpeg" | "image/png"
  int width = 0;
  int height = 0;
  std::string bytes;  // cleaned bytes: metadata that can identify a place or device removed
};

inline constexpr std::size_t kMaxPhotoBytes = 8UL * 1024 * 1024;
inline constexpr int kMaxPhotoDimension = 20000;

// Validates `bytes` as described above and returns the cleaned photo. Accepting the result's
// bytes again yields the same bytes.
Photo accept_photo(std::string_view bytes, std::size_t max_bytes = kMaxPhotoBytes);

// Standard base64 (RFC 4648 alphabet "+/", padded to a multiple of 4, no whitespace), optionally
// behind a "data:image/<subtype>;base64," prefix as browsers produce with FileReader. Throws
// Error 400 photo.bad_base64 on anything else (URL-safe alphabet, missing padding, stray
// characters, non-zero padding bits).
std::string decode_base64(std::string_view text);

}  // namespace tongxin::media
