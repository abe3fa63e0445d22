// src/outputs/read.cpp
//
// Reading outputs: one item whole, lists by role, and what the duty record needs. Reads
// only.
#include <algorithm>

#include "core/json/fields.hpp"
#include "core/paging.hpp"
#include "core/storage/dialect.hpp"
#include "organisation/briefs.hpp"
#include "outputs/errors.hpp"
#include "outputs/internal.hpp"
#include "outputs/outputs.hpp"

namespace tongxin::outputs {

namespace json = boost::json;

namespace {

std::string join_ids(const std::vector<std::int64_t>& ids) {
  std::string out;
  for (const auto id : ids) {
    if (!out.empty()) out += ",";
    out += std::to_string(id);
  }
  return out.empty() ? "0" : out;
}

std::optional<OutputLink> link_of(storage::Connection& c, std::optional<std::int64_t> id) {
  if (!id) return std::nullopt;
  const auto o = find_output(c, *id);
  if (!o) return std::nullopt;
  return OutputLink{o->id, o->kind, o->title, o->status};
}

bool is_manager(const auth::Principal& p) {
  return p.has_any({auth::Role::staff, auth::Role::admin, auth::Role::leader});
}

}  // namespace

OutputDetail get_output(storage::Connection& c, const auth::Principal& p, Kind kind,
                        std::int64_t id) {
  const auto found = find_output(c, id);
  if (!found || found->kind != kind || !may_read(c, p, *found)) throw not_found(kind);
  const auto& o = *found;
  OutputDetail d;
  d.brief = brief_of(c, o, audit::now_ms());
  d.body = o.body;
  d.sector_id = o.sector_id;
  d.studio_id = o.studio_id;
  d.term = o.term;
  d.session = o.session;
  d.in_session = o.in_session;
  d.handling_mode = o.handling_mode;
  d.reply = o.reply_text;
  d.replied_at = o.replied_at;
  d.rating_comment = o.rating_comment;
  d.redo_count = o.redo_count;
  d.extension_days = o.extension_days;
  d.source_case_id = o.source_case_id;
  d.source = link_of(c, o.source_output_id);
  d.converted_to = link_of(c, o.converted_to_id);
  d.merged_into = link_of(c, o.merged_into_id);
  for (const auto& r : c.q("SELECT id FROM outputs WHERE merged_into_id = $1 ORDER BY id", o.id)) {
    if (auto l = link_of(c, r.int64(0))) d.merged_items.push_back(std::move(*l));
  }

  const auto authors = authors_of(c, o.id);
  std::vector<std::int64_t> ids;
  for (const auto& a : authors)
    ids.push_back(a.member_id);
  const auto names = organisation::names_of_members(c, ids);
  for (const auto& a : authors) {
    const auto it = names.find(a.member_id);
    d.authors.push_back(
        {a.member_id, it == names.end() ? "" : it->second, a.position, a.confirmed_at.has_value()});
  }

  const auto agency_rows =
      c.q("SELECT agency_id, role, status, assigned_at, signed_at, replied_at, reply_text, note"
          " FROM output_agencies WHERE output_id = $1 ORDER BY role DESC, agency_id",
          o.id);
  std::vector<std::int64_t> agency_ids;
  for (const auto& r : agency_rows)
    agency_ids.push_back(r.int64(0));
  const auto agency_names = organisation::names_of_agencies(c, agency_ids);
  for (const auto& r : agency_rows) {
    const auto name = agency_names.find(r.int64(0));
    d.agencies.push_back({r.int64(0), name == agency_names.end() ? "" : name->second, r.text(1),
                          r.text(2), r.int64(3), r.opt_int64("signed_at"),
                          r.opt_int64("replied_at"), r.opt_text("reply_text"), r.text(7)});
  }

  for (const auto& r : c.q("SELECT kind, level, by_whom, text, occurred_on FROM output_outcomes"
                           " WHERE output_id = $1 ORDER BY id",
                           o.id)) {
    d.outcomes.push_back({r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)});
  }

  for (const auto& r : c.q("SELECT id, at, action, from_status, to_status, party, actor_label,"
                           " note, detail FROM output_events WHERE output_id = $1 ORDER BY id",
                           o.id)) {
    boost::system::error_code ec;
    auto detail = json::parse(r.text(8), ec);
    d.events.push_back({r.int64(0), r.int64(1), r.text(2), r.text(3), r.text(4), r.text(5),
                        r.text(6), r.text(7),
                        ec ? json::value(json::object{}) : std::move(detail)});
  }

  d.parties = parties_of(c, p, o);
  d.allowed_actions = allowed_actions(workflow(kind), o.status, d.parties);
  return d;
}

