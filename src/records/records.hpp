// src/records/records.hpp
//
// The member's duty record (云日志 → 电子档案), duty points, the yearly assessment and the
// yearly duty report (述职) as an editable draft and a Chinese PDF. Points are derived:
// recompute() reads what the member did through the other modules' functions (activities,
// handled cases, visit tasks), scores it with the active rule set (points.hpp) and brings
// the ledger in line — new entries added, entries whose source is gone or revoked marked
// revoked, so revoking a source revokes its points.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <string>

#include "core/audit/audit.hpp"
#include "core/context.hpp"
#include "core/http/router.hpp"
#include "core/storage/connection.hpp"

namespace tongxin::records {

void register_routes(http::Router& router, ServiceContext& ctx);

struct Recomputed {
  double total = 0;
  int added = 0;
  int revoked = 0;
};
Recomputed recompute(storage::Connection& c, const ServiceContext& ctx, std::int64_t member_id,
                     int year, std::int64_t now_ms);

// {"member", "year", "totals", "points": {"total", "grade", "grade_label", "by_category"},
//  "items": [...]} — recomputes first.
boost::json::object duty_record(storage::Connection& c, const ServiceContext& ctx,
                                std::int64_t member_id, int year, std::int64_t now_ms);

// Ranking of the members of a conference by points, with rank within the conference, the
// sector and the committee.
boost::json::array assessment(storage::Connection& c, const ServiceContext& ctx,
                              std::int64_t conference_id, int year, std::int64_t now_ms);

// The generated first draft of a member's duty report from the record.
std::string draft_report_text(const boost::json::object& record);

// A4 PDF of a duty report: title, member and year, the text with paragraphs, page numbers.
std::string render_report_pdf(const std::string& title, const std::string& subtitle,
                              const std::string& text);

}  // namespace tongxin::records
