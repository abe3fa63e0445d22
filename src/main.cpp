// src/main.cpp
//
// The command line: tongxin serve | migrate | seed-demo | load-cases | user add|passwd|disable |
// openapi.
// Only parsing and wiring here; the work is in app::Application and the modules.
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <iostream>

#include "app/cli_commands.hpp"
#include "core/error.hpp"

int main(int argc, char** argv) {
  using tongxin::app::CliOptions;
  CLI::App cli{"同心 Tongxin — 委员联系界别群众平台", "tongxin"};
  cli.require_subcommand(1);
  // api.md writes `tongxin serve --db …`: the shared options may follow the subcommand too.
  cli.fallthrough();
  CliOptions o;
  cli.add_option("--config", o.config_path, "TOML configuration file")->envname("TONGXIN_CONFIG");
  cli.add_option("--db", o.db, "sqlite:PATH or postgresql://… (TONGXIN_DB)");
  cli.add_option("--data-dir", o.data_dir, "reference data folder (TONGXIN_DATA_DIR)");
  cli.add_option("--key-file", o.key_file, "32-byte secret key file (TONGXIN_KEY_FILE)");

  auto* serve = cli.add_subcommand("serve", "迁移数据库并启动服务 / migrate and serve");
  serve->add_option("--listen", o.listen, "host:port (TONGXIN_LISTEN)");
  serve->add_option("--public-base-url", o.public_base_url,
                    "URL citizens reach, used in QR codes (TONGXIN_PUBLIC_BASE_URL)");
  serve->add_option("--static-dir", o.static_dir, "built web app (web/dist)");
  serve->add_option("--workers", o.workers, "worker threads");

  cli.add_subcommand("migrate", "应用数据库迁移 / apply database migrations");

  auto* seed = cli.add_subcommand("seed-demo", "生成演示数据 / build the demo data");
  seed->add_option("--demo-password", o.demo_password,
                   "password of every demo account (default: random, printed once)");
  seed->add_option("--scale", o.scale, "small | city")->check(CLI::IsMember({"small", "city"}));
  seed->add_option("--seed", o.seed, "random seed (the demo is deterministic for a seed)");

  auto* load =
      cli.add_subcommand("load-cases", "批量生成诉求（压测用） / bulk-load cases for benchmarks");
  load->add_option("--count", o.count, "how many cases")->required()->check(CLI::PositiveNumber);
  load->add_option("--seed", o.seed, "random seed (texts and states are deterministic for a seed)");

  auto* user = cli.add_subcommand("user", "账户管理 / accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "新建账户 / add a user");
  user_add->add_option("username", o.username)->required();
  user_add->add_option("--role", o.roles, "role (repeatable)")->required();
  user_add->add_option("--conference-id", o.conference_id, "conference the user belongs to")
      ->required();
  user_add->add_option("--display-name", o.display_name);
  user_add->add_option("--member-id", o.member_id);
  auto* user_passwd = user->add_subcommand("passwd", "设置密码 / set a password (from stdin)");
  user_passwd->add_option("username", o.username)->required();
  auto* user_disable = user->add_subcommand("disable", "停用账户 / disable a user");
  user_disable->add_option("username", o.username)->required();
  user_disable->add_flag("--enable", o.enable, "enable again instead");

  cli.add_subcommand("openapi", "输出 OpenAPI 文档 / print the OpenAPI document");

  CLI11_PARSE(cli, argc, argv);

  try {
    if (serve->parsed()) return tongxin::app::run_serve(o);
    if (cli.got_subcommand("migrate")) return tongxin::app::run_migrate(o);
    if (seed->parsed()) return tongxin::app::run_seed_demo(o);
    if (load->parsed()) return tongxin::app::run_load_cases(o);
    if (user_add->parsed()) return tongxin::app::run_user_add(o);
    if (user_passwd->parsed()) return tongxin::app::run_user_passwd(o);
    if (user_disable->parsed()) return tongxin::app::run_user_disable(o);
    if (cli.got_subcommand("openapi")) return tongxin::app::run_openapi(o);
  } catch (const tongxin::Error& e) {
    std::cerr << "错误 / error: " << e.message_zh() << " (" << e.code() << ")\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "错误 / error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
