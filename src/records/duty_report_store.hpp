// src/records/duty_report_store.hpp — the duty_reports table. Internal to records.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/storage/connection.hpp"

namespace tongxin::records::store {

struct StoredReport {
  std::string text;
  std::string status;
  std::int64_t updated_at = 0;
};
std::optional<StoredReport> find_report(storage::Connection& c, std::int64_t member_id, int year);
// Saves the text as the draft (creating the row when missing).
void save_draft(storage::Connection& c, std::int64_t member_id, int year, const std::string& text,
                std::int64_t now_ms);
// Marks the report submitted (creating the row with `text` when missing).
void submit(storage::Connection& c, std::int64_t member_id, int year, const std::string& text,
            std::int64_t now_ms);

}  // namespace tongxin::records::store
