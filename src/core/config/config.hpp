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

// Casework rules (workflows.md §1); deadlines count working days on the Chinese calendar.
struct CasesConfig {
  int claim_working_days = 3;           // contact the citizen (claim) within 3 wd of assignment
  int reply_working_days = 15;          // reply within 15 wd of assignment
  int escalate_after_working_days = 2;  // from the studio lead on to staff
  int rating_days = 7;                  // calendar days a citizen has to rate before auto-close
  std::string privacy_notice_version = "2026-01";
  int public_writes_per_hour = 20;  // per client address: cases, SMS codes
  int sweep_interval_s = 60;        // deadline sweeper period in `serve`
};

// SMS gateway. "dev" writes messages to the outbox only (tests, demo); "http" also posts
// each one as JSON to `http_url` with `Authorization: Bearer http_token`.
struct SmsConfig {
  std::string driver = "dev";
  std::string http_url;
  std::string http_token;
  std::string sign = "同心";  // the 签名 a Chinese SMS provider requires: 【同心】
};

// Duty points: the scoring year is the calendar year; grade bands are yearly totals.
struct PointsConfig {
  double excellent_min = 60;  // 优秀
  double competent_min = 30;  // 称职
  double basic_min = 15;      // 基本称职; below it 不称职
};

// Formal outputs (workflows.md §2–4); working days on the Chinese calendar unless named.
struct OutputsConfig {
  int micro_review_working_days = 2;      // staff review a submitted micro-suggestion
  int micro_sign_working_days = 2;        // the agency signs for it
  int micro_reply_working_days = 10;      // the agency replies
  int micro_extension_working_days = 10;  // one extension at most this long
  int proposal_review_working_days = 10;  // staff register or not
  int proposal_sign_working_days = 5;     // the lead agency signs (or asks back in ask_back_days)
  int proposal_ask_back_days = 10;        // calendar days to ask for a proposal to be re-assigned
  int proposal_reply_months = 3;          // reply within 3 months of assignment
  int opinion_review_working_days = 5;    // staff edit a submitted opinion report
  int rating_working_days = 15;           // authors rate the reply; then it closes unrated
  int remind_before_working_days = 1;     // 临期预警
};

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
  CasesConfig cases;
  SmsConfig sms;
  PointsConfig points;
  OutputsConfig outputs;
};

// Loads `path` (a missing file is fine when `required` is false) over the defaults, then
// applies TONGXIN_* variables from `env`. Throws std::runtime_error naming the key on a
// malformed value.
Config load(const std::string& path, bool required, const std::map<std::string, std::string>& env);
// The process environment's TONGXIN_* variables.
std::map<std::string, std::string> environment();

}  // namespace tongxin::config
