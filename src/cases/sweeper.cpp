// src/cases/sweeper.cpp
//
// The deadline sweep (workflows.md §1 and "Common to all"): 临期预警 one working day before
// a reply is due, escalation (督办) to the studio lead when a deadline passes and on to
// staff after further working days, and auto-close of answered cases the citizen has not
// rated within the rating period. Each step is a conditional UPDATE, so two servers
// sweeping at once, or one sweeping twice, act once.
#include <boost/json.hpp>
#include <functional>

#include "cases/cases.hpp"
#include "cases/internal.hpp"
#include "core/notify/notify.hpp"
#include "core/rate_limit/rate_limit.hpp"

namespace tongxin::cases {

namespace {

constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

std::vector<std::int64_t> ids(const storage::Result& rows) {
  std::vector<std::int64_t> out;
  for (const auto& r : rows)
    out.push_back(r.int64(0));
  return out;
}

std::string link(std::int64_t id) {
  return "/console/cases/" + std::to_string(id);
}

}  // namespace

namespace {

// Runs a unit of work: its own transaction on the server, the caller's in the seeder.
class Units {
 public:
  virtual ~Units() = default;
  virtual void read(const std::function<void(storage::Connection&)>& f) = 0;
  virtual void write(const std::function<void(storage::Connection&)>& f) = 0;
};

class DatabaseUnits final : public Units {
 public:
  explicit DatabaseUnits(storage::Database& db) : db_(db) {}
  void read(const std::function<void(storage::Connection&)>& f) override { db_.read(f); }
  void write(const std::function<void(storage::Connection&)>& f) override { db_.write(f); }

 private:
  storage::Database& db_;
};

class ConnectionUnits final : public Units {
 public:
  explicit ConnectionUnits(storage::Connection& c) : c_(c) {}
  void read(const std::function<void(storage::Connection&)>& f) override { f(c_); }
  void write(const std::function<void(storage::Connection&)>& f) override { f(c_); }

