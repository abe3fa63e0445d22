// src/organisation/roster.cpp
#include "organisation/roster.hpp"

namespace tongxin::organisation {

namespace {

// Appends `ids` to `params` and returns their placeholders: "$2, $3, $4".
std::string placeholders(std::vector<storage::Value>& params,
                         const std::vector<std::int64_t>& ids) {
  std::string out;
  for (const auto id : ids) {
    params.emplace_back(id);
    out += (out.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  return out;
}

std::map<std::int64_t, std::string> names(storage::Connection& c, const std::string& sql,
                                          std::vector<storage::Value> params) {
  std::map<std::int64_t, std::string> out;
  for (const auto& r : c.query(sql, params))
    out[r.int64(0)] = r.text(1);
  return out;
}

}  // namespace

std::int64_t count_members_of_conference(storage::Connection& c, std::int64_t conference_id,
                                         const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return 0;
  std::vector<storage::Value> params{conference_id};
  const auto in = placeholders(params, ids);
  return c
      .query("SELECT COUNT(*) FROM members WHERE conference_id = $1 AND id IN (" + in + ")", params)
      .front()
      .int64(0);
}

std::vector<std::int64_t> live_members_of_sector(storage::Connection& c, std::int64_t conference_id,
                                                 std::int64_t sector_id) {
  std::vector<std::int64_t> out;
  for (const auto& r : c.q("SELECT id FROM members WHERE sector_id = $1 AND conference_id = $2"
                           " AND archived_at IS NULL ORDER BY id",
                           sector_id, conference_id)) {
    out.push_back(r.int64(0));
  }
  return out;
}

std::vector<std::int64_t> studios_of_conference(storage::Connection& c,
                                                std::int64_t conference_id) {
  std::vector<std::int64_t> out;
  for (const auto& r :
       c.q("SELECT id FROM studios WHERE conference_id = $1 ORDER BY id", conference_id)) {
    out.push_back(r.int64(0));
  }
  return out;
}

std::map<std::int64_t, std::string> public_names_of_members(storage::Connection& c,
                                                            const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  std::vector<storage::Value> params;
  const auto in = placeholders(params, ids);
  return names(c, "SELECT id, name FROM members WHERE is_public AND id IN (" + in + ")",
               std::move(params));
}

std::map<std::int64_t, std::string> live_sector_names(storage::Connection& c,
                                                      const std::vector<std::int64_t>& ids,
                                                      std::int64_t conference_id) {
  if (ids.empty()) return {};
  std::vector<storage::Value> params;
  const auto in = placeholders(params, ids);
  params.emplace_back(conference_id);
  // The text first: the parameters move into the call.
  const auto sql = "SELECT id, name FROM sectors WHERE id IN (" + in +
                   ") AND archived_at IS NULL AND conference_id = $" +
                   std::to_string(params.size());
  return names(c, sql, std::move(params));
}

}  // namespace tongxin::organisation
