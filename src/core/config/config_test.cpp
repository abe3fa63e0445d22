// src/core/config/config_test.cpp
//
// Configuration precedence: defaults < TOML file < TONGXIN_* environment.
#include "core/config/config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace tongxin::config {
namespace {

std::string write_temp(const std::string& text) {
  const auto path =
      std::filesystem::temp_directory_path() /
      ("tongxin-config-" +
       std::to_string(::testing::UnitTest::GetInstance()->current_test_info()->line()) + ".toml");
  std::ofstream(path) << text;
  return path.string();
}

TEST(Config, DefaultsWhenNoFile) {
  const Config c = load("", false, {});
  EXPECT_EQ(c.db, "sqlite:var/tongxin.db");
  EXPECT_EQ(c.server.listen, "127.0.0.1:8080");
  EXPECT_EQ(c.lockout_failures, 5);
}

TEST(Config, MissingRequiredFileFails) {
  EXPECT_THROW(load("/nonexistent/tongxin.toml", true, {}), std::runtime_error);
  EXPECT_NO_THROW(load("/nonexistent/tongxin.toml", false, {}));
}

TEST(Config, FileOverridesDefaultsAndEnvOverridesFile) {
  const auto path = write_temp(R"(
db = "sqlite:/tmp/x.db"
[server]
listen = "127.0.0.1:9000"
worker_threads = 3
idle_timeout_s = 5
[database]
synchronous = "full"
)");
  Config c = load(path, true, {});
  EXPECT_EQ(c.db, "sqlite:/tmp/x.db");
  EXPECT_EQ(c.server.listen, "127.0.0.1:9000");
  EXPECT_EQ(c.server.worker_threads, 3u);
  EXPECT_EQ(c.server.idle_timeout, std::chrono::seconds(5));
  EXPECT_TRUE(c.sqlite_synchronous_full);

  c = load(path, true, {{"TONGXIN_LISTEN", "127.0.0.1:9100"}, {"TONGXIN_WORKER_THREADS", "5"}});
  EXPECT_EQ(c.server.listen, "127.0.0.1:9100");
  EXPECT_EQ(c.server.worker_threads, 5u);
}

TEST(Config, UnknownKeyIsAnError) {
  const auto path = write_temp("[server]\nlisten_adress = \"x\"\n");
  try {
    load(path, true, {});
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("server.listen_adress"), std::string::npos);
  }
}

TEST(Config, MalformedValuesAreErrors) {
  EXPECT_THROW(load("", false, {{"TONGXIN_WORKER_THREADS", "many"}}), std::runtime_error);
  EXPECT_THROW(load("", false, {{"TONGXIN_WORKER_THREADS", "0"}}), std::runtime_error);
  EXPECT_THROW(load(write_temp("[database]\nsynchronous = \"sometimes\"\n"), true, {}),
               std::runtime_error);
  EXPECT_THROW(load(write_temp("db = 42\n"), true, {}), std::runtime_error);
  EXPECT_THROW(load(write_temp("this is not toml ==\n"), true, {}), std::runtime_error);
}

TEST(Config, TrustedProxiesFromFileOrEnvironmentAndCheckedAtStartUp) {
  EXPECT_TRUE(load("", false, {}).server.trusted_proxies.empty());
  const auto path = write_temp("[server]\ntrusted_proxies = [\"127.0.0.1\", \"10.0.0.0/8\"]\n");
  EXPECT_EQ(load(path, true, {}).server.trusted_proxies,
            (std::vector<std::string>{"127.0.0.1", "10.0.0.0/8"}));
  EXPECT_EQ(
      load(path, true, {{"TONGXIN_TRUSTED_PROXIES", "::1, 192.168.0.0/16"}}).server.trusted_proxies,
      (std::vector<std::string>{"::1", "192.168.0.0/16"}));
  try {
    load("", false, {{"TONGXIN_TRUSTED_PROXIES", "127.0.0.1,proxy.local"}});
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("proxy.local"), std::string::npos);
  }
}

}  // namespace
}  // namespace tongxin::config
