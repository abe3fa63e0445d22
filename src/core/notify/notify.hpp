// src/core/notify/notify.hpp
//
// In-app notifications for accounts: assignments, reminders before a deadline (临期预警),
// escalations after it (超期督办). Written in the caller's unit of work, so a notice
// exists exactly when the change it announces was committed. Recipients are account ids;
// who holds a role for a member, a studio, an agency or a conference is answered by the
// module that owns the accounts (it installs a Directory at start), since core reads no
// domain table. The notifications table belongs to core (src/core/migrations).
#pragma once

#include <cstdint>
#include <functional>
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

// The answers to "who is notified", installed once at start by the accounts module.
struct Directory {
  using Lookup = std::function<std::vector<std::int64_t>(storage::Connection&, std::int64_t)>;
  Lookup users_of_member;      // accounts linked to a member (usually one)
  Lookup leads_of_studio;      // accounts with role studio_lead for the studio
  Lookup users_of_agency;      // accounts with role agency for the agency (承办单位经办人)
  Lookup staff_of_conference;  // accounts with role staff at the conference
};
// REQUIRES: called before the server or any worker runs (not synchronised).
void set_directory(Directory directory);

// Without an installed directory there are no accounts, so nobody to notify: empty.
std::vector<std::int64_t> users_of_member(storage::Connection& c, std::int64_t member_id);
std::vector<std::int64_t> leads_of_studio(storage::Connection& c, std::int64_t studio_id);
std::vector<std::int64_t> users_of_agency(storage::Connection& c, std::int64_t agency_id);
std::vector<std::int64_t> staff_of_conference(storage::Connection& c, std::int64_t conference_id);

// A notice as an account's inbox shows it.
struct Delivered {
  std::int64_t id = 0;
  Notice notice;
  std::int64_t created_at = 0;
  bool read = false;
};

struct InboxQuery {
  std::int64_t user_id = 0;
  std::int64_t before_id = 0;  // 0: from the newest
  bool unread_only = false;
  std::size_t limit = 20;
};
struct InboxPage {
  std::vector<Delivered> items;  // newest first, at most `limit`
  bool more = false;             // older notices follow the last item
  std::int64_t unread = 0;       // the account's unread notices in all
};
InboxPage inbox(storage::Connection& c, const InboxQuery& q);

// False when the notice is not the account's (or does not exist). Reading twice keeps the
// first read time.
bool mark_read(storage::Connection& c, std::int64_t user_id, std::int64_t notice_id,
               std::int64_t now_ms);
void mark_all_read(storage::Connection& c, std::int64_t user_id, std::int64_t now_ms);

}  // namespace tongxin::notify
