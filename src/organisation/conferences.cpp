// src/organisation/conferences.cpp
//
// Conferences form the tree every visibility rule hangs on: a user sees their conference
// and those below it. Each row keeps its materialised path "/root/…/self/".
#include <boost/json.hpp>

#include "core/error.hpp"
#include "core/text/text.hpp"
#include "organisation/briefs.hpp"
#include "organisation/organisation.hpp"

namespace tongxin::organisation {

namespace {

namespace json = boost::json;

const std::vector<std::string_view> kLevels{"national", "provincial", "city", "county"};

int level_rank(std::string_view level) {
  for (std::size_t i = 0; i < kLevels.size(); ++i) {
    if (kLevels[i] == level) return static_cast<int>(i);
  }
  return -1;
}

Conference conference_of(const storage::Row& r) {
  return {.id = r.int64("id"),
          .name = r.text("name"),
          .short_name = r.text("short_name"),
          .level = r.text("level"),
          .division_code = r.text("division_code"),
          .parent_id = r.opt_int64("parent_id"),
          .term = r.int64("term"),
          .archived = !r.is_null("archived_at")};
}

}  // namespace

std::int64_t create_conference(storage::Connection& c, const ServiceContext& ctx,
                               const audit::Actor& actor, const NewConference& n) {
  if (n.name.empty()) throw Error::invalid_field("name", "名称不能为空", "name is required");
  const int rank = level_rank(n.level);
  if (rank < 0) {
    throw Error::invalid_field("level", "级别无效，可选：national, provincial, city, county",
                               "level must be national, provincial, city or county");
  }
  const auto* d = ctx.divisions->find(n.division_code);
  if (d == nullptr && n.level != "national") {
    throw Error::invalid_field("division_code", "行政区划代码无效", "unknown division code");
  }
  std::string parent_path = "/";
  if (n.parent_id) {
    const auto p = c.q("SELECT path, level FROM conferences WHERE id = $1 AND archived_at IS NULL",
                       *n.parent_id);
    if (p.empty()) throw Error::invalid_field("parent_id", "上级政协不存在", "parent not found");
    if (level_rank(p.front().text("level")) >= rank) {
      throw Error::invalid_field("parent_id", "上级政协的级别必须高于本级",
                                 "the parent must be of a higher level");
    }
    parent_path = p.front().text("path");
  }
  const auto now = audit::now_ms();
  const auto id =
      c.q("INSERT INTO conferences (name, short_name, level, division_code, parent_id,"
          " term, search_key, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)"
          " RETURNING id",
          n.name, n.short_name, n.level, d ? d->code : std::string("000000000000"), n.parent_id,
          n.term, text::search_key(n.name), now)
          .front()
          .int64(0);
  c.q("UPDATE conferences SET path = $1 WHERE id = $2", parent_path + std::to_string(id) + "/", id);
  audit::record(c, actor, {"conference.create", "conference", id, json::object{{"name", n.name}}});
  return id;
}

std::optional<Conference> find_conference(storage::Connection& c, std::int64_t id) {
  const auto r = c.q("SELECT * FROM conferences WHERE id = $1", id);
  if (r.empty()) return std::nullopt;
  return conference_of(r.front());
}

ConferencePage list_conferences(storage::Connection& c, const auth::Principal& p,
                                std::string_view q, std::int64_t after_id, std::size_t limit) {
  const auto rows =
      c.q("SELECT * FROM conferences WHERE path LIKE $1 AND archived_at IS NULL AND id > $2"
          " AND " +
              c.dialect().ilike("search_key", "$3") + " ORDER BY id LIMIT $4",
          scope_path(c, p) + "%", after_id,
          "%" + storage::Dialect::like_escape(text::normalize(q)) + "%",
          static_cast<std::int64_t>(limit + 1));
  ConferencePage page;
  page.more = rows.size() > limit;
  for (std::size_t i = 0; i < rows.size() && i < limit; ++i)
    page.items.push_back(conference_of(rows[i]));
  return page;
}

void update_conference(storage::Connection& c, const audit::Actor& actor, std::int64_t id,
                       const ConferenceChange& change, const boost::json::value& detail) {
  if (change.name) {
    if (change.name->empty())
      throw Error::invalid_field("name", "名称不能为空", "name is required");
    c.q("UPDATE conferences SET name = $1, search_key = $2 WHERE id = $3", *change.name,
        text::search_key(*change.name), id);
  }
  if (change.short_name)
    c.q("UPDATE conferences SET short_name = $1 WHERE id = $2", *change.short_name, id);
  if (change.term) c.q("UPDATE conferences SET term = $1 WHERE id = $2", *change.term, id);
  c.q("UPDATE conferences SET updated_at = $1 WHERE id = $2", audit::now_ms(), id);
  audit::record(c, actor, {"conference.update", "conference", id, detail});
}

std::vector<NationalSector> national_sectors(storage::Connection& c) {
  std::vector<NationalSector> out;
  for (const auto r : c.q("SELECT id, name FROM national_sectors ORDER BY sort_order"))
    out.push_back({r.int64("id"), r.text("name")});
  return out;
}

}  // namespace tongxin::organisation
