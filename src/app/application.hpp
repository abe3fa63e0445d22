// src/app/application.hpp
//
// Wires the modules together: opens the database, loads the key and reference data,
// applies every module's migrations, registers every module's routes. main.cpp only turns
// the command line into calls on this class.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/config/config.hpp"
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "core/http/server.hpp"
#include "core/storage/migrations.hpp"

namespace tongxin::app {

// Every module's migrations, inner modules first.
std::vector<storage::Migration> all_migrations();

class Application {
 public:
  explicit Application(config::Config config);
  ~Application();

  ServiceContext& context() { return *context_; }
  const config::Config& config() const { return config_; }
  // Applies what is missing; returns the names applied.
  std::vector<std::string> migrate();
  // Registers every route (idempotent: the first call builds the router).
  const http::Router& router();
  // Serves until SIGTERM/SIGINT; returns the process exit code.
  int serve();

 private:
  config::Config config_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<ServiceContext> context_;
  std::unique_ptr<http::Router> router_;
  std::unique_ptr<http::Server> server_;
};

}  // namespace tongxin::app
