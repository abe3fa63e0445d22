// src/app/cli_commands.hpp
//
// One function per command-line command; each returns the process exit code and throws
// tongxin::Error / std::exception for main() to print.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tongxin::app {

struct CliOptions {
  std::string config_path;
  std::string db, data_dir, key_file;
  std::string listen, public_base_url, static_dir;
  std::size_t workers = 0;
  std::string demo_password;
  std::string scale = "city";
  std::uint64_t seed = 2026;
  std::string username, display_name;
  std::vector<std::string> roles;
  std::int64_t conference_id = 0;
  std::optional<std::int64_t> member_id;
  bool enable = false;
  std::int64_t count = 0;  // load-cases
};

int run_serve(const CliOptions& o);
int run_migrate(const CliOptions& o);
int run_seed_demo(const CliOptions& o);
// Bulk synthetic cases on a seeded demo, for benchmarks; prints progress and rows/s.
int run_load_cases(const CliOptions& o);
int run_user_add(const CliOptions& o);
int run_user_passwd(const CliOptions& o);
int run_user_disable(const CliOptions& o);
int run_openapi(const CliOptions& o);

}  // namespace tongxin::app
