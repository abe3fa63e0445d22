// src/core/config/config.hpp
//
// Configuration is data: defaults here, then a TOML file (config/tongxin.toml or --config),
// then TONGXIN_* environment variables, then command-line flags — each later source wins.
// Secrets (the field-encryption and signing key) live in a key file, never in the TOML.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <string>

#include "core/http/server.hpp"

namespace tongxin::config {

struct Config {
  std::string db = "sqlite:var/tongxin.db";               // TONGXIN_DB
  std::string public_base_url = "http://127.0.0.1:8080";  // TONGXIN_PUBLIC_BASE_URL
  http::ServerOptions server;                             // listen: TONGXIN_LISTEN
  std::size_t db_pool_size = 8;
  bool sqlite_synchronous_full = false;
  std::string data_dir = "data";             // divisions.tsv, holidays, …  TONGXIN_DATA_DIR
  std::string key_file = "var/tongxin.key";  // 32 random bytes, created on first start
  std::string log_format = "text";           // text | json
  std::string log_level = "info";
  // Sessions
  std::chrono::minutes session_idle_timeout{30};
  std::chrono::hours session_absolute_timeout{12};
  // Login lockout
  int lockout_failures = 5;
  std::chrono::minutes lockout_duration{15};
  // Worker pool sizing for password hashing (argon2id is memory-hard: 64 MiB each)
  std::size_t argon2_memory_kib = 65536;
  unsigned argon2_ops = 2;
};

// Loads `path` (a missing file is fine when `required` is false) over the defaults, then
// applies TONGXIN_* variables from `env`. Throws std::runtime_error naming the key on a
// malformed value.
Config load(const std::string& path, bool required, const std::map<std::string, std::string>& env);
// The process environment's TONGXIN_* variables.
std::map<std::string, std::string> environment();

}  // namespace tongxin::config
