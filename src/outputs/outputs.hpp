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
#include "core/http/router.hpp"
#include "core/storage/connection.hpp"
#include "outputs/workflow.hpp"

namespace tongxin::outputs {

void register_routes(http::Router& router, ServiceContext& ctx);

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

// The item with authors, agencies, timeline, outcomes, links and the caller's allowed
// actions. 404 when missing, of another kind, or not visible to the caller.
boost::json::object get_output(storage::Connection& c, const auth::Principal& p, Kind kind,
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
// {"items": [...], "next_cursor"}, newest first. Staff and leaders see the items of their
// scope that left the draft; members their own; agencies what is assigned to them.
boost::json::object list_outputs(storage::Connection& c, const auth::Principal& p, Kind kind,
                                 const ListQuery& q, std::int64_t now_ms);

// Headline figures of a kind for a year in the principal's scope (workflows.md §2): counts
// by state, submitted, accepted (采纳/立案/采用), answered and the answer rate (办复率 =
// answered / dispatched), closed, mean handling days, satisfaction.
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
