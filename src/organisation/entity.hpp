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
#include "core/http/router.hpp"
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

void register_entity(http::Router& router, ServiceContext& ctx, const EntitySpec& spec);

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
