// src/core/http/worker_pool.hpp
//
// A fixed set of threads taking tasks from a bounded queue. try_post() never blocks:
// when `capacity` tasks are already waiting it returns false and the caller sheds load
// (the server answers 503 + Retry-After) instead of letting latency grow without bound.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace tongxin::http {

class WorkerPool {
 public:
  WorkerPool(std::size_t threads, std::size_t capacity);
  ~WorkerPool();  // finishes queued tasks, then joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  bool try_post(std::function<void()> task);
  std::size_t queued() const;
  std::size_t busy() const;

 private:
  void loop();

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  std::size_t busy_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace tongxin::http
