// src/accounts/password.hpp
//
// Passwords: argon2id (libsodium crypto_pwhash_str_alg) and the password rules.
#pragma once

#include <string>
#include <string_view>

namespace tongxin::accounts {

struct HashCost {
  std::size_t memory_kib = 65536;
  unsigned ops = 2;
};

std::string hash_password(std::string_view password, const HashCost& cost);
// Constant-time verification; false for a malformed hash.
bool verify_password(std::string_view hash, std::string_view password);
// A valid hash of nothing anyone knows: verifying against it costs the same as a real
// check, so an unknown username takes as long as a wrong password.
const std::string& dummy_hash(const HashCost& cost);

// Throws Error 400 accounts.weak_password naming what is missing: at least 10
// characters and 3 of 4 kinds (lower, upper, digit, symbol), not the username.
void check_password_rules(std::string_view password, std::string_view username);

}  // namespace tongxin::accounts
