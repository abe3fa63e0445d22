// src/app/application.cpp
#include "app/application.hpp"

#include <pthread.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/json.hpp>
#include <csignal>
#include <filesystem>
#include <thread>

#include "accounts/accounts.hpp"
#include "accounts/migrations.hpp"
#include "accounts/routes.hpp"
#include "app/background.hpp"
#include "app/key_file.hpp"
#include "app/openapi.hpp"
#include "app/system_routes.hpp"
#include "app/version.hpp"
#include "cases/cases.hpp"
#include "cases/migrations.hpp"
#include "cases/routes.hpp"
#include "contact/contact.hpp"
#include "contact/migrations.hpp"
#include "contact/routes.hpp"
#include "core/migrations.hpp"
#include "meetings/meetings.hpp"
#include "meetings/migrations.hpp"
#include "meetings/routes.hpp"
#include "organisation/migrations.hpp"
#include "organisation/organisation.hpp"
#include "organisation/routes.hpp"
#include "outputs/migrations.hpp"
#include "outputs/outputs.hpp"
#include "outputs/routes.hpp"
#include "records/migrations.hpp"
#include "records/records.hpp"
#include "records/routes.hpp"
#include "reports/routes.hpp"

namespace tongxin::app {

namespace {

storage::DatabaseOptions database_options(const config::Config& c) {
  storage::DatabaseOptions o;
  o.url = c.db;
  o.pool_size = c.db_pool_size;
  o.sqlite_synchronous_full = c.sqlite_synchronous_full;
  return o;
}

// SQLite creates the file but not its folder; a fresh checkout has no var/.
void ensure_sqlite_dir(const std::string& url) {
  if (!url.starts_with("sqlite:")) return;
  const std::filesystem::path path(url.substr(7));
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
}

std::string pool_metrics(const storage::Database& db) {
  const auto s = db.stats();
  std::string out;
  out += "# HELP tongxin_db_pool_connections Database connections open.\n";
  out += "# TYPE tongxin_db_pool_connections gauge\n";
  out += "tongxin_db_pool_connections " + std::to_string(s.size) + "\n";
  out += "# HELP tongxin_db_pool_in_use Database connections handed out.\n";
  out += "# TYPE tongxin_db_pool_in_use gauge\n";
  out += "tongxin_db_pool_in_use " + std::to_string(s.in_use) + "\n";
  out += "# HELP tongxin_db_pool_waiting Callers waiting for a database connection.\n";
  out += "# TYPE tongxin_db_pool_waiting gauge\n";
  out += "tongxin_db_pool_waiting " + std::to_string(s.waiting) + "\n";
  return out;
}

}  // namespace

std::vector<storage::Migration> all_migrations() {
  std::vector<storage::Migration> all;
  for (auto&& list : {core::migrations(), organisation::migrations(), accounts::migrations(),
                      cases::migrations(), contact::migrations(), meetings::migrations(),
                      outputs::migrations(), records::migrations()}) {
    all.insert(all.end(), list.begin(), list.end());
  }
  return all;
}

Application::Application(config::Config config) : config_(std::move(config)) {
  ensure_sqlite_dir(config_.db);
  db_ = storage::Database::open(database_options(config_));
  auto divisions = divisions::DivisionIndex::load(config_.data_dir + "/divisions.tsv");
  auto key = load_or_create_key(config_.key_file);
  auto crypto = std::make_shared<const crypto::FieldCrypto>(key);
  context_ = std::make_unique<ServiceContext>(ServiceContext{
      *db_, config_, std::move(divisions), std::move(key),
      calendar::WorkCalendar::load(config_.data_dir + "/holidays"), std::move(crypto)});
}

Application::~Application() = default;

std::vector<std::string> Application::migrate() {
  return storage::apply_migrations(*db_, all_migrations()).applied;
}

const http::Router& Application::router() {
  if (router_) return *router_;
  router_ = std::make_unique<http::Router>();
  auto& r = *router_;
  accounts::register_routes(r, *context_);
  organisation::register_routes(r, *context_);
  cases::register_routes(r, *context_);
  contact::register_routes(r, *context_);
  meetings::register_routes(r, *context_);
  outputs::register_routes(r, *context_);
  records::register_routes(r, *context_);
  reports::register_routes(r, *context_);
  // The OpenAPI document is built lazily from the finished router.
  auto openapi_text = std::make_shared<std::string>();
  register_system_routes(
      r, *db_,
      [this] { return (server_ ? server_->metrics_text() : std::string()) + pool_metrics(*db_); },
      [this, openapi_text] {
        if (openapi_text->empty()) {
          *openapi_text = boost::json::serialize(openapi_document(*router_, kVersion));
        }
        return *openapi_text;
      });
  return r;
}

int Application::serve() {
  // Signals go to one thread that asks the server to drain; every other thread blocks them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  server_ = std::make_unique<http::Server>(config_.server, router());
  server_->set_authenticator(accounts::make_authenticator(*context_));
  const auto port = server_->start();
  spdlog::info("tongxin listening on port {} ({}), public URL {}", port, db_->dialect().name(),
               config_.public_base_url);

  Background background(*context_);
  background.start();

  std::atomic<bool> waiter_done{false};
  std::thread waiter([this, signals, &waiter_done] {
    int sig = 0;
    sigwait(&signals, &sig);
    spdlog::info("signal {} received: draining", sig);
    server_->stop();
    waiter_done = true;
  });
  server_->run();
  // run() also returns when stop() came from elsewhere; wake the waiter so it can exit.
  // Not to terminate the thread: SIGTERM is blocked everywhere and only wakes its sigwait().
  if (!waiter_done)
    pthread_kill(waiter.native_handle(), SIGTERM);  // NOLINT(bugprone-bad-signal-to-kill-thread)
  waiter.join();
  background.stop();
  spdlog::info("tongxin stopped");
  return 0;
}

}  // namespace tongxin::app
