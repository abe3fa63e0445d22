// src/contact/key_contact_store.cpp
//
// The SQL of key contacts and their changes.
#include "contact/internal.hpp"

namespace tongxin::contact::key_contact_store {

namespace {

StoredKeyContact from_row(const storage::Row& r) {
  StoredKeyContact k;
  k.id = r.int64("id");
  k.conference_id = r.int64("conference_id");
  k.member_id = r.int64("member_id");
  k.name_enc = r.text("name_enc");
  k.name_masked = r.text("name_masked");
  if (!r.is_null("phone_enc")) k.phone_enc = r.text("phone_enc");
  k.phone_masked = r.text("phone_masked");
  k.sector_label = r.text("sector_label");
  k.work_unit = r.text("work_unit");
  k.notes = r.text("notes");
  k.archived = !r.is_null("archived_at");
  k.created_at = r.int64("created_at");
  return k;
}

}  // namespace

std::optional<StoredKeyContact> find(storage::Connection& c, std::int64_t id) {
  const auto rows = c.q("SELECT * FROM key_contacts WHERE id = $1", id);
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}

std::int64_t insert(storage::Connection& c, const StoredKeyContact& k, std::int64_t now_ms) {
  return c
      .q("INSERT INTO key_contacts (conference_id, member_id, name_enc, name_masked,"
         " sector_label, work_unit, phone_enc, phone_masked, notes, created_at,"
         " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)"
         " RETURNING id",
         k.conference_id, k.member_id, k.name_enc, k.name_masked, k.sector_label, k.work_unit,
         k.phone_enc ? storage::Value(*k.phone_enc) : storage::Value(storage::Null{}),
         k.phone_masked, k.notes, now_ms)
      .front()
      .int64(0);
}

void update(storage::Connection& c, std::int64_t id,
            const std::vector<std::pair<std::string, storage::Value>>& columns,
            std::int64_t now_ms) {
  std::string sets;
  std::vector<storage::Value> params{now_ms};
  for (const auto& [column, value] : columns) {
    params.push_back(value);
    sets += ", " + column + " = $" + std::to_string(params.size());
  }
  params.emplace_back(id);
  c.execute("UPDATE key_contacts SET updated_at = $1" + sets + " WHERE id = $" +
                std::to_string(params.size()),
            params);
}

bool set_archived(storage::Connection& c, std::int64_t id, bool archived, std::int64_t now_ms) {
  if (archived) {
    return c.x("UPDATE key_contacts SET archived_at = $2, updated_at = $2 WHERE id = $1 AND"
               " archived_at IS NULL",
               id, now_ms) > 0;
  }
  return c.x("UPDATE key_contacts SET archived_at = NULL, updated_at = $2 WHERE id = $1 AND"
             " archived_at IS NOT NULL",
             id, now_ms) > 0;
}

bool exists(storage::Connection& c, std::int64_t id) {
  return !c.q("SELECT 1 FROM key_contacts WHERE id = $1", id).empty();
}

std::vector<StoredKeyContact> of_member(storage::Connection& c, std::int64_t member_id,
                                        bool archived, std::int64_t after, int limit) {
  std::vector<StoredKeyContact> out;
  for (const auto& r :
       c.q(std::string("SELECT * FROM key_contacts WHERE member_id = $1 AND archived_at IS ") +
               (archived ? "NOT NULL" : "NULL") + " AND id > $2 ORDER BY id LIMIT $3",
           member_id, after, limit)) {
    out.push_back(from_row(r));
  }
  return out;
}

std::map<std::int64_t, std::int64_t> open_tasks(storage::Connection& c,
                                                const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::int64_t> out;
  if (ids.empty()) return out;
  std::vector<storage::Value> params;
  const auto in = placeholders(params, ids);
  for (const auto& r : c.query("SELECT key_contact_id, COUNT(*) FROM visit_tasks WHERE"
                               " status = 'open' AND key_contact_id IN (" +
                                   in + ") GROUP BY key_contact_id",
                               params)) {
    out[r.int64(0)] = r.int64(1);
  }
  return out;
}

int cancel_open_tasks(storage::Connection& c, std::int64_t id, std::int64_t now_ms) {
  return static_cast<int>(
      c.x("UPDATE visit_tasks SET status = 'cancelled', cancelled_at = $2 WHERE"
          " key_contact_id = $1 AND status = 'open'",
          id, now_ms));
}

std::vector<KeyContactChange> changes(storage::Connection& c, std::int64_t id) {
  std::vector<KeyContactChange> out;
  for (const auto& r : c.q("SELECT kind, note, created_at FROM key_contact_changes"
                           " WHERE key_contact_id = $1 ORDER BY id DESC",
                           id)) {
    out.push_back({r.text(0), r.text(1), r.int64(2)});
  }
  return out;
}

void insert_change(storage::Connection& c, std::int64_t id, const NewKeyContactChange& change,
                   std::optional<std::int64_t> user_id, std::int64_t now_ms) {
  c.x("INSERT INTO key_contact_changes (key_contact_id, kind, note, created_by, created_at)"
      " VALUES ($1, $2, $3, $4, $5)",
      id, change.kind, change.note, user_id, now_ms);
}

}  // namespace tongxin::contact::key_contact_store
