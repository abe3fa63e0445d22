// src/cases/bulk_load.hpp
//
// Bulk insertion of synthetic cases for benchmarks and large trials (`tongxin load-cases`):
// rows prepared by the caller, written with their 'submit' event and their search index
// entry (case_search on SQLite, search_vector on PostgreSQL) in one transaction per batch,
// with the same prepared INSERTs reused throughout (SQLite: one row each, ids given as
// MAX(id) + 1… inside the write transaction, so safe next to a running server; PostgreSQL:
// 100 rows each, ids from RETURNING). No audit rows, notices or photos: these are not
// cases anyone submitted, and the intake's checks are the caller's business.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/storage/database.hpp"

namespace tongxin::cases {

// The columns of a bulk row, in the order of BulkCase::values.
enum BulkColumn {
  kConference,
  kCode,
  kChannel,
  kTitle,
  kText,
  kAddress,
  kDivision,
  kStudio,
  kMember,
  kChosen,
  kSector,
  kStatus,
  kOutcome,
  kConsentVersion,
  kConsentAt,
  kMergedInto,
  kReplyText,
  kRepliedAt,
  kReferredTo,
  kConvertedTo,
  kDeclineReason,
  kRating,
  kRatingComment,
  kRatedAt,
  kReopenCount,
  kAssignedAt,
  kClaimDueAt,
  kReplyDueAt,
  kClaimedAt,
  kEscalationLevel,
  kEscalatedAt,
  kRemindedAt,
  kClosedAt,
  kTokens,
  kAnalyzerVersion,
  kCreatedAt,
  kUpdatedAt,
  kColumns
};

// Appends "$n" (piece by piece: GCC 12 at -O3 warns, -Wrestrict, on "$" + std::to_string(n)).

struct BulkCase {
  std::vector<storage::Value> values;  // kColumns of them, in BulkColumn order
  std::string submit_detail;           // JSON of the 'submit' event's detail
  // A merged row (status 'merged') goes into the last unmerged row of its group written
  // before it, in this load; with none it stays 'submitted'.
  std::size_t group = 0;
  bool merged = false;
};

class BulkLoader {
 public:
  struct Statements {
    std::string cases, search, events;
  };

  explicit BulkLoader(storage::Database& db);
  // Writes `rows` in one transaction (retried as a whole like any unit of work).
  void write(std::vector<BulkCase>& rows);

 private:
  const Statements& statements_for(std::size_t rows);

  storage::Database& db_;
  bool pg_;
  bool first_write_ = true;
  std::map<std::size_t, Statements> sql_;              // by rows per statement
  std::map<std::size_t, std::int64_t> last_of_group_;  // the merge targets so far
};

// MAX(cases.id), 0 when there are none: where a load's tracking codes start.
std::int64_t max_case_id(storage::Connection& c);

}  // namespace tongxin::cases
