// src/organisation/briefs.cpp
#include "organisation/briefs.hpp"

#include <boost/json.hpp>
#include <map>

namespace tongxin::organisation {

namespace {

std::vector<std::string> tags(const std::string& json_text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  const auto v = boost::json::parse(json_text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& t : v.as_array()) {
    if (t.is_string()) out.emplace_back(t.as_string());
  }
  return out;
}

constexpr const char* kMemberSelect =
    "SELECT m.id, m.conference_id, m.name, m.sector_id, m.committee_id,"
    " COALESCE(s.name, '') AS sector_name,"
    " COALESCE(n.name, '') AS national_sector_name, m.expertise, m.resources, m.division_code,"
    " m.is_public, m.posts FROM members m LEFT JOIN sectors s ON s.id = m.sector_id"
    " LEFT JOIN national_sectors n ON n.id = s.national_sector_id";

MemberBrief member_from_row(const storage::Row& r) {
  MemberBrief m;
  m.id = r.int64("id");
  m.conference_id = r.int64("conference_id");
  m.name = r.text("name");
  m.sector_id = r.opt_int64("sector_id");
  m.committee_id = r.opt_int64("committee_id");
  m.sector_name = r.text("sector_name");
  m.national_sector_name = r.text("national_sector_name");
  m.expertise = tags(r.text("expertise"));
  m.resources = tags(r.text("resources"));
  m.division_code = r.opt_text("division_code");
  m.is_public = r.boolean("is_public");
  m.posts = tags(r.text("posts"));
  return m;
}

}  // namespace

std::optional<MemberBrief> find_member(storage::Connection& c, std::int64_t id) {
  const auto rows =
      c.q(std::string(kMemberSelect) + " WHERE m.id = $1 AND m.archived_at IS NULL", id);
  if (rows.empty()) return std::nullopt;
  auto m = member_from_row(rows.front());
  for (const auto& r : c.q("SELECT st.id, st.name, st.division_code FROM studio_members sm"
                           " JOIN studios st ON st.id = sm.studio_id WHERE sm.member_id = $1"
                           " AND st.archived_at IS NULL ORDER BY st.id",
                           id)) {
    m.studios.push_back({r.int64(0), r.text(1), r.text(2)});
  }
  return m;
}

std::vector<MemberBrief> members_of_conference(storage::Connection& c, std::int64_t conference_id) {
  std::vector<MemberBrief> out;
  std::map<std::int64_t, std::size_t> index;
  for (const auto& r :
       c.q(std::string(kMemberSelect) +
               " WHERE m.conference_id = $1 AND m.archived_at IS NULL ORDER BY m.id",
           conference_id)) {
    index[r.int64("id")] = out.size();
    out.push_back(member_from_row(r));
  }
  for (const auto& r :
       c.q("SELECT sm.member_id, st.id, st.name, st.division_code FROM studio_members sm"
           " JOIN studios st ON st.id = sm.studio_id WHERE st.conference_id = $1"
           " AND st.archived_at IS NULL ORDER BY st.id",
           conference_id)) {
    const auto it = index.find(r.int64(0));
    if (it != index.end()) out[it->second].studios.push_back({r.int64(1), r.text(2), r.text(3)});
  }
  return out;
}

std::vector<MemberBrief> live_members_after(storage::Connection& c, std::int64_t after_id,
                                            int limit) {
  std::vector<MemberBrief> out;
  for (const auto& r : c.q(std::string(kMemberSelect) +
                               " WHERE m.id > $1 AND m.archived_at IS NULL ORDER BY m.id LIMIT $2",
                           after_id, limit)) {
    out.push_back(member_from_row(r));
  }
  return out;
}

std::optional<StudioBrief> find_studio(storage::Connection& c, std::int64_t id) {
  const auto rows =
      c.q("SELECT id, conference_id, name, division_code, status FROM studios"
          " WHERE id = $1 AND archived_at IS NULL",
          id);
  if (rows.empty()) return std::nullopt;
  const auto r = rows.front();
  return StudioBrief{r.int64(0), r.int64(1), r.text(2), r.text(3), r.text(4)};
}

std::optional<AgencyBrief> find_agency(storage::Connection& c, std::int64_t id) {
  const auto rows =
      c.q("SELECT id, conference_id, name FROM agencies WHERE id = $1 AND archived_at IS NULL", id);
  if (rows.empty()) return std::nullopt;
  const auto r = rows.front();
  return AgencyBrief{r.int64(0), r.int64(1), r.text(2)};
}

std::optional<CommitteeBrief> find_committee(storage::Connection& c, std::int64_t id) {
  const auto rows = c.q(
      "SELECT id, conference_id, name FROM committees WHERE id = $1 AND archived_at IS NULL", id);
  if (rows.empty()) return std::nullopt;
  const auto r = rows.front();
  return CommitteeBrief{r.int64(0), r.int64(1), r.text(2)};
}

std::string conference_path(storage::Connection& c, std::int64_t conference_id) {
  const auto r = c.q("SELECT path FROM conferences WHERE id = $1", conference_id);
  return r.empty() ? std::string() : r.front().text(0);
}

}  // namespace tongxin::organisation

namespace tongxin::organisation {

namespace {

std::map<std::int64_t, std::string> names_of(storage::Connection& c, const char* table,
                                             const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::string> out;
  if (ids.empty()) return out;
  std::vector<storage::Value> params;
  std::string in;
  for (const auto id : ids) {
    params.emplace_back(id);
    in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  for (const auto& r : c.query(
           std::string("SELECT id, name FROM ") + table + " WHERE id IN (" + in + ")", params)) {
    out[r.int64(0)] = r.text(1);
  }
  return out;
}

}  // namespace

std::map<std::int64_t, std::string> names_of_members(storage::Connection& c,
                                                     const std::vector<std::int64_t>& ids) {
  return names_of(c, "members", ids);
}

std::map<std::int64_t, std::string> names_of_studios(storage::Connection& c,
                                                     const std::vector<std::int64_t>& ids) {
  return names_of(c, "studios", ids);
}

std::map<std::int64_t, std::string> names_of_sectors(storage::Connection& c,
                                                     const std::vector<std::int64_t>& ids) {
  return names_of(c, "sectors", ids);
}

std::map<std::int64_t, std::string> names_of_committees(storage::Connection& c,
                                                        const std::vector<std::int64_t>& ids) {
  return names_of(c, "committees", ids);
}

std::map<std::int64_t, std::string> names_of_agencies(storage::Connection& c,
                                                      const std::vector<std::int64_t>& ids) {
  return names_of(c, "agencies", ids);
}

std::map<std::int64_t, std::string> names_of_conferences(storage::Connection& c,
                                                         const std::vector<std::int64_t>& ids) {
  return names_of(c, "conferences", ids);
}

}  // namespace tongxin::organisation
