// src/core/audit/audit.cpp
#include "core/audit/audit.hpp"

#include <boost/json.hpp>
#include <chrono>

namespace tongxin::audit {

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void record(storage::Connection& c, const Actor& actor, const Entry& entry) {
  c.q("INSERT INTO audit_log (at, user_id, username, action, object_type, object_id,"
      " remote_addr, request_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      now_ms(), actor.user_id(),
      actor.principal ? storage::Value(actor.principal->username) : storage::Value(storage::Null{}),
      entry.action, entry.object_type, entry.object_id, actor.remote_addr, actor.request_id,
      entry.detail.is_null() ? storage::Value(storage::Null{})
                             : storage::Value(boost::json::serialize(entry.detail)));
}

LogPage read_log(storage::Connection& c, const LogQuery& q) {
  const auto rows =
      c.q("SELECT * FROM audit_log WHERE ($1 = 0 OR id < $1) AND ($2 = '' OR action = $2)"
          " AND ($3 = '' OR username = $3) ORDER BY id DESC LIMIT $4",
          q.before_id, q.action, q.username, static_cast<std::int64_t>(q.limit + 1));
  LogPage page;
  page.more = rows.size() > q.limit;
  for (std::size_t i = 0; i < rows.size() && i < q.limit; ++i) {
    const auto r = rows[i];
    const auto detail = r.opt_text("detail");
    page.items.push_back({.id = r.int64("id"),
                          .at = r.int64("at"),
                          .username = r.opt_text("username"),
                          .action = r.text("action"),
                          .object_type = r.text("object_type"),
                          .object_id = r.opt_int64("object_id"),
                          .remote_addr = r.text("remote_addr"),
                          .request_id = r.text("request_id"),
                          .detail = detail ? boost::json::parse(*detail) : boost::json::value()});
  }
  return page;
}

}  // namespace tongxin::audit
