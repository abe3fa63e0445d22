// src/core/crypto/field_crypto.cpp
#include "core/crypto/field_crypto.hpp"

#include <sodium.h>

#include <stdexcept>

#include "core/paging.hpp"
#include "core/text/utf8.hpp"

namespace tongxin::crypto {

namespace {

std::string derive(std::string_view master, std::uint64_t id, const char context[8]) {
  std::string out(crypto_kdf_KEYBYTES, '\0');
  crypto_kdf_derive_from_key(reinterpret_cast<unsigned char*>(out.data()), out.size(), id, context,
                             reinterpret_cast<const unsigned char*>(master.data()));
  return out;
}

}  // namespace

FieldCrypto::FieldCrypto(std::string_view master_key) {
  if (master_key.size() != crypto_kdf_KEYBYTES) {
    throw std::invalid_argument("field crypto: the server key must be 32 bytes");
  }
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  seal_key_ = derive(master_key, 1, "txfield");
  hash_key_ = derive(master_key, 2, "txfield");
}

std::string FieldCrypto::seal(std::string_view plaintext) const {
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plaintext.size(), '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                        nonce, reinterpret_cast<const unsigned char*>(seal_key_.data()));
  return paging::base64url_encode(out);
}

std::optional<std::string> FieldCrypto::open(std::string_view sealed) const {
  const auto raw = paging::base64url_decode(sealed);
  if (!raw || raw->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return std::nullopt;
  }
  const auto* nonce = reinterpret_cast<const unsigned char*>(raw->data());
  const auto cipher_len = raw->size() - crypto_secretbox_NONCEBYTES;
  std::string out(cipher_len - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(out.data()),
                                 nonce + crypto_secretbox_NONCEBYTES, cipher_len, nonce,
                                 reinterpret_cast<const unsigned char*>(seal_key_.data())) != 0) {
    return std::nullopt;
  }
  return out;
}

std::string FieldCrypto::lookup_hash(std::string_view plaintext) const {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(plaintext.data()),
                     plaintext.size(), reinterpret_cast<const unsigned char*>(hash_key_.data()),
                     hash_key_.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (const unsigned char b : h) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

std::string mask_phone(std::string_view phone) {
  if (phone.size() < 7) return "****";
  return std::string(phone.substr(0, 3)) + "****" + std::string(phone.substr(phone.size() - 4));
}

std::string mask_name(std::string_view name) {
  const auto starts = text::codepoint_starts(name);
  const std::size_t count = starts.size() - 1;
  if (count == 0) return "";
  std::string out(name.substr(0, starts[1]));
  out.append(count == 1 ? 1 : count - 1, '*');
  return out;
}

std::optional<std::string> normalize_mobile(std::string_view input) {
  std::string digits;
  for (std::size_t i = 0; i < input.size(); ++i) {
    const char c = input[i];
    if (c == ' ' || c == '-') continue;
    if (c == '+' && i == 0) continue;
    if (c < '0' || c > '9') return std::nullopt;
    digits += c;
  }
  if (digits.size() == 13 && digits.starts_with("86")) digits.erase(0, 2);
  if (digits.size() != 11 || digits[0] != '1' || digits[1] < '3') return std::nullopt;
  return digits;
}

}  // namespace tongxin::crypto
