// src/records/awards.cpp
//
// Awards (评比表彰, product.md §7): 优秀委员 to a member, 先进委员工作室 to a studio, each
// given by a conference to a recipient in its scope, once a year per recipient, withdrawn
// rather than deleted.
#include <boost/json.hpp>
#include <map>

#include "contact/contact.hpp"
#include "core/calendar/calendar.hpp"
#include "core/calendar/dates.hpp"
#include "core/error.hpp"
#include "core/storage/db_error.hpp"
#include "organisation/briefs.hpp"
#include "records/records.hpp"

namespace tongxin::records {

namespace json = boost::json;

namespace {

const auth::Principal& principal_of(const audit::Actor& actor) {
  if (!actor.principal) {
    throw Error::unauthorized("auth.required", "请先登录", "authentication required");
  }
  return *actor.principal;
}

std::string kind_label(const std::string& kind) {
  return kind == "excellent_member" ? "优秀委员" : "先进委员工作室";
}

Error duplicate(const NewAward& a, std::int64_t existing) {
  const bool member = a.kind == "excellent_member";
  return Error::conflict(
      "award.duplicate",
      std::string(member ? "该委员" : "该委员工作室") + "已获" + std::to_string(a.year) + "年度“" +
          kind_label(a.kind) + "”表彰，不能重复登记",
      "this recipient already has this award for the year", json::object{{"id", existing}});
}

json::value opt(const std::optional<std::int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

json::object create_award(storage::Connection& c, const audit::Actor& actor, const NewAward& a,
                          std::int64_t now_ms) {
  const auto& p = principal_of(actor);
  const auto today = calendar::china_date(now_ms);
  const int this_year = static_cast<int>(today.year());
  if (a.year < 2000 || a.year > this_year + 1) {
    throw Error::invalid_field("year", "年度无效", "invalid year");
  }
  if (a.kind != "excellent_member" && a.kind != "advanced_studio") {
    throw Error::invalid_field("kind", "请选择表彰类型", "kind is required");
  }
  const bool to_member = a.kind == "excellent_member";
  if (to_member ? !a.member_id : !a.studio_id) {
    throw Error::invalid_field(to_member ? "member_id" : "studio_id", "请选择表彰对象",
                               "who is awarded is required");
  }
  if (to_member ? a.studio_id.has_value() : a.member_id.has_value()) {
    throw Error::invalid_field(to_member ? "studio_id" : "member_id",
                               to_member ? "“优秀委员”表彰授予委员，不能指定工作室"
                                         : "“先进委员工作室”表彰授予工作室，不能指定委员",
                               "one recipient of the kind's type only");
  }
  const auto today_text = calendar::iso_date(today);
  std::string awarded_on = today_text;
  if (a.awarded_on && !a.awarded_on->empty()) {
    awarded_on = calendar::iso_date(calendar::required_iso_date(*a.awarded_on, "awarded_on"));
    if (awarded_on > today_text) {
      throw Error::invalid_field("awarded_on", "表彰日期不能晚于今天",
                                 "awarded_on is in the future");
    }
    if (awarded_on < std::to_string(a.year) + "-01-01") {
      throw Error::invalid_field("awarded_on", "表彰日期不能早于所表彰的年度",
                                 "awarded_on is before the year awarded");
    }
  }

  std::string recipient;
  if (to_member) {
    const auto m = organisation::find_member(c, *a.member_id);
    if (!m || !organisation::in_scope(c, p, m->conference_id)) {
      throw Error::not_found("member.not_found", "委员不存在或不在您的管辖范围内",
                             "member not found");
    }
    recipient = m->name;
  } else {
    const auto s = organisation::find_studio(c, *a.studio_id);
    if (!s || !organisation::in_scope(c, p, s->conference_id)) {
      throw Error::not_found("studio.not_found", "委员工作室不存在或不在您的管辖范围内",
                             "studio not found");
    }
    recipient = s->name;
  }
  const auto existing =
      to_member ? c.q("SELECT id FROM awards WHERE conference_id = $1 AND year = $2 AND kind = $3"
                      " AND member_id = $4 AND deleted_at IS NULL",
                      p.conference_id, a.year, a.kind, *a.member_id)
                : c.q("SELECT id FROM awards WHERE conference_id = $1 AND year = $2 AND kind = $3"
                      " AND studio_id = $4 AND member_id IS NULL AND deleted_at IS NULL",
                      p.conference_id, a.year, a.kind, *a.studio_id);
  if (!existing.empty()) throw duplicate(a, existing.front().int64(0));
  std::int64_t id = 0;
  try {
    id = c.q("INSERT INTO awards (conference_id, year, kind, member_id, studio_id, citation,"
             " awarded_on, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
             p.conference_id, a.year, a.kind, a.member_id, a.studio_id, a.citation, awarded_on,
             now_ms)
             .front()
             .int64(0);
  } catch (const storage::DbError& e) {
    // Another request recorded it between the check and the insert (PostgreSQL).
    if (e.kind() == storage::DbErrorKind::unique_violation) throw duplicate(a, 0);
    throw;
  }
  audit::record(c, actor,
                {"award.create", "award", id,
                 json::object{{"year", a.year},
                              {"kind", a.kind},
                              {"member_id", opt(a.member_id)},
                              {"studio_id", opt(a.studio_id)},
                              {"awarded_on", awarded_on}}});
  return json::object{{"id", id},
                      {"conference_id", p.conference_id},
                      {"year", a.year},
                      {"kind", a.kind},
                      {"member_id", opt(a.member_id)},
                      {"member", to_member ? json::value(recipient) : json::value(nullptr)},
                      {"studio_id", opt(a.studio_id)},
                      {"studio", to_member ? json::value(nullptr) : json::value(recipient)},
                      {"citation", a.citation},
                      {"awarded_on", awarded_on}};
}

void delete_award(storage::Connection& c, const audit::Actor& actor, std::int64_t id,
                  std::int64_t now_ms) {
  const auto& p = principal_of(actor);
  const auto rows =
      c.q("SELECT conference_id, year, kind, member_id, studio_id FROM awards WHERE id = $1 AND"
          " deleted_at IS NULL",
          id);
  if (rows.empty() || !organisation::in_scope(c, p, rows.front().int64("conference_id"))) {
    throw Error::not_found("award.not_found", "表彰记录不存在", "award not found");
  }
  const auto& r = rows.front();
  c.x("UPDATE awards SET deleted_at = $2 WHERE id = $1", id, now_ms);
  audit::record(c, actor,
                {"award.delete", "award", id,
                 json::object{{"year", r.int64("year")},
                              {"kind", r.text("kind")},
                              {"member_id", opt(r.opt_int64("member_id"))},
                              {"studio_id", opt(r.opt_int64("studio_id"))}}});
}

json::array awards_of_year(storage::Connection& c, const auth::Principal& p, int year) {
  json::array items;
  const auto scope = organisation::conferences_in_scope(c, p);
  if (scope.empty()) return items;
  std::vector<storage::Value> params{static_cast<std::int64_t>(year)};
  std::string in;
  for (const auto id : scope) {
    params.emplace_back(id);
    in += (in.empty() ? "$" : ", $") + std::to_string(params.size());
  }
  const auto rows = c.query(
      "SELECT id, conference_id, year, kind, member_id, studio_id, citation, awarded_on FROM"
      " awards WHERE year = $1 AND conference_id IN (" +
          in + ") AND deleted_at IS NULL ORDER BY id",
      params);
  std::vector<std::int64_t> member_ids, studio_ids;
  for (const auto& r : rows) {
    if (const auto m = r.opt_int64("member_id")) member_ids.push_back(*m);
    if (const auto s = r.opt_int64("studio_id")) studio_ids.push_back(*s);
  }
  const auto members = organisation::names_of_members(c, member_ids);
  const auto studios = organisation::names_of_studios(c, studio_ids);
  const auto name = [](const std::map<std::int64_t, std::string>& names,
                       const std::optional<std::int64_t>& id) -> json::value {
    if (!id) return nullptr;
    const auto it = names.find(*id);
    return it == names.end() ? json::value(nullptr) : json::value(it->second);
  };
  for (const auto& r : rows) {
    const auto member = r.opt_int64("member_id");
    const auto studio = r.opt_int64("studio_id");
    items.push_back(json::object{{"id", r.int64("id")},
                                 {"conference_id", r.int64("conference_id")},
                                 {"year", r.int64("year")},
                                 {"kind", r.text("kind")},
                                 {"member_id", opt(member)},
                                 {"member", name(members, member)},
                                 {"studio_id", opt(studio)},
                                 {"studio", name(studios, studio)},
                                 {"citation", r.text("citation")},
                                 {"awarded_on", r.text("awarded_on")}});
  }
  return items;
}

}  // namespace tongxin::records
