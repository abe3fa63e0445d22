// src/core/config/config.cpp
#include "core/config/config.hpp"

#include <cstdlib>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string_view>
#include <toml.hpp>

#include "core/http/client_address.hpp"

extern char** environ;  // NOLINT: POSIX

namespace tongxin::config {

namespace {

using Table = toml::value;

// Rejects keys we do not know: a typo in a config file must fail loudly at start-up, not
// silently fall back to a default.
void check_keys(const Table& table, std::string_view section,
                const std::set<std::string, std::less<>>& known) {
  for (const auto& [key, _] : table.as_table()) {
    if (!known.contains(key)) {
      throw std::runtime_error("config: unknown key '" +
                               (section.empty() ? key : std::string(section) + "." + key) + "'");
    }
  }
}

template <typename T>
void read(const Table& table, const char* key, T& out) {
  if (table.contains(key)) out = toml::find<T>(table, key);
}

void read_seconds(const Table& table, const char* key, std::chrono::seconds& out) {
  if (table.contains(key)) out = std::chrono::seconds(toml::find<std::int64_t>(table, key));
}

std::size_t parse_size(const std::string& name, const std::string& text) {
  try {
    std::size_t used = 0;
    const long long v = std::stoll(text, &used);
    if (used != text.size() || v < 0) throw std::invalid_argument(text);
    return static_cast<std::size_t>(v);
  } catch (const std::exception&) {
    throw std::runtime_error("config: " + name + " must be a non-negative integer, got '" + text +
                             "'");
  }
}

void apply_file(Config& c, const Table& root) {
  check_keys(root, "",
             {"db", "public_base_url", "data_dir", "key_file", "server", "database", "log", "auth",
              "cases", "sms", "points", "outputs"});
  read(root, "db", c.db);
  read(root, "public_base_url", c.public_base_url);
  read(root, "data_dir", c.data_dir);
  read(root, "key_file", c.key_file);
  if (root.contains("server")) {
    const auto& s = toml::find(root, "server");
    check_keys(s, "server",
               {"listen", "network_threads", "worker_threads", "queue_capacity", "max_header_bytes",
                "max_body_bytes", "idle_timeout_s", "request_timeout_s", "drain_timeout_s",
                "static_dir", "access_log", "trusted_proxies"});
    read(s, "listen", c.server.listen);
    read(s, "network_threads", c.server.network_threads);
    read(s, "worker_threads", c.server.worker_threads);
    read(s, "queue_capacity", c.server.queue_capacity);
    read(s, "max_header_bytes", c.server.max_header_bytes);
    read(s, "max_body_bytes", c.server.max_body_bytes);
    read_seconds(s, "idle_timeout_s", c.server.idle_timeout);
    read_seconds(s, "request_timeout_s", c.server.request_timeout);
    read_seconds(s, "drain_timeout_s", c.server.drain_timeout);
    read(s, "static_dir", c.server.static_dir);
    read(s, "access_log", c.server.access_log);
    read(s, "trusted_proxies", c.server.trusted_proxies);
  }
  if (root.contains("database")) {
    const auto& d = toml::find(root, "database");
    check_keys(d, "database", {"pool_size", "synchronous"});
    read(d, "pool_size", c.db_pool_size);
    if (d.contains("synchronous")) {
      const auto mode = toml::find<std::string>(d, "synchronous");
      if (mode != "normal" && mode != "full") {
        throw std::runtime_error("config: database.synchronous must be 'normal' or 'full'");
      }
      c.sqlite_synchronous_full = mode == "full";
    }
  }
  if (root.contains("log")) {
    const auto& l = toml::find(root, "log");
    check_keys(l, "log", {"format", "level"});
    read(l, "format", c.log_format);
    read(l, "level", c.log_level);
  }
  if (root.contains("auth")) {
    const auto& a = toml::find(root, "auth");
    check_keys(a, "auth",
               {"session_idle_minutes", "session_absolute_hours", "lockout_failures",
                "lockout_minutes", "argon2_memory_kib", "argon2_ops"});
    if (a.contains("session_idle_minutes")) {
      c.session_idle_timeout =
          std::chrono::minutes(toml::find<std::int64_t>(a, "session_idle_minutes"));
    }
    if (a.contains("session_absolute_hours")) {
      c.session_absolute_timeout =
          std::chrono::hours(toml::find<std::int64_t>(a, "session_absolute_hours"));
    }
    read(a, "lockout_failures", c.lockout_failures);
    if (a.contains("lockout_minutes")) {
      c.lockout_duration = std::chrono::minutes(toml::find<std::int64_t>(a, "lockout_minutes"));
    }
    read(a, "argon2_memory_kib", c.argon2_memory_kib);
    read(a, "argon2_ops", c.argon2_ops);
  }
  if (root.contains("cases")) {
    const auto& k = toml::find(root, "cases");
    check_keys(
        k, "cases",
        {"claim_working_days", "reply_working_days", "escalate_after_working_days", "rating_days",
         "privacy_notice_version", "public_writes_per_hour", "sweep_interval_s"});
    read(k, "claim_working_days", c.cases.claim_working_days);
    read(k, "reply_working_days", c.cases.reply_working_days);
    read(k, "escalate_after_working_days", c.cases.escalate_after_working_days);
    read(k, "rating_days", c.cases.rating_days);
    read(k, "privacy_notice_version", c.cases.privacy_notice_version);
    read(k, "public_writes_per_hour", c.cases.public_writes_per_hour);
    read(k, "sweep_interval_s", c.cases.sweep_interval_s);
  }
  if (root.contains("outputs")) {
    const auto& o = toml::find(root, "outputs");
    check_keys(
        o, "outputs",
        {"micro_review_working_days", "micro_sign_working_days", "micro_reply_working_days",
         "micro_extension_working_days", "proposal_review_working_days",
         "proposal_sign_working_days", "proposal_ask_back_days", "proposal_reply_months",
         "opinion_review_working_days", "rating_working_days", "remind_before_working_days"});
    auto& x = c.outputs;
    read(o, "micro_review_working_days", x.micro_review_working_days);
    read(o, "micro_sign_working_days", x.micro_sign_working_days);
    read(o, "micro_reply_working_days", x.micro_reply_working_days);
    read(o, "micro_extension_working_days", x.micro_extension_working_days);
    read(o, "proposal_review_working_days", x.proposal_review_working_days);
    read(o, "proposal_sign_working_days", x.proposal_sign_working_days);
    read(o, "proposal_ask_back_days", x.proposal_ask_back_days);
    read(o, "proposal_reply_months", x.proposal_reply_months);
    read(o, "opinion_review_working_days", x.opinion_review_working_days);
    read(o, "rating_working_days", x.rating_working_days);
    read(o, "remind_before_working_days", x.remind_before_working_days);
  }
  if (root.contains("points")) {
    const auto& p = toml::find(root, "points");
    check_keys(p, "points", {"excellent_min", "competent_min", "basic_min"});
    read(p, "excellent_min", c.points.excellent_min);
    read(p, "competent_min", c.points.competent_min);
    read(p, "basic_min", c.points.basic_min);
  }
  if (root.contains("sms")) {
    const auto& m = toml::find(root, "sms");
    check_keys(m, "sms", {"driver", "http_url", "http_token", "sign"});
    read(m, "driver", c.sms.driver);
    read(m, "http_url", c.sms.http_url);
    read(m, "http_token", c.sms.http_token);
    read(m, "sign", c.sms.sign);
  }
}

void apply_env(Config& c, const std::map<std::string, std::string>& env) {
  const auto get = [&](const char* name) -> const std::string* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : &it->second;
  };
  if (const auto* v = get("TONGXIN_DB")) c.db = *v;
  if (const auto* v = get("TONGXIN_LISTEN")) c.server.listen = *v;
  if (const auto* v = get("TONGXIN_PUBLIC_BASE_URL")) c.public_base_url = *v;
  if (const auto* v = get("TONGXIN_DATA_DIR")) c.data_dir = *v;
  if (const auto* v = get("TONGXIN_KEY_FILE")) c.key_file = *v;
  if (const auto* v = get("TONGXIN_STATIC_DIR")) c.server.static_dir = *v;
  if (const auto* v = get("TONGXIN_TRUSTED_PROXIES")) {
    c.server.trusted_proxies.clear();
    std::size_t start = 0;
    while (start <= v->size()) {
      const auto comma = std::min(v->find(',', start), v->size());
      auto item = v->substr(start, comma - start);
      std::erase(item, ' ');
      if (!item.empty()) c.server.trusted_proxies.push_back(item);
      start = comma + 1;
    }
  }
  if (const auto* v = get("TONGXIN_LOG_FORMAT")) c.log_format = *v;
  if (const auto* v = get("TONGXIN_LOG_LEVEL")) c.log_level = *v;
  if (const auto* v = get("TONGXIN_SMS_DRIVER")) c.sms.driver = *v;
  if (const auto* v = get("TONGXIN_SMS_HTTP_URL")) c.sms.http_url = *v;
  if (const auto* v = get("TONGXIN_SMS_HTTP_TOKEN")) c.sms.http_token = *v;
  if (const auto* v = get("TONGXIN_PUBLIC_WRITES_PER_HOUR")) {
    c.cases.public_writes_per_hour =
        static_cast<int>(parse_size("TONGXIN_PUBLIC_WRITES_PER_HOUR", *v));
  }
  if (const auto* v = get("TONGXIN_WORKER_THREADS")) {
    c.server.worker_threads = parse_size("TONGXIN_WORKER_THREADS", *v);
  }
  if (const auto* v = get("TONGXIN_DB_POOL_SIZE")) {
    c.db_pool_size = parse_size("TONGXIN_DB_POOL_SIZE", *v);
  }
}

void validate(const Config& c) {
  if (c.server.worker_threads == 0 || c.server.network_threads == 0) {
    throw std::runtime_error("config: server.worker_threads and network_threads must be ≥ 1");
  }
  if (c.server.queue_capacity == 0) {
    throw std::runtime_error("config: server.queue_capacity must be ≥ 1");
  }
  if (c.log_format != "text" && c.log_format != "json") {
    throw std::runtime_error("config: log.format must be 'text' or 'json'");
  }
  try {
    const http::TrustedProxies check(c.server.trusted_proxies);
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(std::string("config: server.trusted_proxies: '") + e.what() +
                             "' is not an address or network");
  }
  if (c.lockout_failures < 1) throw std::runtime_error("config: auth.lockout_failures must be ≥ 1");
  if (c.sms.driver != "dev" && c.sms.driver != "http") {
    throw std::runtime_error("config: sms.driver must be 'dev' or 'http'");
  }
  if (c.sms.driver == "http" && !c.sms.http_url.starts_with("http://")) {
    throw std::runtime_error(
        "config: sms.http_url must be an http:// URL when sms.driver = 'http'");
  }
  if (!(c.points.excellent_min > c.points.competent_min &&
        c.points.competent_min > c.points.basic_min)) {
    throw std::runtime_error("config: points bands must be excellent > competent > basic");
  }
  {
    const auto& o = c.outputs;
    for (const int v :
         {o.micro_review_working_days, o.micro_sign_working_days, o.micro_reply_working_days,
          o.proposal_review_working_days, o.proposal_sign_working_days, o.proposal_ask_back_days,
          o.proposal_reply_months, o.opinion_review_working_days, o.rating_working_days}) {
      if (v <= 0) throw std::runtime_error("config: outputs.* deadlines must be positive");
    }
    if (o.micro_extension_working_days < 0 || o.remind_before_working_days < 0) {
      throw std::runtime_error("config: outputs.* must not be negative");
    }
  }
  const auto& k = c.cases;
  if (k.claim_working_days < 1 || k.reply_working_days < k.claim_working_days ||
      k.rating_days < 1 || k.escalate_after_working_days < 1 || k.public_writes_per_hour < 1 ||
      k.sweep_interval_s < 1) {
    throw std::runtime_error("config: cases.* must be positive and reply ≥ claim working days");
  }
}

}  // namespace

Config load(const std::string& path, bool required, const std::map<std::string, std::string>& env) {
  Config c;
  if (!path.empty()) {
    if (std::filesystem::exists(path)) {
      try {
        apply_file(c, toml::parse(path));
      } catch (const toml::exception& e) {
        throw std::runtime_error("config: " + path + ": " + e.what());
      }
    } else if (required) {
      throw std::runtime_error("config: file not found: " + path);
    }
  }
  apply_env(c, env);
  validate(c);
  return c;
}

std::map<std::string, std::string> environment() {
  std::map<std::string, std::string> out;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string_view kv(*e);
    if (!kv.starts_with("TONGXIN_")) continue;
    const auto eq = kv.find('=');
    if (eq == std::string_view::npos) continue;
    out.emplace(std::string(kv.substr(0, eq)), std::string(kv.substr(eq + 1)));
  }
  return out;
}

}  // namespace tongxin::config