 private:
  storage::Connection& c_;
};

SweepReport run_sweep(Units& db, const ServiceContext& ctx, std::int64_t now_ms);

}  // namespace

SweepReport sweep(storage::Database& db, const ServiceContext& ctx, std::int64_t now_ms) {
  DatabaseUnits units(db);
  return run_sweep(units, ctx, now_ms);
}

SweepReport sweep_in(storage::Connection& c, const ServiceContext& ctx, std::int64_t now_ms) {
  ConnectionUnits units(c);
  return run_sweep(units, ctx, now_ms);
}

namespace {

SweepReport run_sweep(Units& db, const ServiceContext& ctx, std::int64_t now_ms) {
  SweepReport report;
  const auto& cal = *ctx.calendar;
  const auto today = calendar::china_date(now_ms);
  // A reply due by the end of tomorrow's working day gets its reminder today.
  const auto remind_before = cal.deadline_ms(now_ms, 1);

  // 1. Reminders to the handling member.
  std::vector<std::int64_t> to_remind;
  db.read([&](storage::Connection& c) {
    to_remind =
        ids(c.q("SELECT id FROM cases WHERE status = 'in_progress' AND reminded_at IS NULL"
                " AND reply_due_at IS NOT NULL AND reply_due_at <= $1 AND reply_due_at > $2",
                remind_before, now_ms));
  });
  for (const auto id : to_remind) {
    db.write([&](storage::Connection& c) {
      if (c.x("UPDATE cases SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL", id,
              now_ms) == 0) {
        return;
      }
      const auto k = load_case_or_404(c, id);
      add_event(c, id,
                {.type = "remind",
                 .party = Party::system,
                 .actor_label = "系统",
                 .note = "临期预警：距答复期限不足一个工作日",
                 .is_public = false},
                now_ms);
      if (k.member_id) {
        notify::send_all(c, notify::users_of_member(c, *k.member_id),
                         {"case.reminder", "临期预警：诉求即将到期", headline(k),
                          "/my/cases/" + std::to_string(id), "case", id},
                         now_ms);
      }
      ++report.reminded;
    });
  }

  // 2. Overdue, level 0 → 1: the studio lead (or staff when the case has no studio).
  std::vector<std::int64_t> overdue;
  db.read([&](storage::Connection& c) {
    overdue =
        ids(c.q("SELECT id FROM cases WHERE escalation_level = 0 AND ("
                "(status = 'assigned' AND claim_due_at < $1) OR"
                " (status = 'in_progress' AND reply_due_at < $1))",
                now_ms));
  });
  // 3. Level 1 → 2: staff, once the lead had `escalate_after_working_days` working days.
  std::vector<std::int64_t> still_overdue;
  db.read([&](storage::Connection& c) {
    auto& out = still_overdue;
    for (const auto& r : c.q("SELECT id, escalated_at FROM cases WHERE escalation_level = 1"
                             " AND status IN ('assigned', 'in_progress')")) {
      const auto since = calendar::china_date(r.int64(1));
      if (cal.working_days_between(since, today) >= ctx.config.cases.escalate_after_working_days) {
        out.push_back(r.int64(0));
      }
    }
  });
  const auto escalate = [&](std::int64_t id, int from_level) {
    db.write([&](storage::Connection& c) {
      if (c.x("UPDATE cases SET escalation_level = $2, escalated_at = $3 WHERE id = $1"
              " AND escalation_level = $4",
              id, from_level + 1, now_ms, from_level) == 0) {
        return;
      }
      const auto k = load_case_or_404(c, id);
      const bool to_staff = from_level == 1 || !k.studio_id;
      const std::string what = k.status == Status::assigned ? "超期未接单" : "超期未答复";
      add_event(c, id,
                {.type = "escalate",
                 .party = Party::system,
                 .actor_label = "系统",
                 .note = what + (to_staff ? "，已提请政协机关督办" : "，已提请工作室督办"),
                 .detail = boost::json::object{{"level", from_level + 1}},
                 .is_public = false},
                now_ms);
      const notify::Notice n{"case.escalated", "督办：" + what, headline(k), link(id), "case", id};
      notify::send_all(c,
                       to_staff ? notify::staff_of_conference(c, k.conference_id)
                                : notify::leads_of_studio(c, *k.studio_id),
                       n, now_ms);
      ++report.escalated;
    });
  };
  for (const auto id : overdue)
    escalate(id, 0);
  for (const auto id : still_overdue)
    escalate(id, 1);

  // 4. Answered but not rated within rating_days → closed (未评价).
  const auto rating_cutoff = now_ms - ctx.config.cases.rating_days * kDayMs;
  std::vector<std::int64_t> unrated;
  db.read([&](storage::Connection& c) {
    unrated =
        ids(c.q("SELECT id FROM cases WHERE status IN ('replied', 'converted', 'referred',"
                " 'declined') AND replied_at IS NOT NULL AND replied_at < $1",
                rating_cutoff));
  });
  for (const auto id : unrated) {
    db.write([&](storage::Connection& c) {
      const auto k = find_case(c, id);
      if (!k || !(awaits_rating(k->status) || k->status == Status::declined)) return;
      const audit::Actor system{std::nullopt, "", "sweeper"};
      apply_action(c, ctx, system, id, Action::close,
                   boost::json::object{{"note", std::to_string(ctx.config.cases.rating_days) +
                                                    "日内未评价，自动办结"}},
                   now_ms);
      ++report.closed;
    });
  }

  // 5. Housekeeping: rate-limit hits and SMS codes past any window.
  db.write([&](storage::Connection& c) {
    rate_limit::prune(c, now_ms - 2 * kDayMs);
    c.x("DELETE FROM sms_codes WHERE expires_at < $1", now_ms - kDayMs);
  });
  return report;
}

}  // namespace

}  // namespace tongxin::cases
