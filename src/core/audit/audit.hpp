// src/core/audit/audit.hpp
//
// The audit trail: one row for every login attempt and every write — who, when, what,
// from which address. Written in the same transaction as the change it records, so a
// change without its audit row cannot exist. The table belongs to core
// (src/core/migrations).
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/storage/connection.hpp"

namespace tongxin::audit {

// Who is acting, without anything of HTTP: built by the route adapter from the request.
struct Actor {
  std::optional<auth::Principal> principal;
  std::string remote_addr;
  std::string request_id;

  std::optional<std::int64_t> user_id() const {
    return principal ? std::optional<std::int64_t>(principal->user_id) : std::nullopt;
  }
};

struct Entry {
  std::string action;       // "auth.login_failed", "studio.create", "studio.archive", ...
  std::string object_type;  // "studio", "user", ... (empty when none)
  std::optional<std::int64_t> object_id;
  boost::json::value detail;  // what changed (no secrets, no unmasked personal data)
};

// Appends an audit row inside the caller's unit of work.
void record(storage::Connection& c, const Actor& actor, const Entry& entry);

// One stored audit row, as the auditor reads it.
struct Logged {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::optional<std::string> username;  // none for anonymous attempts and the system
  std::string action;
  std::string object_type;
  std::optional<std::int64_t> object_id;
  std::string remote_addr;
  std::string request_id;
  boost::json::value detail;  // null when none was recorded
};

struct LogQuery {
  std::int64_t before_id = 0;  // 0: from the newest
  std::string action;          // empty: any
  std::string username;        // empty: anyone
  std::size_t limit = 50;
};
struct LogPage {
  std::vector<Logged> items;  // newest first, at most `limit`
  bool more = false;          // older rows follow the last item
};
LogPage read_log(storage::Connection& c, const LogQuery& q);

// Milliseconds since the Unix epoch, the time unit of every *_at column.
std::int64_t now_ms();

}  // namespace tongxin::audit
