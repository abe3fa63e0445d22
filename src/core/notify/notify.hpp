// src/core/notify/notify.hpp
//
// In-app notifications for accounts: assignments, reminders before a deadline (临期预警),
// escalations after it (超期督办). Written in the caller's unit of work, so a notice
// exists exactly when the change it announces was committed. Recipients are accounts;
// helpers resolve who holds a role for a member, a studio or a conference.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/storage/connection.hpp"

namespace tongxin::notify {

struct Notice {
  std::string kind;   // "case.assigned", "case.reminder", "case.escalated", …
  std::string title;  // Chinese, shown as is
  std::string body;
  std::string link;  // a console or phone route, e.g. "/console/cases/12"
  std::string object_type;
  std::optional<std::int64_t> object_id;
};

void send(storage::Connection& c, std::int64_t user_id, const Notice& n, std::int64_t now_ms);
void send_all(storage::Connection& c, const std::vector<std::int64_t>& user_ids, const Notice& n,
              std::int64_t now_ms);

// Accounts linked to a member (usually one).
std::vector<std::int64_t> users_of_member(storage::Connection& c, std::int64_t member_id);
// Accounts with role studio_lead for the studio.
std::vector<std::int64_t> leads_of_studio(storage::Connection& c, std::int64_t studio_id);
// Accounts with role agency for the agency (承办单位经办人).
std::vector<std::int64_t> users_of_agency(storage::Connection& c, std::int64_t agency_id);
// Accounts with role staff at the conference.
std::vector<std::int64_t> staff_of_conference(storage::Connection& c, std::int64_t conference_id);

}  // namespace tongxin::notify
