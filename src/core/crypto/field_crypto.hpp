// src/core/crypto/field_crypto.hpp
//
// Field encryption for personal data (PIPL): citizens' names and phone numbers are stored
// sealed with XSalsa20-Poly1305 (libsodium secretbox) under a subkey of the server key,
// and looked up by a keyed hash, never by plaintext. Masking is how they are shown to
// anyone who is not entitled to see them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tongxin::crypto {

class FieldCrypto {
 public:
  // `master_key` is the 32-byte server key (config.key_file). Throws std::invalid_argument
  // for any other length.
  explicit FieldCrypto(std::string_view master_key);

  // base64url(nonce ‖ ciphertext). Different every call for the same plaintext.
  std::string seal(std::string_view plaintext) const;
  // The plaintext, or nullopt when the text was not sealed by this key or was altered.
  std::optional<std::string> open(std::string_view sealed) const;
  // Deterministic keyed hash (hex) for equality lookups and rate-limit buckets.
  std::string lookup_hash(std::string_view plaintext) const;

 private:
  std::string seal_key_;
  std::string hash_key_;
};

// "13812341234" → "138****1234"; anything shorter than 7 characters → "****".
std::string mask_phone(std::string_view phone);
// "张三" → "张*", "欧阳小明" → "欧***", "" → "".
std::string mask_name(std::string_view name);
// Mainland mobile numbers: 11 digits starting with 1[3-9]; "+86"/"86" prefixes, spaces and
// hyphens are dropped. nullopt when it is not one.
std::optional<std::string> normalize_mobile(std::string_view input);

}  // namespace tongxin::crypto
