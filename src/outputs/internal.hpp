// src/outputs/internal.hpp
//
// Shared inside the outputs module only: the row, who is who to an item, the timeline.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/auth/principal.hpp"
#include "core/error.hpp"
#include "core/storage/connection.hpp"
#include "outputs/outputs.hpp"
#include "outputs/workflow.hpp"

namespace tongxin::outputs {

struct OutputRow {
  std::int64_t id = 0;
  Kind kind = Kind::micro_suggestion;
  std::int64_t conference_id = 0;
  std::string title, body, category, status, authorship;
  std::optional<std::int64_t> sector_id, studio_id, source_case_id, source_output_id,
      converted_to_id, merged_into_id;
  std::optional<std::string> number, handling_mode, reply_class, reply_text, rating, rating_comment,
      due_step;
  std::optional<int> term, session;
  bool in_session = false, is_key = false, is_excellent = false;
  int redo_count = 0, extension_days = 0;
  std::optional<std::int64_t> replied_at, due_at, reminded_at, supervised_at, submitted_at,
      accepted_at, closed_at, created_by;
  std::int64_t created_at = 0, updated_at = 0;
};

struct AuthorRow {
  std::int64_t member_id = 0;
  int position = 1;
  std::optional<std::int64_t> confirmed_at;
};

struct AgencyRow {
  std::int64_t agency_id = 0;
  std::string role;    // lead | assist
  std::string status;  // assigned | signed | asked_back | replied | withdrawn
};

std::optional<OutputRow> find_output(storage::Connection& c, std::int64_t id);
Error not_found(Kind kind);
std::vector<AuthorRow> authors_of(storage::Connection& c, std::int64_t id);
std::vector<AgencyRow> agencies_of(storage::Connection& c, std::int64_t id);

// The parties the principal is to the item (empty: none).
std::vector<Party> parties_of(storage::Connection& c, const auth::Principal& p, const OutputRow& o);
// True when the principal may read the item: a party, or staff/leader in scope once it left
// the draft, or the studio's lead for a studio's item.
bool may_read(storage::Connection& c, const auth::Principal& p, const OutputRow& o);

struct EventInput {
  std::string action;
  std::string from, to;
  Party party = Party::system;
  std::optional<std::int64_t> user_id;
  std::string actor_label;
  std::string note;
  boost::json::value detail;
  std::string remote_addr;
};
void add_event(storage::Connection& c, std::int64_t id, const EventInput& e, std::int64_t now_ms);

// Next number of a conference's series for a kind and year (第N号 / 第N期), in the caller's
// unit of work.
int next_number(storage::Connection& c, std::int64_t conference_id, Kind kind, int year);

// Where the console ("/console/proposals/12") or the member's phone ("/my/proposals/12")
// shows the item: the link of its notices.
std::string item_link(const OutputRow& o, bool phone);

// The list row of an item (no timeline), and its JSON (output_json.hpp).
OutputBrief brief_of(storage::Connection& c, const OutputRow& o, std::int64_t now_ms);
boost::json::object brief_json(storage::Connection& c, const OutputRow& o, std::int64_t now_ms);

}  // namespace tongxin::outputs
