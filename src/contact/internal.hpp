// src/contact/internal.hpp
//
// Inside the contact module only: the stores that hold the SQL of key contacts, and small
// helpers the services share. Other modules use contact.hpp.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "contact/contact.hpp"
#include "core/storage/connection.hpp"

namespace tongxin::contact {

// Appends `ids` to `params` and returns their placeholders: "$2, $3, $4".
std::string placeholders(std::vector<storage::Value>& params, const std::vector<std::int64_t>& ids);
// The ids of a JSON array text ("[3,5]"); empty for anything else.
std::vector<std::int64_t> json_ids(const std::string& text);
// Today in China, YYYY-MM-DD.
std::string today_of(std::int64_t now_ms);

// A key contact as stored: the name and phone sealed, their masks beside them.
struct StoredKeyContact {
  std::int64_t id = 0;
  std::int64_t conference_id = 0;
  std::int64_t member_id = 0;
  std::string name_enc, name_masked;
  std::optional<std::string> phone_enc;
  std::string phone_masked;
  std::string sector_label, work_unit, notes;
  bool archived = false;
  std::int64_t created_at = 0;
};

namespace key_contact_store {

std::optional<StoredKeyContact> find(storage::Connection& c, std::int64_t id);
// Returns the new id; created_at is `now_ms`.
std::int64_t insert(storage::Connection& c, const StoredKeyContact& k, std::int64_t now_ms);
// Sets the given columns (names are the store's own, never user input) and updated_at.
void update(storage::Connection& c, std::int64_t id,
            const std::vector<std::pair<std::string, storage::Value>>& columns,
            std::int64_t now_ms);
// False when the contact is unknown or already in the asked state.
bool set_archived(storage::Connection& c, std::int64_t id, bool archived, std::int64_t now_ms);
bool exists(storage::Connection& c, std::int64_t id);
// A member's contacts, live or archived, after id `after`, at most `limit`, by id.
std::vector<StoredKeyContact> of_member(storage::Connection& c, std::int64_t member_id,
                                        bool archived, std::int64_t after, int limit);
// Open visit tasks per contact of `ids`, in one query (contacts with none are left out).
std::map<std::int64_t, std::int64_t> open_tasks(storage::Connection& c,
                                                const std::vector<std::int64_t>& ids);
// Cancels the open visit tasks of a contact; returns how many.
int cancel_open_tasks(storage::Connection& c, std::int64_t id, std::int64_t now_ms);
std::vector<KeyContactChange> changes(storage::Connection& c, std::int64_t id);
void insert_change(storage::Connection& c, std::int64_t id, const NewKeyContactChange& change,
                   std::optional<std::int64_t> user_id, std::int64_t now_ms);

}  // namespace key_contact_store

}  // namespace tongxin::contact
