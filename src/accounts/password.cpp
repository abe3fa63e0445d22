// src/accounts/password.cpp
#include "accounts/password.hpp"

#include <sodium.h>

#include <mutex>
#include <stdexcept>

#include "core/error.hpp"
#include "core/json/fields.hpp"

namespace tongxin::accounts {

namespace {
void init_sodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  });
}
}  // namespace

std::string hash_password(std::string_view password, const HashCost& cost) {
  init_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.ops, cost.memory_kib * 1024,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("password hashing ran out of memory");
  }
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  init_sodium();
  const std::string h(hash);  // NUL-terminated copy
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

const std::string& dummy_hash(const HashCost& cost) {
  static std::once_flag once;
  static std::string hash;
  std::call_once(once, [&] { hash = hash_password("no-such-user-\x01", cost); });
  return hash;
}

void check_password_rules(std::string_view password, std::string_view username) {
  bool lower = false, upper = false, digit = false, symbol = false;
  for (const char c : password) {
    if (c >= 'a' && c <= 'z') {
      lower = true;
    } else if (c >= 'A' && c <= 'Z') {
      upper = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else {
      symbol = true;
    }
  }
  const int kinds = lower + upper + digit + symbol;
  std::string zh, en;
  if (json::utf8_length(password) < 10) {
    zh += "至少 10 个字符；";
    en += "at least 10 characters; ";
  }
  if (kinds < 3) {
    zh += "须包含小写字母、大写字母、数字、符号中的至少三类；";
    en += "at least 3 of: lower-case, upper-case, digit, symbol; ";
  }
  if (!username.empty() && password == username) {
    zh += "不能与用户名相同；";
    en += "must differ from the username; ";
  }
  if (json::utf8_length(password) > 128) {
    zh += "不能超过 128 个字符；";
    en += "at most 128 characters; ";
  }
  if (!zh.empty()) {
    zh.pop_back();
    zh.pop_back();
    zh.pop_back();  // the trailing "；" is three bytes
    en.resize(en.size() - 2);
    throw Error(400, "accounts.weak_password", "密码不符合要求：" + zh, "password rules: " + en,
                boost::json::object{{"field", "password"}});
  }
}

}  // namespace tongxin::accounts
