// src/core/storage/pool.hpp
//
// The one connection pool of both engines (docs/decisions/003): at most `capacity`
// connections, opened on demand by the engine's `open` function, handed out one caller at a
// time and kept for reuse unless the engine says a connection is broken. PostgreSQL runs
// every unit of work on it; SQLite runs its readers on it (its single writer is not pooled).
// A caller beyond capacity waits; the counters feed /metrics.
// REQUIRES: callers are worker threads; acquire() blocks.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "core/storage/database.hpp"

namespace tongxin::storage {

template <typename Conn>
class ConnectionPool {
 public:
  using Open = std::function<std::unique_ptr<Conn>()>;

  // A connection on loan; returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Conn> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&& other) noexcept
        : pool_(std::exchange(other.pool_, nullptr)),
          conn_(std::move(other.conn_)),
          keep_(other.keep_) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (pool_ != nullptr) pool_->release(std::move(conn_), keep_);
    }

    Conn& operator*() const { return *conn_; }
    Conn* operator->() const { return conn_.get(); }
    // The connection is broken: close it instead of reusing it; the next acquire opens anew.
    void discard() { keep_ = false; }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Conn> conn_;
    bool keep_ = true;
  };

  ConnectionPool(std::size_t capacity, Open open)
      : capacity_(capacity == 0 ? 1 : capacity), open_(std::move(open)) {}

  Lease acquire() {
    std::unique_lock lock(mutex_);
    ++waiting_;
    cv_.wait(lock, [&] { return !idle_.empty() || open_count_ < capacity_; });
    --waiting_;
    ++in_use_;
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(c));
    }
    ++open_count_;
    lock.unlock();
    try {
      return Lease(this, open_());
    } catch (...) {
      std::lock_guard relock(mutex_);
      --open_count_;
      --in_use_;
      cv_.notify_one();
      throw;
    }
  }

  PoolStats stats() const {
    std::lock_guard lock(mutex_);
    return {open_count_, in_use_, waiting_};
  }

 private:
  void release(std::unique_ptr<Conn> c, bool keep) {
    std::lock_guard lock(mutex_);
    --in_use_;
    if (keep && c) {
      idle_.push_back(std::move(c));
    } else {
      --open_count_;
    }
    cv_.notify_one();
  }

  const std::size_t capacity_;
  const Open open_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Conn>> idle_;
  std::size_t open_count_ = 0;
  std::size_t in_use_ = 0;
  std::size_t waiting_ = 0;
};

}  // namespace tongxin::storage
