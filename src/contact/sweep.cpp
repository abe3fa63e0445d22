// src/contact/sweep.cpp
//
// Contact work's daily round, run by the server's background thread: sector days that fall
// today fire their triggers; members hear of visit tasks due within three days and of
// tomorrow's reception duty; every rota has its next three months of reception days.
#include "contact/contact.hpp"
#include "core/calendar/calendar.hpp"
#include "core/calendar/dates.hpp"
#include "core/notify/notify.hpp"

namespace tongxin::contact {

SweepReport sweep(storage::Database& db, const ServiceContext& ctx, std::int64_t now_ms) {
  using namespace std::chrono;
  SweepReport report;
  const auto today = calendar::china_date(now_ms);
  const auto today_s = calendar::iso_date(today);
  const auto soon = calendar::iso_date(year_month_day{sys_days{today} + days{3}});
  const auto tomorrow = calendar::iso_date(year_month_day{sys_days{today} + days{1}});
  db.write([&](storage::Connection& c) {
    report.sector_days = fire_sector_days(c, ctx, today, now_ms);
  });
  db.write([&](storage::Connection& c) {
    for (const auto& r :
         c.q("SELECT id, member_id, due_on FROM visit_tasks WHERE status = 'open' AND"
             " reminded_at IS NULL AND due_on <= $1",
             soon)) {
      c.x("UPDATE visit_tasks SET reminded_at = $2 WHERE id = $1", r.int64(0), now_ms);
      const bool overdue = r.text(2) < today_s;
      notify::send_all(c, notify::users_of_member(c, r.int64(1)),
                       {overdue ? "visit.overdue" : "visit.reminder",
                        overdue ? "走访任务已超期" : "走访任务即将到期", "期限：" + r.text(2),
                        "/my/visits", "visit_task", r.int64(0)},
                       now_ms);
      ++report.task_reminders;
    }
  });
  db.write([&](storage::Connection& c) {
    for (const auto& r :
         c.q("SELECT d.id, d.held_on, d.start_time, d.place, d.studio_id FROM reception_days d"
             " WHERE d.held_on = $1 AND d.status = 'scheduled' AND d.reminded_at IS NULL",
             tomorrow)) {
      c.x("UPDATE reception_days SET reminded_at = $2 WHERE id = $1", r.int64(0), now_ms);
      for (const auto& m :
           c.q("SELECT member_id FROM reception_duty WHERE reception_day_id = $1", r.int64(0))) {
        notify::send_all(c, notify::users_of_member(c, m.int64(0)),
                         {"reception.duty", "明天是您的委员接待日",
                          r.text(1) + " " + r.text(2) + " " + r.text(3),
                          "/s/" + std::to_string(r.int64(4)), "reception_day", r.int64(0)},
                         now_ms);
        ++report.reception_reminders;
      }
    }
  });
  db.write([&](storage::Connection& c) {
    const year_month ym{today.year(), today.month()};
    for (const auto& r : c.q("SELECT studio_id FROM reception_rotas ORDER BY studio_id")) {
      report.reception_days_created += generate_reception_days(c, ctx, r.int64(0), ym, 3, now_ms);
    }
  });
  return report;
}

}  // namespace tongxin::contact
