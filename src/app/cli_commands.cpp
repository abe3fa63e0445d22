// src/app/cli_commands.cpp
#include "app/cli_commands.hpp"

#include <openssl/rand.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <termios.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>

#include "accounts/accounts.hpp"
#include "app/application.hpp"
#include "app/openapi.hpp"
#include "app/version.hpp"
#include "core/audit/audit.hpp"
#include "core/error.hpp"
#include "demo/bulk_cases.hpp"
#include "demo/demo.hpp"

namespace tongxin::app {

namespace {

constexpr const char* kDefaultConfig = "config/tongxin.toml";

config::Config make_config(const CliOptions& o) {
  const bool explicit_path = !o.config_path.empty();
  auto c = config::load(explicit_path ? o.config_path : kDefaultConfig, explicit_path,
                        config::environment());
  // Flags win over file and environment.
  if (!o.db.empty()) c.db = o.db;
  if (!o.data_dir.empty()) c.data_dir = o.data_dir;
  if (!o.key_file.empty()) c.key_file = o.key_file;
  if (!o.listen.empty()) c.server.listen = o.listen;
  if (!o.public_base_url.empty()) c.public_base_url = o.public_base_url;
  if (!o.static_dir.empty()) c.server.static_dir = o.static_dir;
  if (o.workers > 0) c.server.worker_threads = o.workers;
  return c;
}

void setup_logging(const config::Config& c) {
  spdlog::set_default_logger(spdlog::stderr_color_mt("tongxin"));
  spdlog::set_level(spdlog::level::from_str(c.log_level));
  if (c.log_format == "json") {
    spdlog::set_pattern(
        R"({"time":"%Y-%m-%dT%H:%M:%S.%e%z","level":"%l","thread":%t,"message":%v})");
  } else {
    spdlog::set_pattern("%Y-%m-%d %H:%M:%S.%e %^%l%$ %v");
  }
}

// The CLI acts as the operating-system user, recorded as such in the audit trail.
audit::Actor cli_actor() {
  audit::Actor a;
  a.remote_addr = "cli";
  a.request_id = "cli";
  return a;
}

std::string read_password(const char* prompt) {
  const bool tty = ::isatty(STDIN_FILENO) != 0;
  termios old{};
  if (tty) {
    std::cerr << prompt;
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string random_password() {
  // 16 characters from an alphabet without look-alikes; meets the password rules because
  // the fixed suffix adds a digit, an upper-case letter and a symbol.
  static constexpr std::string_view kAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  unsigned char bytes[12];
  RAND_bytes(bytes, sizeof bytes);
  std::string out;
  for (const unsigned char b : bytes)
    out += kAlphabet[b % kAlphabet.size()];
  return out + "-T7x";
}

}  // namespace

int run_serve(const CliOptions& o) {
  const auto c = make_config(o);
  setup_logging(c);
  Application app(c);
  for (const auto& name : app.migrate())
    spdlog::info("migration applied: {}", name);
  return app.serve();
}

int run_migrate(const CliOptions& o) {
  const auto c = make_config(o);
  setup_logging(c);
  Application app(c);
  const auto applied = app.migrate();
  for (const auto& name : applied)
    std::cout << "applied " << name << "\n";
  std::cout << (applied.empty() ? "数据库已是最新 / database is up to date\n"
                                : "迁移完成 / migrations applied\n");
  return 0;
}

int run_seed_demo(const CliOptions& o) {
  const auto c = make_config(o);
  setup_logging(c);
  Application app(c);
  app.migrate();
  demo::SeedOptions options;
  options.password = o.demo_password.empty() ? random_password() : o.demo_password;
  options.scale = o.scale;
  options.seed = o.seed;
  const auto report = demo::seed(app.context(), options);
  std::cout << report.summary;
  if (!report.already_seeded && o.demo_password.empty()) {
    std::cout << "演示账户密码 / demo password (shown once): " << options.password << "\n";
  }
  return 0;
}

int run_load_cases(const CliOptions& o) {
  const auto c = make_config(o);
  setup_logging(c);
  Application app(c);
  app.migrate();
  const auto start = std::chrono::steady_clock::now();
  const auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  constexpr std::int64_t kEvery = 100'000;
  std::int64_t reported = 0;
  const auto loaded = demo::load_cases(app.context(), o.count, o.seed, [&](std::int64_t done) {
    if (done / kEvery == reported / kEvery && done != o.count) return;
    reported = done;
    std::printf("  %lld / %lld  (%.1f s, %.0f rows/s)\n", static_cast<long long>(done),
                static_cast<long long>(o.count), seconds(), static_cast<double>(done) / seconds());
    std::fflush(stdout);
  });
  const auto total = seconds();
  std::printf("已生成诉求 / cases loaded: %lld in %.1f s (%.0f rows/s)\n",
              static_cast<long long>(loaded), total,
              total > 0 ? static_cast<double>(loaded) / total : 0.0);
  return 0;
}

int run_user_add(const CliOptions& o) {
  const auto c = make_config(o);
  Application app(c);
  app.migrate();
  accounts::NewUser u;
  u.username = o.username;
  u.display_name = o.display_name.empty() ? o.username : o.display_name;
  for (const auto& name : o.roles) {
    const auto role = auth::parse_role(name);
    if (!role) throw std::runtime_error("unknown role: " + name);
    u.roles.push_back(*role);
  }
  u.conference_id = o.conference_id;
  u.member_id = o.member_id;
  u.password = read_password("密码 / password: ");
  const auto id = app.context().db.write(
      [&](storage::Connection& conn) { return accounts::create_user(conn, cli_actor(), u, c); });
  std::cout << "已创建 / created user " << o.username << " (id " << id << ")\n";
  return 0;
}

int run_user_passwd(const CliOptions& o) {
  const auto c = make_config(o);
  Application app(c);
  app.migrate();
  const auto password = read_password("新密码 / new password: ");
  app.context().db.write([&](storage::Connection& conn) {
    accounts::set_password(conn, cli_actor(), o.username, password, c);
  });
  std::cout << "密码已更新 / password changed for " << o.username << "\n";
  return 0;
}

int run_user_disable(const CliOptions& o) {
  const auto c = make_config(o);
  Application app(c);
  app.migrate();
  app.context().db.write([&](storage::Connection& conn) {
    accounts::set_disabled(conn, cli_actor(), o.username, !o.enable);
  });
  std::cout << (o.enable ? "已启用 / enabled " : "已停用 / disabled ") << o.username << "\n";
  return 0;
}

int run_openapi(const CliOptions& o) {
  auto c = make_config(o);
  if (o.db.empty()) c.db = "sqlite::memory:";
  Application app(c);
  std::cout << boost::json::serialize(openapi_document(app.router(), kVersion)) << "\n";
  return 0;
}

}  // namespace tongxin::app
