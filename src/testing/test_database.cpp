// src/testing/test_database.cpp
#include "testing/test_database.hpp"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace tongxin::testing {

namespace {

std::atomic<int> counter{0};

void admin_exec(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    const std::string msg = PQerrorMessage(c);
    PQfinish(c);
    throw std::runtime_error("test database: cannot connect to " + url + ": " + msg);
  }
  PGresult* r = PQexec(c, ("SET client_min_messages = warning; " + sql).c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  const std::string msg = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(c);
  if (!ok) throw std::runtime_error("test database: " + sql + ": " + msg);
}

// Owns a database and removes what backs it (file or schema) after closing it.
class Disposable final : public storage::Database {
 public:
  Disposable(std::unique_ptr<storage::Database> inner, std::function<void()> dispose)
      : inner_(std::move(inner)), dispose_(std::move(dispose)) {}
  ~Disposable() override {
    inner_.reset();
    dispose_();
  }
  const storage::Dialect& dialect() const override { return inner_->dialect(); }
  storage::PoolStats stats() const override { return inner_->stats(); }
  bool ping() override { return inner_->ping(); }

 protected:
  void run_write(const std::function<void(storage::Connection&)>& unit) override {
    inner_->write([&](storage::Connection& c) { unit(c); });
  }
  void run_read(const std::function<void(storage::Connection&)>& unit) override {
    inner_->read([&](storage::Connection& c) { unit(c); });
  }

 private:
  std::unique_ptr<storage::Database> inner_;
  std::function<void()> dispose_;
};

}  // namespace

std::unique_ptr<storage::Database> make_test_database(storage::Engine engine) {
  const int n = counter++;
  if (engine == storage::Engine::sqlite) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("tongxin-test-" + std::to_string(::getpid()) + "-" + std::to_string(n));
    std::filesystem::create_directories(dir);
    storage::DatabaseOptions o;
    o.url = "sqlite:" + (dir / "test.db").string();
    o.pool_size = 4;
    return std::make_unique<Disposable>(storage::Database::open(o),
                                        [dir] { std::filesystem::remove_all(dir); });
  }
  const char* admin = std::getenv("TONGXIN_TEST_PG_URL");
  if (admin == nullptr || *admin == '\0') return nullptr;
  const std::string schema = "t_" + std::to_string(::getpid()) + "_" + std::to_string(n);
  admin_exec(admin, "CREATE SCHEMA " + schema);
  std::string url = admin;
  url += (url.find('?') == std::string::npos ? "?" : "&");
  url += "options=-csearch_path%3D" + schema;
  storage::DatabaseOptions o;
  o.url = url;
  o.pool_size = 4;
  const std::string admin_url = admin;
  return std::make_unique<Disposable>(storage::Database::open(o), [admin_url, schema] {
    admin_exec(admin_url, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  });
}

void EngineTest::SetUp() {
  db = make_test_database(GetParam());
  if (!db) {
    const char* require = std::getenv("TONGXIN_REQUIRE_PG");
    if (require != nullptr && std::string_view(require) == "1") {
      FAIL() << "TONGXIN_REQUIRE_PG=1 but TONGXIN_TEST_PG_URL is not set";
    }
    GTEST_SKIP() << "PostgreSQL not configured (set TONGXIN_TEST_PG_URL)";
  }
}

std::string engine_test_name(const ::testing::TestParamInfo<storage::Engine>& info) {
  return info.param == storage::Engine::sqlite ? "sqlite" : "postgres";
}

}  // namespace tongxin::testing
