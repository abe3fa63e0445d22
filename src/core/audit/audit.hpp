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

// Milliseconds since the Unix epoch, the time unit of every *_at column.
std::int64_t now_ms();

}  // namespace tongxin::audit
