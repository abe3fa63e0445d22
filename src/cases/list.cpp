// src/cases/list.cpp
#include "cases/list.hpp"

#include <cstdio>

#include "cases/internal.hpp"
#include "cases/snippet.hpp"
#include "core/divisions/divisions.hpp"
#include "core/json/fields.hpp"
#include "core/text/analyzer.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::cases {

namespace json = boost::json;

namespace {

class Params {
 public:
  std::string add(storage::Value v) {
    values_.push_back(std::move(v));
    return "$" + std::to_string(values_.size());
  }
  const std::vector<storage::Value>& values() const { return values_; }

 private:
  std::vector<storage::Value> values_;
};

std::string format_rank(double r) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", r);
  return buf;
}

}  // namespace

CasePage list_cases(storage::Connection& c, const auth::Principal& p, const ListFilter& f,
                    std::int64_t now_ms) {
  Params params;
  std::vector<std::string> where;

  // Row-level access first: what this account may see at all.
  if (f.mine) {
    if (!p.member_id) return CasePage{};
    where.push_back("c.member_id = " + params.add(*p.member_id));
  } else if (p.has(auth::Role::staff) || p.has(auth::Role::leader)) {
    const auto scope = organisation::conferences_in_scope(c, p);
    if (scope.empty()) return CasePage{};
    std::string in;
    for (const auto id : scope)
      in += (in.empty() ? "" : ", ") + params.add(id);
    where.push_back("c.conference_id IN (" + in + ")");
  } else if (p.has(auth::Role::studio_lead) && p.studio_id) {
    where.push_back("(c.studio_id = " + params.add(*p.studio_id) +
                    (p.member_id ? " OR c.member_id = " + params.add(*p.member_id) : "") + ")");
  } else if (p.member_id) {
    where.push_back("c.member_id = " + params.add(*p.member_id));
  } else {
    throw Error::forbidden("case.no_access", "您的账户无权查看诉求", "no access to cases");
  }

  if (!f.statuses.empty()) {
    std::string in;
    for (const auto& s : f.statuses) {
      if (!parse_status(s)) {
        throw Error::invalid_field("status", "未知的状态：" + s, "unknown status: " + s);
      }
      in += (in.empty() ? "" : ", ") + params.add(s);
    }
    where.push_back("c.status IN (" + in + ")");
  }
  if (f.studio_id) where.push_back("c.studio_id = " + params.add(*f.studio_id));
  if (f.member_id) where.push_back("c.member_id = " + params.add(*f.member_id));
  if (f.sector_id) where.push_back("c.sector_id = " + params.add(*f.sector_id));
  if (f.cluster_id) where.push_back("c.cluster_id = " + params.add(*f.cluster_id));
  if (f.division_code) {
    const auto [first, second] = divisions::subtree_range(*f.division_code);
    where.push_back("c.division_code >= " + params.add(first) + " AND c.division_code < " +
                    params.add(second));
  }
  if (f.unsatisfied) where.push_back("c.rating = 'unsatisfied'");
  if (f.escalated) where.push_back("c.escalation_level > 0");
  // Overdue is two conditions, one per state with a deadline; each is its own branch below
  // so that either engine can walk cases_status_scan for it.
  std::string now;
  if (f.overdue) now = params.add(now_ms);
  const std::string claim_overdue = "c.status = 'assigned' AND c.claim_due_at < " + now;
  const std::string reply_overdue = "c.status = 'in_progress' AND c.reply_due_at < " + now;

  const auto terms = text::query_terms(f.q);
  const bool searching = !f.q.empty();
  if (searching && terms.empty()) {
    return CasePage{};
  }
  const auto conjunction = [](const std::vector<std::string>& terms_sql) {
    std::string out;
    for (const auto& t : terms_sql)
      out += (out.empty() ? " WHERE " : " AND ") + t;
    return out;
  };
  const std::string columns =
      "c.id, c.tracking_code, c.channel, c.title, c.text, c.address, c.division_code,"
      " c.studio_id, c.member_id, c.status, c.outcome, c.rating, c.cluster_id,"
      " c.escalation_level, c.claim_due_at, c.reply_due_at, c.created_at, c.updated_at";
  std::string sql;
  if (searching) {
    // Ranking scores each match; a common word matches tens of thousands of cases, so the
    // score is taken over the search_candidates newest matches that pass the filters
    // (docs/decisions/019). Paging is keyset on (rank, id) within that set.
    if (f.overdue) where.push_back("((" + claim_overdue + ") OR (" + reply_overdue + "))");
    const auto cap = params.add(f.search_candidates);
    const auto inner = case_search_index().ranked_candidates(
        c, "c", columns, where, terms, [&](storage::Value v) { return params.add(std::move(v)); },
        cap);
    std::string outer_where;
    if (f.cursor) {
      double key = 0;
      try {
        key = std::stod(f.cursor->key);
      } catch (const std::exception&) {
        throw Error::bad_request("paging.bad_cursor", "分页参数无效", "malformed cursor");
      }
      const auto k = params.add(key);
      outer_where = " WHERE (c.rank > " + k + " OR (c.rank = " + k + " AND c.id > " +
                    params.add(f.cursor->id) + "))";
    }
    sql = "SELECT c.*, count(*) OVER () AS candidates FROM (" + inner + ") c" + outer_where +
          " ORDER BY c.rank, c.id LIMIT " + params.add(f.limit + 1);
  } else {
    if (f.cursor) where.push_back("c.id < " + params.add(f.cursor->id));
    const auto limit = params.add(f.limit + 1);
    if (f.overdue) {
      // Only ids come out of the branches (from the index alone); rows are read for the page.
      auto claim = where, reply = where;
      claim.push_back(claim_overdue);
      reply.push_back(reply_overdue);
      sql = "SELECT " + columns + ", 0 AS rank FROM cases c WHERE c.id IN (SELECT o.id FROM" +
            " (SELECT c.id FROM cases c" + conjunction(claim) +
            " UNION ALL SELECT c.id FROM cases c" + conjunction(reply) +
            ") o ORDER BY o.id DESC LIMIT " + limit + ") ORDER BY c.id DESC";
    } else {
      sql = "SELECT " + columns + ", 0 AS rank FROM cases c" + conjunction(where) +
            " ORDER BY c.id DESC LIMIT " + limit;
    }
  }

  const auto rows = c.query(sql, params.values());
  std::vector<std::int64_t> member_ids, studio_ids;
  for (const auto& r : rows) {
    if (const auto m = r.opt_int64("member_id")) member_ids.push_back(*m);
    if (const auto s = r.opt_int64("studio_id")) studio_ids.push_back(*s);
  }
  const auto member_names = organisation::names_of_members(c, member_ids);
  const auto studio_names = organisation::names_of_studios(c, studio_ids);

  CasePage page;
  const auto n = std::min(rows.size(), static_cast<std::size_t>(f.limit));
  for (std::size_t i = 0; i < n; ++i) {
    const auto r = rows[i];
    const auto status = parse_status(r.text("status")).value_or(Status::submitted);
    CaseRow k;
    k.status = status;
    k.claim_due_at = r.opt_int64("claim_due_at");
    k.reply_due_at = r.opt_int64("reply_due_at");
    CaseListItem item;
    item.id = r.int64("id");
    item.tracking_code = r.text("tracking_code");
    item.channel = r.text("channel");
    item.title = r.text("title");
    item.address = r.text("address");
    item.division_code = r.opt_text("division_code");
    item.status = r.text("status");
    item.outcome = r.opt_text("outcome");
    item.rating = r.opt_text("rating");
    item.cluster_id = r.opt_int64("cluster_id");
    item.escalation_level = r.int64("escalation_level");
    item.claim_due_at = k.claim_due_at;
    item.reply_due_at = k.reply_due_at;
    item.overdue = is_overdue(k, now_ms);
    item.created_at = r.int64("created_at");
    item.updated_at = r.int64("updated_at");
    item.snippet = snippet_html(r.text("text"), terms, searching ? 80 : 60);
    item.member_id = r.opt_int64("member_id");
    if (item.member_id && member_names.count(*item.member_id)) {
      item.member_name = member_names.at(*item.member_id);
    }
    item.studio_id = r.opt_int64("studio_id");
    if (item.studio_id && studio_names.count(*item.studio_id)) {
      item.studio_name = studio_names.at(*item.studio_id);
    }
    if (searching) item.rank = r.real("rank");
    page.items.push_back(std::move(item));
  }
  if (rows.size() > static_cast<std::size_t>(f.limit)) {
    const auto last = rows[n - 1];
    page.next_cursor = paging::encode(
        {searching ? format_rank(last.real("rank")) : std::string(), last.int64("id")});
  }
  if (searching && !f.cursor) {
    page.search_capped = !rows.empty() && rows.front().int64("candidates") >= f.search_candidates;
  }
  return page;
}

