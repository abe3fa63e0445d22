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

}  // namespace tongxin::audit
