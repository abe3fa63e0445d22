// src/outputs/outputs.hpp
//
// Formal outputs of members (product.md §6): micro-suggestions (微建议), proposals (提案)
// and opinion reports (社情民意信息) — written by a member (alone, jointly, or for a sector
// or studio), reviewed by staff, assigned to agencies (承办单位) with deadlines, answered,
// rated, and counted in the member's duty record. Each kind runs its own state machine
// (workflow.hpp); every transition is one event on the item's timeline and one audit row,
// in the caller's unit of work.
#pragma once

#include <boost/json.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/context.hpp"
#include "core/storage/connection.hpp"
#include "outputs/workflow.hpp"

namespace tongxin::outputs {

// Creates a draft from the API body {"title", "body", "category"?, "authorship"?,
// "coauthor_ids"?, "member_id"? (staff entering for a member), "sector_id"?, "studio_id"?,
// "source_case_id"?, "term"?, "session"?, "in_session"?, "submit"?: true}. The caller's
// member is the first author unless staff name one. A case given as source is converted
// (the case records the link). Errors: 400 for bad fields, 403 when the caller may not write
// for that member, 404 for an unknown case or member. Returns the id.
std::int64_t create_output(storage::Connection& c, const ServiceContext& ctx,
                           const audit::Actor& actor, Kind kind, const boost::json::object& body,
                           std::int64_t now_ms);

// One action of the kind's workflow with its fields (reason, agency_id, reply, rating, …).
// 404 when the caller may not see the item, 403 when they may see it but have no part,
// 409 {"status", "allowed"} when the action is not allowed now, 400 for bad fields.
void apply_action(storage::Connection& c, const ServiceContext& ctx, const audit::Actor& actor,
                  Kind kind, std::int64_t id, std::string_view action,
                  const boost::json::object& body, std::int64_t now_ms);

// An item as lists show it (no timeline).
struct OutputBrief {
  std::int64_t id = 0;
  Kind kind = Kind::micro_suggestion;
  std::int64_t conference_id = 0;
  std::string title, category, status, authorship;
  std::vector<std::string> authors;  // names, first author first
  std::optional<std::string> number, reply_class, rating, due_step;
  bool is_key = false, is_excellent = false;
  std::optional<std::int64_t> due_at, submitted_at, accepted_at, closed_at;
  bool overdue = false;  // a step past its deadline at the moment it was read
  std::int64_t created_at = 0, updated_at = 0;
  bool has_lead_agency = false;            // a lead agency was ever assigned
  std::optional<std::string> lead_agency;  // its name, unless it is gone
};

// Another item this one came from, became, or was merged with.
struct OutputLink {
  std::int64_t id = 0;
  Kind kind = Kind::micro_suggestion;
  std::string title, status;
};

struct OutputAuthor {
  std::int64_t member_id = 0;
  std::string name;
  int position = 1;
  bool confirmed = false;
};

struct OutputAgency {
  std::int64_t agency_id = 0;
  std::string name;
  std::string role;    // lead | assist
  std::string status;  // assigned | signed | asked_back | replied | withdrawn
  std::int64_t assigned_at = 0;
  std::optional<std::int64_t> signed_at, replied_at;
  std::optional<std::string> reply;
  std::string note;
};

struct OutputOutcome {
  std::string outcome;  // adopted_above | instruction | agency_adoption
  std::string level, by_whom, text, occurred_on;
};

struct OutputEvent {
  std::int64_t id = 0, at = 0;
  std::string action, from, to, party, actor, note;
  boost::json::value detail;  // free-form, as the action recorded it ({} when unreadable)
};

// One item whole, as the caller may see it.
struct OutputDetail {
  OutputBrief brief;
  std::string body;
  std::optional<std::int64_t> sector_id, studio_id, source_case_id, replied_at;
  std::optional<int> term, session;
  bool in_session = false;
  std::optional<std::string> handling_mode, reply, rating_comment;
  int redo_count = 0, extension_days = 0;
  std::optional<OutputLink> source, converted_to, merged_into;
  std::vector<OutputLink> merged_items;
  std::vector<OutputAuthor> authors;
  std::vector<OutputAgency> agencies;
  std::vector<OutputOutcome> outcomes;
  std::vector<OutputEvent> events;
  std::vector<std::string_view> allowed_actions;  // for the caller, now
  std::vector<Party> parties;                     // the caller's parts in the item
};

// The item with authors, agencies, timeline, outcomes, links and the caller's allowed
// actions. 404 when missing, of another kind, or not visible to the caller. JSON:
// output_json.hpp.
OutputDetail get_output(storage::Connection& c, const auth::Principal& p, Kind kind,
                        std::int64_t id);

struct ListQuery {
  std::optional<std::string> status;
  std::optional<std::int64_t> conference_id;
  std::optional<std::int64_t> member_id;  // authored by
  std::optional<std::int64_t> agency_id;  // assigned to
  std::optional<std::string> q;           // words in the title
  bool mine = false;                      // the caller's own (member) or their agency's
  bool overdue = false;                   // a step past its deadline
  int limit = 20;
  std::optional<std::string> cursor;
};
struct OutputPage {
  std::vector<OutputBrief> items;
  std::optional<std::string> next_cursor;
};
// Newest first. Staff and leaders see the items of their scope that left the draft;
// members their own; agencies what is assigned to them.
OutputPage find_outputs(storage::Connection& c, const auth::Principal& p, Kind kind,
                        const ListQuery& q, std::int64_t now_ms);
// find_outputs() as the API's JSON {"items": [...], "next_cursor"} (output_json.hpp's
// page_json), for callers in other modules that read the JSON.
boost::json::object list_outputs(storage::Connection& c, const auth::Principal& p, Kind kind,
                                 const ListQuery& q, std::int64_t now_ms);

// Headline figures of a kind for a year in the principal's scope (workflows.md §2): counts
// by state, submitted, accepted (采纳/立案/采用), answered and the answer rate (办复率 =
// answered / dispatched), closed, mean handling days, satisfaction.
struct Figures {
  using Counts = std::vector<std::pair<std::string, std::int64_t>>;  // in display order
  struct StateCount {
    std::string status, label;
    std::int64_t count = 0;
  };
  Kind kind = Kind::micro_suggestion;
  int year = 0;
  std::int64_t submitted = 0, accepted = 0, dispatched = 0, answered = 0, closed = 0, rated = 0;
  double answer_rate = 0, closed_rate = 0, satisfaction_rate = 0;  // per cent, one decimal
  std::optional<double> mean_handling_days;
  std::int64_t key = 0, excellent = 0;
  std::vector<StateCount> by_status;     // every state but draft, in the workflow's order
  std::optional<Counts> by_reply_class;  // proposals: A / B / C
  std::optional<Counts> outcomes;        // opinion reports: adopted_above, instruction, …
  Counts categories;                     // the ten most written about
};
Figures figures(storage::Connection& c, const auth::Principal& p, Kind kind, int year,
                std::optional<std::int64_t> conference_id);
// figures() as the API's JSON (output_json.hpp's figures_json), for callers in other
// modules that read the JSON.
boost::json::object summary(storage::Connection& c, const auth::Principal& p, Kind kind, int year,
                            std::optional<std::int64_t> conference_id);

// What a member wrote that counts in the duty record (records module): items of the kind
// that reached acceptance (采纳 / 立案 / 采用) in [from_ms, to_ms), with the member's place
// among the authors and the leaders' instructions recorded on them.
struct Authored {
  std::int64_t id = 0;
  Kind kind = Kind::micro_suggestion;
  std::string title;
  std::string status;
  std::string authorship;  // individual | joint | sector | studio
  int position = 1;        // 1 = first author
  int authors = 1;
  std::int64_t accepted_at = 0;
  bool is_excellent = false;
  struct Instruction {
    std::int64_t id = 0;  // output_outcomes id: each 批示 is its own source of points
    std::string date;     // YYYY-MM-DD
    std::string by_whom;
  };
  std::vector<Instruction> instructions;
};
std::vector<Authored> authored_outputs(storage::Connection& c, std::int64_t member_id,
                                       std::int64_t from_ms, std::int64_t to_ms);
// Every item the member authored (any state but draft), newest first, at most `limit`: the
// duty record's list of outputs with links.
boost::json::array outputs_of_member(storage::Connection& c, std::int64_t member_id,
                                     std::int64_t from_ms, std::int64_t to_ms, int limit = 200);

// Deadlines (background sweep): a reminder to whoever must act one working day before a
// step is due (临期预警), supervision to staff once it is overdue (超期督办), and items
// whose rating window passed are closed unrated. Idempotent.
struct SweepReport {
  int reminded = 0;
  int supervised = 0;
  int closed = 0;
};
SweepReport sweep(storage::Connection& c, const ServiceContext& ctx, std::int64_t now_ms);

}  // namespace tongxin::outputs
