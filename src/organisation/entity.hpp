// src/organisation/entity.hpp
//
// One generic engine for the organisation's record types (sectors, committees, member
// groups, party units, members, studios): each is described as data — its table, its
// fields with types and rules, its filters — and gets list (filters, q= by name or
// pinyin, cursor paging), get, create, update, archive, validation with Chinese messages,
// conference scoping and an audit row per write. What is special about a type lives in
// its spec's hooks, not in copies of this code. (Entity, not "resource": Resource is the
// glossary's 资源清单, a member's offer.)
#pragma once

#include <boost/json.hpp>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit.hpp"
#include "core/auth/principal.hpp"
#include "core/context.hpp"
#include "core/storage/connection.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::organisation {

enum class FieldType { text, integer, real, boolean, tags, object, ref, division, enumeration };

struct Field {
  std::string name;      // JSON field = column
  std::string label_zh;  // used in messages: "所属界别"
  FieldType type = FieldType::text;
  bool required = false;
  std::size_t max_chars = 200;
  std::vector<std::string_view> allowed;  // enumeration (and the items of tags, if set)
  std::string ref_table;                  // ref: a live row of this table, same conference
  std::optional<double> min, max;         // integer / real range
  bool is_public = false;                 // shown on public pages
};

struct EntitySpec {
  std::string kind;  // "studio": error codes, audit object type
  std::string table;
  std::string path;  // "/api/v1/studios"
  std::string label_zh, label_en;
  std::string tag;
  std::vector<Field> fields;
  std::vector<std::string> filters;  // query parameters that filter by equality
  std::vector<auth::Role> writers;   // who may create / update / archive
  // Extra permission for updates by others (e.g. a studio lead on their own studio).
  std::function<bool(const auth::Principal&, std::int64_t id)> may_update;
  // Runs inside the write transaction after the row is stored (e.g. studio members).
  std::function<void(storage::Connection&, std::int64_t id, std::int64_t conference_id,
                     const boost::json::object& body)>
      after_write;
  // Adds derived fields to the JSON of a row (e.g. member_ids, sector_name).
  std::function<void(storage::Connection&, boost::json::object&)> decorate;
  // Extra cross-field checks before writing (throws Error).
  std::function<void(storage::Connection&, const boost::json::object& merged)> validate;
};

// scope_path() and in_scope() live in organisation/briefs.hpp.

boost::json::object row_json(const EntitySpec& spec, const storage::Row& row);
std::optional<boost::json::object> load(storage::Connection& c, const EntitySpec& spec,
                                        std::int64_t id);

// What a list asks for; the route has parsed each value (integers are integers).
struct EntityQuery {
  bool include_archived = false;
  std::vector<std::pair<std::string, storage::Value>> equal;  // of the spec's filters
  std::optional<std::string> division_code;  // that division and everything under it
  std::optional<std::string> q;              // name or pinyin, as typed
  std::optional<std::int64_t> after_id;      // the cursor
  int limit = 50;
};
struct EntityPage {
  std::vector<boost::json::object> items;  // row_json and the spec's decorate, by id
  std::optional<std::int64_t> next_after;  // the last id shown, when there are more
};
// The rows of the principal's conference and those below it. An unknown division code is
// a 400 on division_code.
EntityPage list_entities(storage::Connection& c, const ServiceContext& ctx, const EntitySpec& spec,
                         const auth::Principal& p, const EntityQuery& query);
// The row, when it is in the principal's scope; `<kind>.not_found` otherwise.
boost::json::object get_entity(storage::Connection& c, const EntitySpec& spec,
                               const auth::Principal& p, std::int64_t id);
// Creates (no id) or updates the fields present in `body` as the API does: unknown fields,
// permissions (the spec's writers and may_update), scope and the conference that cannot
// change are checked, then store(). Returns the row as stored.
boost::json::object save_entity(storage::Connection& c, const ServiceContext& ctx,
                                const EntitySpec& spec, const auth::Principal& p,
                                const audit::Actor& actor, std::optional<std::int64_t> id,
                                const boost::json::object& body);
// Archives the row (an archived row keeps its first date) and writes the audit row.
boost::json::object archive_entity(storage::Connection& c, const EntitySpec& spec,
                                   const auth::Principal& p, const audit::Actor& actor,
                                   std::int64_t id);

// Validates and normalises one field value from a request body into a storage value.
storage::Value field_value(storage::Connection& c, const ServiceContext& ctx, const Field& f,
                           const boost::json::value& v, std::int64_t conference_id);

}  // namespace tongxin::organisation

namespace tongxin::organisation {
// Validates `body` like the API does and inserts (no `id`) or updates the record, runs the
// spec's hooks and writes the audit row. No permission checks: callers do those.
std::int64_t store(storage::Connection& c, const ServiceContext& ctx, const EntitySpec& spec,
                   const audit::Actor& actor, std::int64_t conference_id,
                   const boost::json::object& body, std::optional<std::int64_t> id = std::nullopt,
                   boost::json::object merged = {});
}  // namespace tongxin::organisation
