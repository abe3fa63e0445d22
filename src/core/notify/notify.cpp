// src/core/notify/notify.cpp
#include "core/notify/notify.hpp"

namespace tongxin::notify {

namespace {

Directory& directory() {
  static Directory d;
  return d;
}

std::vector<std::int64_t> ask(const Directory::Lookup& lookup, storage::Connection& c,
                              std::int64_t id) {
  return lookup ? lookup(c, id) : std::vector<std::int64_t>{};
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

void set_directory(Directory d) {
  directory() = std::move(d);
}

std::vector<std::int64_t> users_of_member(storage::Connection& c, std::int64_t member_id) {
  return ask(directory().users_of_member, c, member_id);
}

std::vector<std::int64_t> users_of_agency(storage::Connection& c, std::int64_t agency_id) {
  return ask(directory().users_of_agency, c, agency_id);
}

std::vector<std::int64_t> leads_of_studio(storage::Connection& c, std::int64_t studio_id) {
  return ask(directory().leads_of_studio, c, studio_id);
}

std::vector<std::int64_t> staff_of_conference(storage::Connection& c, std::int64_t conference_id) {
  return ask(directory().staff_of_conference, c, conference_id);
}

InboxPage inbox(storage::Connection& c, const InboxQuery& q) {
  const auto rows =
      c.q("SELECT * FROM notifications WHERE user_id = $1 AND ($2 = 0 OR id < $2)"
          " AND ($3 = 0 OR read_at IS NULL) ORDER BY id DESC LIMIT $4",
          q.user_id, q.before_id, q.unread_only ? 1 : 0, static_cast<std::int64_t>(q.limit + 1));
  InboxPage page;
  page.more = rows.size() > q.limit;
  for (std::size_t i = 0; i < rows.size() && i < q.limit; ++i) {
    const auto r = rows[i];
    page.items.push_back({.id = r.int64("id"),
                          .notice = {.kind = r.text("kind"),
                                     .title = r.text("title"),
                                     .body = r.text("body"),
                                     .link = r.text("link"),
                                     .object_type = r.text("object_type"),
                                     .object_id = r.opt_int64("object_id")},
                          .created_at = r.int64("created_at"),
                          .read = !r.is_null("read_at")});
  }
  page.unread =
      c.q("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL", q.user_id)
          .front()
          .int64(0);
  return page;
}

bool mark_read(storage::Connection& c, std::int64_t user_id, std::int64_t notice_id,
               std::int64_t now_ms) {
  return c.x("UPDATE notifications SET read_at = COALESCE(read_at, $3) WHERE id = $1"
             " AND user_id = $2",
             notice_id, user_id, now_ms) > 0;
}

void mark_all_read(storage::Connection& c, std::int64_t user_id, std::int64_t now_ms) {
  c.x("UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL", user_id,
      now_ms);
}

}  // namespace tongxin::notify
