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
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/context.hpp"
#include "core/storage/connection.hpp"

namespace tongxin::records {

struct Recomputed {
  double total = 0;
  int added = 0;
  int revoked = 0;
  int updated = 0;             // ledger entries whose points changed (or came back)
  bool total_changed = false;  // the stored total (or the member's place) was written
};
// Brings the member's ledger for the year in line with the sources and stores the year's
// total with the member's conference, sector and committee (points_totals), which the
// assessment reads. A write: the sweep and the write paths of this module call it, GETs never.
Recomputed recompute(storage::Connection& c, const ServiceContext& ctx, std::int64_t member_id,
                     int year, std::int64_t now_ms);

// The records sweep (src/app/background.cpp): walks every live member a batch at a time, one
// transaction per batch, recomputing the current year — and the previous one until the end
// of March, for late entries — and removing the stored totals of members no longer live.
// Resumes where it stopped (points_sweep), at most one full pass per call, and stops early
// when the time budget is spent. Idempotent: a second call at the same moment changes nothing.
struct SweepOptions {
  int batch = 25;                 // members per transaction
  std::int64_t budget_ms = 5000;  // wall-clock budget of one call
};
struct SweepReport {
  int members = 0;  // recomputed
  int changed = 0;  // whose ledger or stored total changed
  int removed = 0;  // stored totals dropped (member archived)
  int passes = 0;   // full passes completed
};
SweepReport sweep(storage::Database& db, const ServiceContext& ctx, std::int64_t now_ms,
                  const SweepOptions& options = {});

// The member's duty record (履职档案) for a year, scored live from the sources with the rule
// set in force; reads only.
struct DutyRecordTotals {
  int activities = 0;
  int people_reached = 0;
  int cases_handled = 0;
  int cases_closed = 0;
  int cases_satisfied = 0;
  int cases_open = 0;
  int visit_tasks_done = 0;
  int visit_tasks_overdue = 0;
};
struct CategoryPoints {
  std::string category, label;
  double points = 0;
};
struct DutyRecordItem {  // one scored ledger entry, newest first
  std::string at;        // YYYY-MM-DD
  std::string kind;      // the rule code
  std::string title;
  double points = 0;
  std::string note;
  std::string source_type;
  std::int64_t source_id = 0;
};
struct DutyRecord {
  std::int64_t member_id = 0;
  std::string member_name, sector;
  int year = 0;
  DutyRecordTotals totals;
  double total = 0;
  std::string grade, grade_label;
  std::vector<CategoryPoints> by_category;
  std::vector<DutyRecordItem> items;
  // Everything the member wrote this year with links, as outputs renders its briefs.
  boost::json::array outputs;
};
DutyRecord duty_record(storage::Connection& c, const ServiceContext& ctx, std::int64_t member_id,
                       int year, std::int64_t now_ms);
// {"member", "year", "totals", "points": {"total", "grade", "grade_label", "by_category"},
//  "items": [...], "outputs": [...]} — the API's form.
boost::json::object to_json(const DutyRecord& r);

// The grade codes of the assessment, best first (points.hpp grade_for).
bool is_grade_code(std::string_view code);

// The yearly assessment as the sweep stored it: members of the conferences in the principal's
// scope, points high to low, with ranks that share ties (1, 2, 2, 4) within the member's own
// conference, sector and committee. Reads only.
struct AssessmentQuery {
  int year = 0;
  std::optional<std::int64_t> conference_id;  // one conference of the scope
  std::optional<std::int64_t> sector_id;
  std::optional<std::int64_t> committee_id;
  std::optional<std::string> grade;  // excellent | competent | basic | unqualified
  int limit = 50;
  std::optional<std::string> cursor;  // next_cursor of the previous page
};
// {"year", "items": [...], "next_cursor", "summary": {"count", "average", "by_grade",
//  "computed_at"} on the first page (null on later ones)}. Error 400 for a bad cursor,
// 404 for a conference out of scope.
boost::json::object assessment(storage::Connection& c, const ServiceContext& ctx,
                               const auth::Principal& p, const AssessmentQuery& q);

// Awards (评比表彰): 优秀委员 to a member, 先进委员工作室 to a studio, by the awarding
// conference (the caller's). The caller is actor.principal; the recipient must be live and in
// its scope (Error 404 otherwise), the same award for the same year and recipient is refused
// (409 award.duplicate), awarded_on is YYYY-MM-DD (default: today in China), not in the
// future and not before the year it honours. Audited.
struct NewAward {
  int year = 0;
  std::string kind;  // excellent_member | advanced_studio
  std::optional<std::int64_t> member_id;
  std::optional<std::int64_t> studio_id;
  std::string citation;
  std::optional<std::string> awarded_on;
};
boost::json::object create_award(storage::Connection& c, const audit::Actor& actor,
                                 const NewAward& award, std::int64_t now_ms);
// Withdraws an award of a conference in the caller's scope (Error 404 otherwise); audited.
void delete_award(storage::Connection& c, const audit::Actor& actor, std::int64_t id,
                  std::int64_t now_ms);
// The awards of a year given by the conferences in the principal's scope, oldest first.
boost::json::array awards_of_year(storage::Connection& c, const auth::Principal& p, int year);

// The generated first draft of a member's duty report from the record.
std::string draft_report_text(const DutyRecord& record);

// A4 PDF of a duty report: title, member and year, the text with paragraphs, page numbers.
std::string render_report_pdf(const std::string& title, const std::string& subtitle,
                              const std::string& text);

}  // namespace tongxin::records
