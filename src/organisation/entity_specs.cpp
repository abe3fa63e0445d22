// src/organisation/entity_specs.cpp
#include "organisation/entity_specs.hpp"

#include "core/error.hpp"

namespace tongxin::organisation {

namespace {

using auth::Role;
using F = FieldType;
namespace json = boost::json;

const std::vector<Role> kStaff{Role::admin, Role::staff};

// Party affiliation codes: 中共, the eight democratic parties, none (群众/无党派).
const std::vector<std::string_view> kParties{"cpc", "rck", "dl", "dj", "mj",
                                             "ng",  "zg",  "js", "tm", "none"};
const std::vector<std::string_view> kPosts{"chair", "vice_chair", "standing", "member"};

std::optional<std::string> name_of(storage::Connection& c, const std::string& table,
                                   const json::value& id) {
  if (!id.is_int64()) return std::nullopt;
  const auto r = c.q("SELECT name FROM " + table + " WHERE id = $1", id.as_int64());
  return r.empty() ? std::nullopt : std::optional<std::string>(r.front().text(0));
}

}  // namespace

const EntitySpec& sector_spec() {
  static const EntitySpec spec{
      .kind = "sector",
      .table = "sectors",
      .path = "/api/v1/sectors",
      .label_zh = "界别",
      .label_en = "sector",
      .fields =
          {{.name = "name",
            .label_zh = "界别名称",
            .required = true,
            .max_chars = 50,
            .is_public = true},
           {.name = "national_sector_id",
            .label_zh = "对应全国界别",
            .type = F::integer,
            .min = 1,
            .max = 34},
           {.name = "sort_order", .label_zh = "排序", .type = F::integer, .min = 0, .max = 10000}},
      .filters = {"conference_id"},
      .writers = kStaff,
  };
  return spec;
}

const EntitySpec& committee_spec() {
  static const EntitySpec spec{
      .kind = "committee",
      .table = "committees",
      .path = "/api/v1/committees",
      .label_zh = "专门委员会",
      .label_en = "committee",
      .fields = {{.name = "name", .label_zh = "专委会名称", .required = true, .max_chars = 60},
                 {.name = "short_name", .label_zh = "简称", .max_chars = 20}},
      .filters = {"conference_id"},
      .writers = kStaff,
  };
  return spec;
}

const EntitySpec& member_group_spec() {
  static const EntitySpec spec{
      .kind = "member_group",
      .table = "member_groups",
      .path = "/api/v1/member-groups",
      .label_zh = "委员活动小组",
      .label_en = "member group",
      .fields = {{.name = "name", .label_zh = "小组名称", .required = true, .max_chars = 60},
                 {.name = "committee_id",
                  .label_zh = "所属专委会",
                  .type = F::ref,
                  .required = true,
                  .ref_table = "committees"}},
      .filters = {"conference_id", "committee_id"},
      .writers = kStaff,
  };
  return spec;
}

const EntitySpec& party_unit_spec() {
  static const EntitySpec spec{
      .kind = "party_unit",
      .table = "party_units",
      .path = "/api/v1/party-units",
      .label_zh = "党组织",
      .label_en = "party unit",
      .fields =
          {{.name = "name", .label_zh = "名称", .required = true, .max_chars = 60},
           {.name = "kind",
            .label_zh = "类型",
            .type = F::enumeration,
            .required = true,
            .allowed = {"party_group", "branch", "cell"}},
           {.name = "committee_id",
            .label_zh = "所属专委会",
            .type = F::ref,
            .ref_table = "committees"},
           {.name = "sector_id", .label_zh = "所属界别", .type = F::ref, .ref_table = "sectors"},
           {.name = "party_liaison_member_id",
            .label_zh = "党建联络员",
            .type = F::ref,
            .ref_table = "members"}},
      .filters = {"conference_id", "kind", "committee_id", "sector_id"},
      .writers = kStaff,
  };
  return spec;
}

const EntitySpec& member_spec() {
  static const EntitySpec spec{
      .kind = "member",
      .table = "members",
      .path = "/api/v1/members",
      .label_zh = "委员",
      .label_en = "member",
      .fields = {{.name = "name",
                  .label_zh = "姓名",
                  .required = true,
                  .max_chars = 30,
                  .is_public = true},
                 {.name = "gender",
                  .label_zh = "性别",
                  .type = F::enumeration,
                  .allowed = {"male", "female", ""},
                  .is_public = true},
                 {.name = "ethnicity", .label_zh = "民族", .max_chars = 20},
                 {.name = "birth_year",
                  .label_zh = "出生年份",
                  .type = F::integer,
                  .min = 1920,
                  .max = 2010},
                 {.name = "sector_id",
                  .label_zh = "所属界别",
                  .type = F::ref,
                  .ref_table = "sectors",
                  .is_public = true},
                 {.name = "committee_id",
                  .label_zh = "所属专委会",
                  .type = F::ref,
                  .ref_table = "committees"},
                 {.name = "group_id",
                  .label_zh = "所属活动小组",
                  .type = F::ref,
                  .ref_table = "member_groups"},
                 {.name = "work_unit", .label_zh = "工作单位", .max_chars = 100, .is_public = true},
                 {.name = "title", .label_zh = "职务职称", .max_chars = 100, .is_public = true},
                 {.name = "division_code", .label_zh = "所在地区", .type = F::division},
                 {.name = "party",
                  .label_zh = "政治面貌",
                  .type = F::enumeration,
                  .allowed = kParties,
                  .is_public = true},
                 {.name = "posts",
                  .label_zh = "政协职务",
                  .type = F::tags,
                  .allowed = kPosts,
                  .is_public = true},
                 {.name = "term", .label_zh = "届次", .type = F::integer, .min = 1, .max = 30},
                 {.name = "expertise", .label_zh = "专长", .type = F::tags, .is_public = true},
                 {.name = "resources", .label_zh = "可提供资源", .type = F::tags},
                 {.name = "entrepreneur", .label_zh = "委员企业家", .type = F::boolean},
                 {.name = "expert", .label_zh = "专家", .type = F::boolean},
                 {.name = "bio", .label_zh = "个人简介", .max_chars = 2000, .is_public = true},
                 {.name = "photo_url", .label_zh = "照片", .max_chars = 500, .is_public = true},
                 {.name = "is_public", .label_zh = "公开展示", .type = F::boolean}},
      .filters = {"conference_id", "sector_id", "committee_id", "group_id", "party"},
      .writers = kStaff,
      .decorate =
          [](storage::Connection& c, json::object& o) {
            o["sector_name"] = json::value_from(name_of(c, "sectors", o["sector_id"]).value_or(""));
            o["committee_name"] =
                json::value_from(name_of(c, "committees", o["committee_id"]).value_or(""));
          },
      .validate =
          [](storage::Connection& c, const json::object& m) {
            // 委员全员入委: the group must belong to the member's committee.
            const auto* g = m.if_contains("group_id");
            const auto* k = m.if_contains("committee_id");
            if (g && g->is_int64()) {
              const auto r =
                  c.q("SELECT committee_id FROM member_groups WHERE id = $1", g->as_int64());
              if (!r.empty() && (!k || !k->is_int64() || r.front().int64(0) != k->as_int64())) {
                throw Error::invalid_field("group_id", "活动小组不属于该委员的专委会",
                                           "the group is not in the member's committee");
              }
            }
          },
  };
  return spec;
}

const EntitySpec& studio_spec() {
  static const EntitySpec spec{
      .kind = "studio",
      .table = "studios",
      .path = "/api/v1/studios",
      .label_zh = "委员工作室（站）",
      .label_en = "studio",
      .fields =
          {{.name = "name",
            .label_zh = "名称",
            .required = true,
            .max_chars = 60,
            .is_public = true},
           {.name = "kind",
            .label_zh = "类型",
            .type = F::enumeration,
            .required = true,
            .allowed = {"studio", "station"},
            .is_public = true},
           {.name = "mode",
            .label_zh = "模式",
            .type = F::enumeration,
            .required = true,
            .allowed = {"sector", "street", "party", "industry", "task"},
            .is_public = true},
           {.name = "address", .label_zh = "地址", .max_chars = 200, .is_public = true},
           {.name = "division_code",
            .label_zh = "所在行政区划",
            .type = F::division,
            .required = true,
            .is_public = true},
           {.name = "lat",
            .label_zh = "纬度",
            .type = F::real,
            .min = 3.0,
            .max = 54.0,
            .is_public = true},
           {.name = "lng",
            .label_zh = "经度",
            .type = F::real,
            .min = 73.0,
            .max = 136.0,
            .is_public = true},
           {.name = "first_convenor_member_id",
            .label_zh = "第一召集人",
            .type = F::ref,
            .ref_table = "members",
            .is_public = true},
           {.name = "second_convenor_member_id",
            .label_zh = "第二召集人",
            .type = F::ref,
            .ref_table = "members",
            .is_public = true},
           {.name = "liaison_member_id",
            .label_zh = "联络员",
            .type = F::ref,
            .ref_table = "members"},
           {.name = "liaison_committee_id",
            .label_zh = "联络专委会",
            .type = F::ref,
            .ref_table = "committees"},
           {.name = "opening_rules", .label_zh = "开放规则", .max_chars = 500, .is_public = true},
           {.name = "phone", .label_zh = "联系电话", .max_chars = 30, .is_public = true},
           {.name = "description", .label_zh = "简介", .max_chars = 2000, .is_public = true},
           {.name = "standards_checklist", .label_zh = "“五有”标准", .type = F::object},
           {.name = "status",
            .label_zh = "状态",
            .type = F::enumeration,
            .allowed = {"active", "under_review", "rectifying", "archived"}}},
      .filters = {"conference_id", "kind", "mode", "status"},
      .writers = {Role::admin, Role::staff},
      .may_update = [](const auth::Principal& p,
                       std::int64_t id) { return p.has(Role::studio_lead) && p.studio_id == id; },
      .after_write =
          [](storage::Connection& c, std::int64_t id, std::int64_t conference_id,
             const json::object& body) {
            const auto* ids = body.if_contains("member_ids");
            if (!ids) return;
            if (!ids->is_array()) {
              throw Error::invalid_field("member_ids", "成员必须是委员编号列表",
                                         "member_ids must be a list");
            }
            c.q("DELETE FROM studio_members WHERE studio_id = $1", id);
            for (const auto& v : ids->as_array()) {
              if (!v.is_int64()) {
                throw Error::invalid_field("member_ids", "成员必须是委员编号列表",
                                           "member_ids must be a list");
              }
              const auto r =
                  c.q("SELECT conference_id FROM members WHERE id = $1 AND archived_at IS NULL",
                      v.as_int64());
              if (r.empty() || r.front().int64(0) != conference_id) {
                throw Error::invalid_field("member_ids", "成员中有不属于本政协的委员",
                                           "a member is unknown or of another conference");
              }
              c.q("INSERT INTO studio_members (studio_id, member_id, joined_at) VALUES ($1, $2, $3)"
                  " ON CONFLICT (studio_id, member_id) DO NOTHING",
                  id, v.as_int64(), audit::now_ms());
            }
          },
      .decorate =
          [](storage::Connection& c, json::object& o) {
            json::array ids;
            for (const auto row :
                 c.q("SELECT member_id FROM studio_members WHERE studio_id = $1 ORDER BY member_id",
                     o["id"].as_int64())) {
              ids.push_back(row.int64(0));
            }
            o["member_ids"] = std::move(ids);
          },
  };
  return spec;
}

// Agencies (承办单位) answer what the conference assigns them; their contact phone is
// the office line, not a person's own, so it is stored plain.
const EntitySpec& agency_spec() {
  static const EntitySpec spec{
      .kind = "agency",
      .table = "agencies",
      .path = "/api/v1/agencies",
      .label_zh = "承办单位",
      .label_en = "agency",
      .fields =
          {{.name = "name", .label_zh = "单位名称", .required = true, .max_chars = 60},
           {.name = "short_name", .label_zh = "简称", .max_chars = 20},
           {.name = "kind",
            .label_zh = "单位类型",
            .type = F::enumeration,
            .allowed = {"government", "judicial", "people_org", "enterprise", "other"}},
           {.name = "division_code", .label_zh = "所在行政区划", .type = F::division},
           {.name = "contact_name", .label_zh = "联系人", .max_chars = 30},
           {.name = "contact_phone", .label_zh = "办公电话", .max_chars = 30},
           {.name = "sort_order", .label_zh = "排序", .type = F::integer, .min = 0, .max = 10000}},
      .filters = {"conference_id", "kind"},
      .writers = kStaff,
  };
  return spec;
}

}  // namespace tongxin::organisation