OutputPage find_outputs(storage::Connection& c, const auth::Principal& p, Kind kind,
                        const ListQuery& q, std::int64_t now_ms) {
  const auto& w = workflow(kind);
  std::vector<std::string> where{"o.kind = $1"};
  std::vector<storage::Value> params{storage::to_value(std::string(kind_name(kind)))};
  auto param = [&](storage::Value v) {
    params.push_back(std::move(v));
    return "$" + std::to_string(params.size());
  };
  const bool manager = is_manager(p) && !q.mine;
  if (manager) {
    auto scope = organisation::conferences_in_scope(c, p);
    if (q.conference_id) {
      if (std::find(scope.begin(), scope.end(), *q.conference_id) == scope.end()) {
        throw errors::conference_out_of_scope();
      }
      scope = {*q.conference_id};
    }
    where.push_back("o.conference_id IN (" + join_ids(scope) + ")");
    where.push_back("o.status <> 'draft'");
    if (q.member_id) {
      where.push_back("o.id IN (SELECT output_id FROM output_authors WHERE member_id = " +
                      param(storage::to_value(*q.member_id)) + ")");
    }
    if (q.agency_id) {
      where.push_back("o.id IN (SELECT output_id FROM output_agencies WHERE agency_id = " +
                      param(storage::to_value(*q.agency_id)) + " AND status <> 'withdrawn')");
    }
  } else if (p.agency_id && p.has(auth::Role::agency)) {
    where.push_back("o.id IN (SELECT output_id FROM output_agencies WHERE agency_id = " +
                    param(storage::to_value(*p.agency_id)) + " AND status <> 'withdrawn')");
  } else if (p.member_id) {
    where.push_back("o.id IN (SELECT output_id FROM output_authors WHERE member_id = " +
                    param(storage::to_value(*p.member_id)) + ")");
  } else if (p.has(auth::Role::studio_lead) && p.studio_id) {
    where.push_back("o.studio_id = " + param(storage::to_value(*p.studio_id)));
    where.push_back("o.status <> 'draft'");
  } else {
    throw Error::forbidden("output.no_access", "您无权查看该列表", "no access to this list");
  }
  if (q.status) {
    if (!is_state(w, *q.status)) {
      throw Error::invalid_field("status", "状态不正确：" + *q.status, "unknown status");
    }
    where.push_back("o.status = " + param(storage::to_value(*q.status)));
  }
  if (q.overdue) {
    where.push_back("o.due_at IS NOT NULL AND o.due_at < " + param(storage::to_value(now_ms)));
  }
  if (q.q && !q.q->empty()) {
    where.push_back(c.dialect().ilike(
        "o.title", param(storage::to_value("%" + storage::Dialect::like_escape(*q.q) + "%"))));
  }
  if (const auto cursor = paging::decode(q.cursor)) {
    where.push_back("o.id < " + param(storage::to_value(cursor->id)));
  }
  std::string sql = "SELECT o.id FROM outputs o WHERE ";
  for (std::size_t i = 0; i < where.size(); ++i)
    sql += (i ? " AND " : "") + where[i];
  sql += " ORDER BY o.id DESC LIMIT " + std::to_string(q.limit + 1);
  const auto rows = c.query(sql, params);
  OutputPage page;
  for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(q.limit); ++i) {
    if (const auto o = find_output(c, rows[i].int64(0)))
      page.items.push_back(brief_of(c, *o, now_ms));
  }
  if (const auto next = paging::next_by_id(rows, static_cast<std::size_t>(q.limit));
      next.is_string()) {
    page.next_cursor = std::string(next.as_string());
  }
  return page;
}

std::vector<Authored> authored_outputs(storage::Connection& c, std::int64_t member_id,
                                       std::int64_t from_ms, std::int64_t to_ms) {
  std::vector<Authored> out;
  for (const auto& r :
       c.q("SELECT o.id, o.kind, o.title, o.status, o.authorship, a.position, o.accepted_at,"
           " o.is_excellent, (SELECT COUNT(*) FROM output_authors x WHERE x.output_id = o.id)"
           " FROM output_authors a JOIN outputs o ON o.id = a.output_id WHERE a.member_id = $1"
           " AND o.accepted_at >= $2 AND o.accepted_at < $3 ORDER BY o.accepted_at, o.id",
           member_id, from_ms, to_ms)) {
    Authored a;
    a.id = r.int64(0);
    a.kind = parse_kind(r.text(1)).value_or(Kind::micro_suggestion);
    a.title = r.text(2);
    a.status = r.text(3);
    a.authorship = r.text(4);
    a.position = static_cast<int>(r.int64(5));
    a.accepted_at = r.int64(6);
    a.is_excellent = r.boolean(7);
    a.authors = static_cast<int>(r.int64(8));
    for (const auto& i : c.q("SELECT id, occurred_on, by_whom FROM output_outcomes WHERE"
                             " output_id = $1 AND kind = 'instruction' ORDER BY id",
                             a.id)) {
      a.instructions.push_back({i.int64(0), i.text(1), i.text(2)});
    }
    out.push_back(std::move(a));
  }
  return out;
}

json::array outputs_of_member(storage::Connection& c, std::int64_t member_id, std::int64_t from_ms,
                              std::int64_t to_ms, int limit) {
  json::array out;
  for (const auto& r : c.q("SELECT o.id FROM output_authors a JOIN outputs o ON o.id ="
                           " a.output_id WHERE a.member_id = $1 AND o.status <> 'draft' AND"
                           " o.submitted_at >= $2 AND o.submitted_at < $3 ORDER BY o.submitted_at"
                           " DESC, o.id DESC LIMIT $4",
                           member_id, from_ms, to_ms, limit)) {
    if (const auto o = find_output(c, r.int64(0))) out.emplace_back(brief_json(c, *o, to_ms));
  }
  return out;
}

}  // namespace tongxin::outputs
