// src/app/background.hpp
//
// The server's periodic work, on one thread beside the HTTP server: the SMS outbox
// dispatcher (every second) and the case deadline sweep (every cases.sweep_interval_s).
// Both are safe to run on several app servers at once (conditional updates), so there is
// no leader election. stop() wakes the thread and joins it.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "core/context.hpp"
#include "core/sms/sms.hpp"

namespace tongxin::app {

class Background {
 public:
  explicit Background(ServiceContext& ctx);
  ~Background();
  void start();
  void stop();

 private:
  void run();

  ServiceContext& ctx_;
  std::unique_ptr<sms::Gateway> gateway_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace tongxin::app
