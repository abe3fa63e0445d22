// src/demo/bulk_cases.hpp
//
// `tongxin load-cases`: bulk synthetic cases (群众诉求) on top of the seeded demo, for
// benchmarks (bench/run.sh) and for trying the console on a realistically large table.
//
// Contract:
// - REQUIRES the demo to be seeded (`seed-demo`): the city conference, its studios and
//   their members are looked up with plain SELECTs; throws Error 400 "demo.not_seeded"
//   otherwise. Works on both engines.
// - Inserts `count` anonymous cases into the city conference, spread over the studios
//   (division code = the studio's), created over the two years before now with volume
//   growing over time, ids in created_at order. Texts come from ~40 problem templates ×
//   Lanzhou places × details. States follow what a running system holds at steady state:
//   recent cases submitted/assigned/in progress (overdue ones escalated and reminded as
//   the sweeper would have), replied/declined ones within the 7-day rating period, older
//   ones closed (rated or auto-closed) or merged, with outcomes, replies and ratings.
// - Each case gets its search index exactly as cases::index_case writes it (cases.tokens,
//   analyzer_version, case_search on SQLite / search_vector on PostgreSQL) and one
//   'submit' row in case_events. No audit rows, notices or photos.
// - Tracking codes use the intake alphabet, 10 characters, from a fixed permutation of
//   (MAX(cases.id) + n): unique within and across loads. A clash with a code the intake
//   drew at random is possible in theory (about 1e-9 per existing case and million loaded)
//   and would abort the load with a unique violation.
// - Deterministic for a seed except for the timestamps, which are relative to now.
// - Batches of kBatchSize rows per transaction (ctx.db.write), the same prepared INSERTs
//   reused throughout (SQLite: one row each, ids given; PostgreSQL: 100 rows each, ids from
//   RETURNING); the next batch's texts are generated and tokenised on a second thread while
//   the current one is written. `progress(done)` runs after each committed batch.
// - Safe next to a running server: SQLite ids are MAX(id) + 1… taken inside each batch's
//   write transaction (the one writer lock); PostgreSQL ids come from the identity column.
// Returns the number of cases inserted.
#pragma once

#include <cstdint>
#include <functional>

#include "core/context.hpp"

namespace tongxin::demo {

inline constexpr std::int64_t kBatchSize = 5000;

std::int64_t load_cases(ServiceContext& ctx, std::int64_t count, std::uint64_t seed,
                        const std::function<void(std::int64_t done)>& progress = {});

}  // namespace tongxin::demo
