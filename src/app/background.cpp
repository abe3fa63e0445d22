// src/app/background.cpp
#include "app/background.hpp"

#include <spdlog/spdlog.h>

#include "cases/cases.hpp"
#include "contact/contact.hpp"
#include "core/audit/audit.hpp"
#include "outputs/outputs.hpp"
#include "records/records.hpp"

namespace tongxin::app {

Background::Background(ServiceContext& ctx)
    : ctx_(ctx), gateway_(sms::make_gateway(ctx.config.sms)) {}

Background::~Background() {
  stop();
}

void Background::start() {
  thread_ = std::thread([this] { run(); });
}

void Background::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Background::run() {
  using namespace std::chrono;
  const auto sweep_every = seconds(ctx_.config.cases.sweep_interval_s);
  auto next_sweep = steady_clock::now();
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    // A failure here is logged and retried on the next round; it must never end the thread.
    try {
      sms::dispatch(ctx_.db, *ctx_.crypto, *gateway_, ctx_.config.sms);
      if (steady_clock::now() >= next_sweep) {
        const auto r = cases::sweep(ctx_.db, ctx_, audit::now_ms());
        if (r.reminded + r.escalated + r.closed > 0) {
          spdlog::info("case sweep: {} reminded, {} escalated, {} closed", r.reminded, r.escalated,
                       r.closed);
        }
        const auto contact = contact::sweep(ctx_.db, ctx_, audit::now_ms());
        if (contact.sector_days + contact.task_reminders + contact.reception_reminders > 0) {
          spdlog::info("contact sweep: {} sector days, {} task reminders, {} duty reminders",
                       contact.sector_days, contact.task_reminders, contact.reception_reminders);
        }
        const auto outputs = ctx_.db.write(
            [&](storage::Connection& c) { return outputs::sweep(c, ctx_, audit::now_ms()); });
        if (outputs.reminded + outputs.supervised + outputs.closed > 0) {
          spdlog::info("outputs sweep: {} reminded, {} supervised, {} closed unrated",
                       outputs.reminded, outputs.supervised, outputs.closed);
        }
        if (const int n = cases::reindex_stale(ctx_.db); n > 0) {
          spdlog::info("search index: {} cases re-tokenised", n);
        }
        const auto points = records::sweep(ctx_.db, ctx_, audit::now_ms());
        if (points.changed + points.removed > 0) {
          spdlog::info("points sweep: {} members recomputed, {} changed, {} totals removed",
                       points.members, points.changed, points.removed);
        }
        next_sweep = steady_clock::now() + sweep_every;
      }
    } catch (const std::exception& e) {
      spdlog::error("background work failed: {}", e.what());
    }
    lock.lock();
    wake_.wait_for(lock, seconds(1), [this] { return stopping_; });
  }
}

}  // namespace tongxin::app
