// src/core/notify/notify.cpp
#include "core/notify/notify.hpp"

namespace tongxin::notify {

namespace {

// users.roles is "role,role"; no role name contains another, so LIKE '%name%' is exact.
std::vector<std::int64_t> ids(const storage::Result& rows) {
  std::vector<std::int64_t> out;
  for (const auto& r : rows)
    out.push_back(r.int64(0));
  return out;
}

}  // namespace

void send(storage::Connection& c, std::int64_t user_id, const Notice& n, std::int64_t now_ms) {
  c.x("INSERT INTO notifications (user_id, kind, title, body, link, object_type, object_id,"
      " created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      user_id, n.kind, n.title, n.body, n.link, n.object_type, n.object_id, now_ms);
}

void send_all(storage::Connection& c, const std::vector<std::int64_t>& user_ids, const Notice& n,
              std::int64_t now_ms) {
  for (const auto id : user_ids)
    send(c, id, n, now_ms);
}

std::vector<std::int64_t> users_of_member(storage::Connection& c, std::int64_t member_id) {
  return ids(c.q("SELECT id FROM users WHERE member_id = $1 AND NOT disabled", member_id));
}

std::vector<std::int64_t> users_of_agency(storage::Connection& c, std::int64_t agency_id) {
  return ids(
      c.q("SELECT id FROM users WHERE agency_id = $1 AND roles LIKE '%agency%' AND NOT"
          " disabled",
          agency_id));
}

std::vector<std::int64_t> leads_of_studio(storage::Connection& c, std::int64_t studio_id) {
  return ids(
      c.q("SELECT id FROM users WHERE studio_id = $1 AND roles LIKE '%studio_lead%'"
          " AND NOT disabled",
          studio_id));
}

std::vector<std::int64_t> staff_of_conference(storage::Connection& c, std::int64_t conference_id) {
  return ids(
      c.q("SELECT id FROM users WHERE conference_id = $1 AND roles LIKE '%staff%'"
          " AND NOT disabled",
          conference_id));
}

}  // namespace tongxin::notify
