// src/organisation/figures.cpp
//
// A studio or station counts as built in a period when it was created by the period's end
// and not archived before its start: the seeds' "122 studios" are the ones standing.
#include "organisation/figures.hpp"

#include <string>

#include "organisation/briefs.hpp"

namespace tongxin::organisation {

namespace {

std::vector<std::int64_t> ids(const storage::Result& rows) {
  std::vector<std::int64_t> out;
  for (const auto& r : rows)
    out.push_back(r.int64(0));
  return out;
}

std::optional<std::int64_t> first(const storage::Result& rows) {
  if (rows.empty()) return std::nullopt;
  return rows.front().int64(0);
}

}  // namespace

std::vector<std::int64_t> conference_and_below(storage::Connection& c, std::int64_t id) {
  const auto path = conference_path(c, id);
  if (path.empty()) return {};
  // conferences_path: one prefix seek.
  return ids(c.q("SELECT id FROM conferences WHERE path LIKE $1 ORDER BY id", path + "%"));
}

std::optional<std::int64_t> conference_of_sector(storage::Connection& c, std::int64_t sector_id) {
  return first(c.q("SELECT conference_id FROM sectors WHERE id = $1", sector_id));
}

std::optional<std::int64_t> conference_of_committee(storage::Connection& c,
                                                    std::int64_t committee_id) {
  return first(c.q("SELECT conference_id FROM committees WHERE id = $1", committee_id));
}

std::optional<std::int64_t> conference_of_studio(storage::Connection& c, std::int64_t studio_id) {
  return first(c.q("SELECT conference_id FROM studios WHERE id = $1", studio_id));
}

std::vector<std::int64_t> member_ids_of_sector(storage::Connection& c, std::int64_t sector_id) {
  return ids(c.q("SELECT id FROM members WHERE sector_id = $1 ORDER BY id", sector_id));
}

std::vector<std::int64_t> member_ids_of_committee(storage::Connection& c,
                                                  std::int64_t committee_id) {
  return ids(c.q("SELECT id FROM members WHERE committee_id = $1 ORDER BY id", committee_id));
}

std::vector<std::int64_t> member_ids_of_studio(storage::Connection& c, std::int64_t studio_id) {
  return ids(c.q("SELECT member_id FROM studio_members WHERE studio_id = $1 ORDER BY member_id",
                 studio_id));
}

std::optional<figures::Query> figure_query(std::string_view key, const figures::Filter& f) {
  if (key != "studios_built") return std::nullopt;
  // studios_conference (conference_id, id).
  std::string w = "FROM studios s WHERE s.conference_id IN (" + figures::id_list(f.conference_ids) +
                  ") AND s.created_at <= $2 AND (s.archived_at IS NULL OR s.archived_at >= $1)";
  if (f.studio_id) w += " AND s.id = " + std::to_string(*f.studio_id);
  if (f.member_ids) {
    w += " AND EXISTS (SELECT 1 FROM studio_members sm WHERE sm.studio_id = s.id AND"
         " sm.member_id IN (" +
         figures::id_list(*f.member_ids) + "))";
  }
  return figures::Query{.from_where = w,
                        .id_column = "s.id",
                        .row_columns = "s.name, s.created_at, s.kind, s.id, NULL",
                        .kind = "studio"};
}

}  // namespace tongxin::organisation