json::object list_json(const CasePage& page) {
  using tongxin::json::nullable;
  json::array items;
  for (const auto& i : page.items) {
    const auto status = parse_status(i.status).value_or(Status::submitted);
    json::object o{{"id", i.id},
                   {"tracking_code", i.tracking_code},
                   {"channel", i.channel},
                   {"title", i.title},
                   {"address", i.address},
                   {"division_code", nullable(i.division_code)},
                   {"status", i.status},
                   {"status_label", status_label_zh(status)},
                   {"outcome", nullable(i.outcome)},
                   {"rating", nullable(i.rating)},
                   {"cluster_id", nullable(i.cluster_id)},
                   {"escalation_level", i.escalation_level},
                   {"claim_due_at", nullable(i.claim_due_at)},
                   {"reply_due_at", nullable(i.reply_due_at)},
                   {"overdue", i.overdue},
                   {"created_at", i.created_at},
                   {"updated_at", i.updated_at},
                   {"snippet", i.snippet}};
    o["member_id"] = nullable(i.member_id);
    if (i.member_id) o["member_name"] = i.member_name;
    o["studio_id"] = nullable(i.studio_id);
    if (i.studio_id) o["studio_name"] = i.studio_name;
    if (i.rank) o["rank"] = *i.rank;
    items.push_back(std::move(o));
  }
  json::object out{{"items", std::move(items)}, {"next_cursor", nullable(page.next_cursor)}};
  if (page.search_capped) out["search_capped"] = *page.search_capped;
  return out;
}

}  // namespace tongxin::cases
