// src/records/duty_report.hpp
//
// The yearly duty report (述职报告) as a workflow: until the member saves one, the report is
// the first draft generated from the duty record; the member edits the draft and submits it
// once, which freezes the year's record (the ledger is recomputed first). The lifecycle is
// the data of duty_report_workflow(); tests/spec/workflows/duty_report.tsv states it apart.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/audit/audit.hpp"
#include "core/context.hpp"
#include "core/storage/connection.hpp"
#include "core/workflow/workflow.hpp"

namespace tongxin::records {

struct DutyReport {
  int year = 0;
  std::string text;
  std::string status;      // draft | submitted
  bool generated = false;  // never saved: the first draft generated from the record
  std::optional<std::int64_t> updated_at;
};

// draft ─save▶ draft, draft ─submit▶ submitted, by the member whose report it is.
const workflow::Definition& duty_report_workflow();

// The member's report for the year, or the generated draft. Reads only.
DutyReport duty_report(storage::Connection& c, const ServiceContext& ctx, std::int64_t member_id,
                       int year, std::int64_t now_ms);

// Applies `action` (save | submit) to the member's report for the year: Error 403
// records.not_yours unless the actor is that member, 409 records.submitted when the workflow
// does not allow it from the current state. save stores `text` as the draft; submit
// recomputes the year's ledger and submits the current text. Audited.
DutyReport apply_duty_report_action(storage::Connection& c, const ServiceContext& ctx,
                                    const audit::Actor& actor, std::int64_t member_id, int year,
                                    std::string_view action, const std::string& text,
                                    std::int64_t now_ms);

}  // namespace tongxin::records
