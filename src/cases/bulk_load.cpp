// src/cases/bulk_load.cpp
#include "cases/bulk_load.hpp"

#include <stdexcept>
#include <variant>

namespace tongxin::cases {

namespace {

void param(std::string& sql, std::size_t n) {
  sql += '$';
  sql += std::to_string(n);
}

// The statements for a chunk of `rows` cases. SQLite: one row per statement with the id
// given (the writer holds the lock; SQLite binds "$n" by a linear name lookup, so wide
// multi-row statements cost more than they save, and RETURNING costs as much as the row).
// PostgreSQL: many rows per statement (a round trip each), ids from RETURNING.

BulkLoader::Statements statements(storage::Engine engine, std::size_t rows) {
  const bool pg = engine == storage::Engine::postgres;
  const std::size_t width = kColumns + (pg ? 0 : 1);  // SQLite: the id comes last
  BulkLoader::Statements st;
  st.cases =
      "INSERT INTO cases (conference_id, tracking_code, channel, title, text, address,"
      " division_code, studio_id, member_id, chosen_by_citizen, sector_id, status, outcome,"
      " consent_version, consent_at, merged_into_id, reply_text, replied_at, referred_to,"
      " converted_to, decline_reason, rating, rating_comment, rated_at, reopen_count,"
      " assigned_at, claim_due_at, reply_due_at, claimed_at, escalation_level, escalated_at,"
      " reminded_at, closed_at, tokens, analyzer_version, created_at, updated_at, anonymous";
  st.cases += pg ? ", search_vector) VALUES " : ", id) VALUES ";
  st.search = "INSERT INTO case_search (rowid, tokens) VALUES ";
  st.events =
      "INSERT INTO case_events (case_id, at, type, to_status, actor_party, actor_label, note,"
      " detail) VALUES ";
  for (std::size_t r = 0; r < rows; ++r) {
    const std::size_t base = r * width;
    st.cases += r == 0 ? "(" : ", (";
    for (std::size_t i = 1; i <= kColumns; ++i) {
      param(st.cases, base + i);
      st.cases += ", ";
    }
    st.cases += pg ? "TRUE, to_tsvector('simple', " : "1, ";
    param(st.cases, base + (pg ? kTokens + 1 : width));
    st.cases += pg ? "))" : ")";
    st.search += r == 0 ? "(" : ", (";
    param(st.search, 2 * r + 1);
    st.search += ", ";
    param(st.search, 2 * r + 2);
    st.search += ')';
    st.events += r == 0 ? "(" : ", (";
    param(st.events, 3 * r + 1);
    st.events += ", ";
    param(st.events, 3 * r + 2);
    st.events += ", 'submit', 'submitted', 'citizen', '群众', '群众提交诉求', ";
    param(st.events, 3 * r + 3);
    st.events += ')';
  }
  if (pg) st.cases += " RETURNING id, tracking_code";
  return st;
}

}  // namespace

BulkLoader::BulkLoader(storage::Database& db)
    : db_(db), pg_(db.dialect().engine() == storage::Engine::postgres) {}

const BulkLoader::Statements& BulkLoader::statements_for(std::size_t rows) {
  auto it = sql_.find(rows);
  if (it == sql_.end()) it = sql_.emplace(rows, statements(db_.dialect().engine(), rows)).first;
  return it->second;
}

void BulkLoader::write(std::vector<BulkCase>& rows) {
  const std::size_t per_statement = pg_ ? 100 : 1;
  std::vector<storage::Value> params, search, events;
  std::vector<std::int64_t> ids;
  last_of_group_ = db_.write([&](storage::Connection& c) {
    if (first_write_ && !pg_) {
      // Room for the indexes of a large table while loading (this connection only).
      c.execute_script("PRAGMA cache_size = -262144");
    }
    auto last = last_of_group_;  // a retried unit of work starts from the committed state
    std::int64_t next_id = pg_ ? 0 : max_case_id(c) + 1;
    for (std::size_t at = 0; at < rows.size(); at += per_statement) {
      const auto k = std::min(per_statement, rows.size() - at);
      const auto& st = statements_for(k);
      params.clear();
      for (std::size_t i = at; i < at + k; ++i) {
        auto& row = rows[i];
        if (row.merged) {
          const auto it = last.find(row.group);
          row.values[kMergedInto] =
              it != last.end() ? storage::Value(it->second) : storage::Value(storage::Null{});
          if (it == last.end()) row.values[kStatus] = std::string("submitted");
        }
        params.insert(params.end(), row.values.begin(), row.values.end());
        if (!pg_) params.emplace_back(next_id++);
      }
      ids.clear();
      if (pg_) {
        // RETURNING gives no order: ids are matched by tracking code.
        const auto inserted = c.query(st.cases, params);
        for (std::size_t i = at; i < at + k; ++i) {
          const auto& code = std::get<std::string>(rows[i].values[kCode]);
          for (const auto& r : inserted) {
            if (r.text(1) == code) ids.push_back(r.int64(0));
          }
        }
        if (ids.size() != k) throw std::runtime_error("load-cases: ids not returned");
      } else {
        c.execute(st.cases, params);
        ids.push_back(std::get<std::int64_t>(params.back()));
      }
      search.clear();
      events.clear();
      for (std::size_t i = 0; i < k; ++i) {
        const auto& row = rows[at + i];
        if (!row.merged) last[row.group] = ids[i];
        search.insert(search.end(), {ids[i], row.values[kTokens]});
        events.insert(events.end(), {ids[i], row.values[kCreatedAt], row.submit_detail});
      }
      if (!pg_) c.execute(st.search, search);
      c.execute(st.events, events);
    }
    return last;
  });
  first_write_ = false;
}

std::int64_t max_case_id(storage::Connection& c) {
  return c.q("SELECT COALESCE(MAX(id), 0) FROM cases").front().int64(0);
}

}  // namespace tongxin::cases
