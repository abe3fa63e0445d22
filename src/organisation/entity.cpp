// src/organisation/entity.cpp
#include "organisation/entity.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/error.hpp"
#include "core/json/fields.hpp"
#include "core/storage/db_error.hpp"
#include "core/text/text.hpp"

namespace tongxin::organisation {

namespace {

namespace json = boost::json;

[[noreturn]] void invalid(const Field& f, const std::string& zh, const std::string& en) {
  throw Error::invalid_field(f.name, f.label_zh + zh, f.name + " " + en);
}

Error not_found(const EntitySpec& spec) {
  return Error::not_found(spec.kind + ".not_found", spec.label_zh + "不存在",
                          spec.label_en + " not found");
}

bool may_write(const EntitySpec& spec, const auth::Principal& p) {
  return p.has_any(spec.writers);
}

std::string columns_of(const EntitySpec& spec) {
  std::string cols = "id, conference_id, archived_at, created_at, updated_at";
  for (const auto& f : spec.fields)
    cols += ", " + f.name;
  return cols;
}

}  // namespace

std::string scope_path(storage::Connection& c, const auth::Principal& p) {
  const auto r = c.q("SELECT path FROM conferences WHERE id = $1", p.conference_id);
  // A user of an unknown conference sees nothing rather than everything.
  return r.empty() ? std::string("/none/") : r.front().text(0);
}

std::vector<std::int64_t> conferences_in_scope(storage::Connection& c, const auth::Principal& p) {
  std::vector<std::int64_t> ids;
  for (const auto& r :
       c.q("SELECT id FROM conferences WHERE path LIKE $1 ORDER BY id", scope_path(c, p) + "%")) {
    ids.push_back(r.int64(0));
  }
  return ids;
}

bool in_scope(storage::Connection& c, const auth::Principal& p, std::int64_t conference_id) {
  const auto r = c.q("SELECT path FROM conferences WHERE id = $1", conference_id);
  return !r.empty() && r.front().text(0).starts_with(scope_path(c, p));
}

json::object row_json(const EntitySpec& spec, const storage::Row& row) {
  json::object o{{"id", row.int64("id")}, {"conference_id", row.int64("conference_id")}};
  for (const auto& f : spec.fields) {
    if (row.is_null(f.name)) {
      o[f.name] = nullptr;
      continue;
    }
    switch (f.type) {
      case FieldType::integer:
      case FieldType::ref:
        o[f.name] = row.int64(f.name);
        break;
      case FieldType::real:
        o[f.name] = row.real(f.name);
        break;
      case FieldType::boolean:
        o[f.name] = row.boolean(f.name);
        break;
      case FieldType::tags:
      case FieldType::object:
        o[f.name] = json::parse(row.text(f.name));
        break;
      default:
        o[f.name] = row.text(f.name);
    }
  }
  o["archived"] = !row.is_null("archived_at");
  o["created_at"] = row.int64("created_at");
  o["updated_at"] = row.int64("updated_at");
  return o;
}

std::optional<json::object> load(storage::Connection& c, const EntitySpec& spec, std::int64_t id) {
  const auto r = c.q("SELECT " + columns_of(spec) + " FROM " + spec.table + " WHERE id = $1", id);
  if (r.empty()) return std::nullopt;
  auto o = row_json(spec, r.front());
  if (spec.decorate) spec.decorate(c, o);
  return o;
}

storage::Value field_value(storage::Connection& c, const ServiceContext& ctx, const Field& f,
                           const json::value& v, std::int64_t conference_id) {
  if (v.is_null()) {
    if (f.required) invalid(f, "不能为空", "is required");
    if (f.type == FieldType::tags) return std::string("[]");
    if (f.type == FieldType::object) return std::string("{}");
    if (f.type == FieldType::text) return std::string();
    return storage::Null{};
  }
  switch (f.type) {
    case FieldType::text:
    case FieldType::enumeration: {
      if (!v.is_string()) invalid(f, "必须是文本", "must be a string");
      std::string s(v.as_string());
      while (!s.empty() && (s.back() == ' ' || s.back() == '\n'))
        s.pop_back();
      while (!s.empty() && s.front() == ' ')
        s.erase(0, 1);
      if (f.required && s.empty()) invalid(f, "不能为空", "is required");
      if (tongxin::json::utf8_length(s) > f.max_chars) {
        invalid(f, "不能超过 " + std::to_string(f.max_chars) + " 字",
                "must be at most " + std::to_string(f.max_chars) + " characters");
      }
      if (f.type == FieldType::enumeration &&
          std::find(f.allowed.begin(), f.allowed.end(), s) == f.allowed.end()) {
        std::string list;
        for (const auto a : f.allowed)
          list += (list.empty() ? "" : ", ") + std::string(a);
        invalid(f, "取值无效，可选：" + list, "must be one of: " + list);
      }
      return s;
    }
    case FieldType::integer:
    case FieldType::ref: {
      if (!v.is_int64()) invalid(f, "必须是整数", "must be an integer");
      const auto n = v.as_int64();
      const auto d = static_cast<double>(n);
      if ((f.min && d < *f.min) || (f.max && d > *f.max)) {
        invalid(f, "超出范围", "is out of range");
      }
      if (f.type == FieldType::ref) {
        const auto r =
            c.q("SELECT conference_id, archived_at FROM " + f.ref_table + " WHERE id = $1", n);
        if (r.empty() || !r.front().is_null("archived_at")) {
          invalid(f, "不存在", "does not exist");
        }
        if (r.front().int64("conference_id") != conference_id) {
          invalid(f, "不属于同一政协", "belongs to another conference");
        }
      }
      return n;
    }
    case FieldType::real: {
      if (!v.is_number()) invalid(f, "必须是数字", "must be a number");
      const double d = v.to_number<double>();
      if ((f.min && d < *f.min) || (f.max && d > *f.max)) invalid(f, "超出范围", "is out of range");
      return d;
    }
    case FieldType::boolean:
      if (!v.is_bool()) invalid(f, "必须是 true 或 false", "must be true or false");
      return v.as_bool();
    case FieldType::tags: {
      if (!v.is_array()) invalid(f, "必须是文本列表", "must be a list of strings");
      json::array out;
      for (const auto& item : v.as_array()) {
        if (!item.is_string() || item.as_string().empty() || item.as_string().size() > 100) {
          invalid(f, "的每一项必须是 1–30 字的文本", "items must be short strings");
        }
        if (!f.allowed.empty() &&
            std::find(f.allowed.begin(), f.allowed.end(), std::string_view(item.as_string())) ==
                f.allowed.end()) {
          invalid(f, "含有无效取值：" + std::string(item.as_string()), "has an invalid item");
        }
        out.push_back(item);
      }
      if (out.size() > 50) invalid(f, "最多 50 项", "has more than 50 items");
      return json::serialize(out);
    }
    case FieldType::object:
      if (!v.is_object()) invalid(f, "必须是对象", "must be an object");
      return json::serialize(v);
    case FieldType::division: {
      if (!v.is_string()) invalid(f, "必须是行政区划代码", "must be a division code");
      const auto* d = ctx.divisions->find(std::string(v.as_string()));
      if (d == nullptr) invalid(f, "不是有效的行政区划代码", "is not a known division code");
      return d->code;
    }
  }
  return storage::Null{};
}

std::int64_t store(storage::Connection& c, const ServiceContext& ctx, const EntitySpec& spec,
                   const audit::Actor& actor, std::int64_t conference_id, const json::object& body,
                   std::optional<std::int64_t> id, json::object merged) {
  std::vector<std::string> names;
  std::vector<storage::Value> values;
  for (const auto& f : spec.fields) {
    const auto* v = body.if_contains(f.name);
    // Absent fields keep their values on update and take the column default on create.
    if (!v && (id || !f.required)) continue;
    static const json::value null_value = nullptr;
    values.push_back(field_value(c, ctx, f, v ? *v : null_value, conference_id));
    names.push_back(f.name);
    merged[f.name] = v ? *v : null_value;
  }
  if (spec.validate) spec.validate(c, merged);
  const auto now = audit::now_ms();
  const auto name_at =
      static_cast<std::size_t>(std::find(names.begin(), names.end(), "name") - names.begin());
  if (name_at < names.size()) {
    const auto key = text::search_key(std::get<std::string>(values[name_at]));
    names.emplace_back("search_key");
    values.emplace_back(key);
  }
  std::int64_t row_id = 0;
  if (id) {
    std::string sql = "UPDATE " + spec.table + " SET updated_at = $1";
    std::vector<storage::Value> params{now};
    for (std::size_t i = 0; i < names.size(); ++i) {
      params.push_back(values[i]);
      sql += ", " + names[i] + " = $" + std::to_string(params.size());
    }
    params.push_back(*id);
    sql += " WHERE id = $" + std::to_string(params.size());
    c.execute(sql, params);
    row_id = *id;
  } else {
    std::string cols = "conference_id, created_at, updated_at";
    std::string marks = "$1, $2, $2";
    std::vector<storage::Value> params{conference_id, now};
    for (std::size_t i = 0; i < names.size(); ++i) {
      params.push_back(values[i]);
      cols += ", " + names[i];
      marks += ", $" + std::to_string(params.size());
    }
    row_id =
        c.query("INSERT INTO " + spec.table + " (" + cols + ") VALUES (" + marks + ") RETURNING id",
                params)
            .front()
            .int64(0);
  }
  if (spec.after_write) spec.after_write(c, row_id, conference_id, body);
  json::object changed;
  for (const auto& n : names) {
    if (n != "search_key" && body.contains(n)) changed[n] = body.at(n);
  }
  audit::record(c, actor, {spec.kind + (id ? ".update" : ".create"), spec.kind, row_id, changed});
  return row_id;
}

EntityPage list_entities(storage::Connection& c, const ServiceContext& ctx, const EntitySpec& spec,
                         const auth::Principal& p, const EntityQuery& query) {
  std::vector<storage::Value> params;
  const auto param = [&](storage::Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  std::string sql = "SELECT " + columns_of(spec) + " FROM " + spec.table +
                    " WHERE conference_id IN (SELECT id FROM conferences WHERE path LIKE " +
                    param(scope_path(c, p) + "%") + ")";
  if (!query.include_archived) sql += " AND archived_at IS NULL";
  for (const auto& [name, value] : query.equal) {
    if (std::find(spec.filters.begin(), spec.filters.end(), name) == spec.filters.end()) {
      throw std::invalid_argument("not a filter of " + spec.kind + ": " + name);
    }
    sql += " AND " + name + " = " + param(value);
  }
  if (query.division_code) {
    const auto* d = ctx.divisions->find(*query.division_code);
    if (d == nullptr) {
      throw Error::invalid_field("division_code", "行政区划代码无效", "unknown division code");
    }
    sql += " AND division_code LIKE " + param(divisions::subtree_prefix(d->code) + "%");
  }
  if (query.q && !query.q->empty()) {
    const auto needle = "%" + storage::Dialect::like_escape(text::normalize(*query.q)) + "%";
    sql += " AND " + c.dialect().ilike("search_key", param(needle));
  }
  if (query.after_id) sql += " AND id > " + param(*query.after_id);
  sql += " ORDER BY id LIMIT " + param(static_cast<std::int64_t>(query.limit) + 1);
  const auto rows = c.query(sql, params);
  EntityPage page;
  const auto limit = static_cast<std::size_t>(query.limit);
  for (std::size_t i = 0; i < rows.size() && i < limit; ++i) {
    auto o = row_json(spec, rows[i]);
    if (spec.decorate) spec.decorate(c, o);
    page.items.push_back(std::move(o));
  }
  if (rows.size() > limit && limit > 0) page.next_after = rows[limit - 1].int64("id");
  return page;
}

json::object get_entity(storage::Connection& c, const EntitySpec& spec, const auth::Principal& p,
                        std::int64_t id) {
  auto o = load(c, spec, id);
  if (!o || !in_scope(c, p, o->at("conference_id").as_int64())) throw not_found(spec);
  return std::move(*o);
}

json::object save_entity(storage::Connection& c, const ServiceContext& ctx, const EntitySpec& spec,
                         const auth::Principal& p, const audit::Actor& actor,
                         std::optional<std::int64_t> id, const json::object& body) {
  for (const auto& entry : body) {
    const std::string_view key = entry.key();  // a plain variable: clang 14 cannot capture bindings
    const bool known = key == "conference_id" || key == "member_ids" ||
                       std::any_of(spec.fields.begin(), spec.fields.end(),
                                   [&](const Field& f) { return f.name == key; });
    if (!known) {
      throw Error(400, "validation.unknown_field", "不支持的字段：" + std::string(key),
                  "unknown field: " + std::string(key), json::object{{"field", key}});
    }
  }
  std::int64_t conference_id = p.conference_id;
  json::object merged;
  if (id) {
    auto existing = load(c, spec, *id);
    if (!existing || !in_scope(c, p, existing->at("conference_id").as_int64())) {
      throw not_found(spec);
    }
    if (!may_write(spec, p) && !(spec.may_update && spec.may_update(p, *id))) {
      throw Error::forbidden("auth.forbidden", "无权修改此" + spec.label_zh,
                             "you may not change this " + spec.label_en);
    }
    conference_id = existing->at("conference_id").as_int64();
    if (body.contains("conference_id") &&
        body.at("conference_id") != existing->at("conference_id")) {
      throw Error::invalid_field("conference_id", "不能修改所属政协",
                                 "conference_id cannot change");
    }
    merged = std::move(*existing);
  } else {
    if (!may_write(spec, p)) {
      throw Error::forbidden("auth.forbidden", "无权新建" + spec.label_zh,
                             "you may not create a " + spec.label_en);
    }
    if (const auto* v = body.if_contains("conference_id"); v && !v->is_null()) {
      if (!v->is_int64()) {
        throw Error::invalid_field("conference_id", "所属政协必须是整数",
                                   "conference_id must be an integer");
      }
      conference_id = v->as_int64();
    }
    if (!in_scope(c, p, conference_id)) {
      throw Error::invalid_field("conference_id", "所属政协不存在或不在您的管辖范围内",
                                 "conference not found or outside your scope");
    }
  }
  const auto row_id = store(c, ctx, spec, actor, conference_id, body, id, std::move(merged));
  return *load(c, spec, row_id);
}

json::object archive_entity(storage::Connection& c, const EntitySpec& spec,
                            const auth::Principal& p, const audit::Actor& actor, std::int64_t id) {
  const auto o = get_entity(c, spec, p, id);
  if (!may_write(spec, p)) {
    throw Error::forbidden("auth.forbidden", "无权归档此" + spec.label_zh,
                           "you may not archive this " + spec.label_en);
  }
  c.q("UPDATE " + spec.table +
          " SET archived_at = $1, updated_at = $1 WHERE id = $2 AND archived_at IS NULL",
      audit::now_ms(), id);
  audit::record(c, actor, {spec.kind + ".archive", spec.kind, id, nullptr});
  return *load(c, spec, id);
}

}  // namespace tongxin::organisation
