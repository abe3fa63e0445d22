// src/records/duty_report_store.cpp
#include "records/duty_report_store.hpp"

namespace tongxin::records::store {

std::optional<StoredReport> find_report(storage::Connection& c, std::int64_t member_id, int year) {
  const auto rows =
      c.q("SELECT text, status, updated_at FROM duty_reports WHERE member_id = $1"
          " AND year = $2",
          member_id, year);
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  return StoredReport{r.text("text"), r.text("status"), r.int64("updated_at")};
}

void save_draft(storage::Connection& c, std::int64_t member_id, int year, const std::string& text,
                std::int64_t now_ms) {
  c.x("INSERT INTO duty_reports (member_id, year, text, status, updated_at) VALUES ($1, $2, $3,"
      " 'draft', $4) ON CONFLICT (member_id, year) DO UPDATE SET text = excluded.text,"
      " updated_at = excluded.updated_at",
      member_id, year, text, now_ms);
}

void submit(storage::Connection& c, std::int64_t member_id, int year, const std::string& text,
            std::int64_t now_ms) {
  c.x("INSERT INTO duty_reports (member_id, year, text, status, updated_at, submitted_at)"
      " VALUES ($1, $2, $3, 'submitted', $4, $4) ON CONFLICT (member_id, year) DO UPDATE"
      " SET status = 'submitted', submitted_at = excluded.submitted_at",
      member_id, year, text, now_ms);
}

}  // namespace tongxin::records::store
