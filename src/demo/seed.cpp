// src/demo/seed.cpp
#include <boost/json.hpp>
#include <mutex>

#include "accounts/accounts.hpp"
#include "demo/cases_demo.hpp"
#include "demo/contact_demo.hpp"
#include "demo/demo.hpp"
#include "demo/meetings_demo.hpp"
#include "demo/outputs_demo.hpp"
#include "demo/people.hpp"
#include "demo/random.hpp"
#include "organisation/directory.hpp"
#include "organisation/organisation.hpp"

namespace tongxin::demo {

namespace {

namespace json = boost::json;

std::mutex steps_mutex;
std::vector<std::pair<std::string, SeedStep>>& steps() {
  static std::vector<std::pair<std::string, SeedStep>> s;
  return s;
}

struct District {
  const char* code;
  const char* name;
  double lat, lng;
};
const District kDistricts[] = {
    {"620102", "城关区", 36.0575, 103.8412}, {"620103", "七里河区", 36.0659, 103.7857},
    {"620104", "西固区", 36.0884, 103.6280}, {"620105", "安宁区", 36.1037, 103.7189},
    {"620111", "红古区", 36.3452, 102.8594}, {"620121", "永登县", 36.7360, 103.2608},
    {"620122", "皋兰县", 36.3322, 103.9472}, {"620123", "榆中县", 35.8434, 104.1134},
};

// Sectors of the city conference: the national list less those a city of the interior
// does not form (Hong Kong, Macao, Taiwan-related).
const std::vector<std::string> kSectors{"中国共产党",
                                        "中国国民党革命委员会",
                                        "中国民主同盟",
                                        "中国民主建国会",
                                        "中国民主促进会",
                                        "中国农工民主党",
                                        "中国致公党",
                                        "九三学社",
                                        "无党派人士",
                                        "中华全国总工会",
                                        "中华全国妇女联合会",
                                        "中国共产主义青年团和中华全国青年联合会",
                                        "中华全国工商业联合会",
                                        "中国科学技术协会",
                                        "中华全国归国华侨联合会",
                                        "文化艺术界",
                                        "科学技术界",
                                        "社会科学界",
                                        "经济界",
                                        "农业界",
                                        "环境资源界",
                                        "教育界",
                                        "体育界",
                                        "新闻出版界",
                                        "医药卫生界",
                                        "对外友好界",
                                        "社会福利和社会保障界",
                                        "少数民族界",
                                        "宗教界",
                                        "特别邀请人士"};

// Party code of a party sector's members.
std::string party_of_sector(const std::string& s, Random& r) {
  if (s == "中国共产党") return "cpc";
  if (s == "中国国民党革命委员会") return "rck";
  if (s == "中国民主同盟") return "dl";
  if (s == "中国民主建国会") return "dj";
  if (s == "中国民主促进会") return "mj";
  if (s == "中国农工民主党") return "ng";
  if (s == "中国致公党") return "zg";
  if (s == "九三学社") return "js";
  if (s == "无党派人士") return "none";
  return r.chance(0.55)
             ? "cpc"
             : (r.chance(0.5) ? "none" : r.pick(std::vector<std::string>{"dl", "mj", "js", "ng"}));
}

const std::vector<std::pair<std::string, std::vector<std::string>>> kCommittees{
    {"提案委员会", {"提案审查组", "提案督办组", "界别提案组", "提案研究组"}},
    {"经济委员会", {"工业经济组", "金融服务组", "营商环境组", "数字经济组", "开放合作组"}},
    {"农业和农村委员会", {"乡村振兴组", "高原夏菜组", "农村人居环境组", "农业科技组"}},
    {"人口资源环境委员会", {"黄河生态组", "大气治理组", "城市更新组", "人口发展组"}},
    {"教科卫体委员会", {"教育组", "科技组", "医疗卫生组", "体育组", "养老托育组"}},
    {"社会和法制委员会", {"基层治理组", "法律服务组", "社会保障组", "平安建设组"}},
    {"民族宗教委员会", {"民族团结组", "宗教事务组", "港澳台侨组", "对外联谊组"}},
    {"文化文史和学习委员会", {"文史资料组", "书香政协组", "文旅融合组", "非遗保护组"}},
};

struct Theme {
  const char* name;
  const char* kind;
  const char* mode;
  const char* district;  // GB/T 2260 code
  const char* sector;    // the sector whose members run it ("" = any)
};
const Theme kThemes[] = {
    {"兰州牛肉面产业链委员工作室", "studio", "industry", "620102", "中华全国工商业联合会"},
    {"兰州百合产业委员工作站", "station", "industry", "620103", "农业界"},
    {"高原夏菜产业链委员工作站", "station", "industry", "620123", "农业界"},
    {"苦水玫瑰产业委员工作站", "station", "industry", "620121", "农业界"},
    {"兰州新区先进制造业委员工作室", "studio", "industry", "620171", "经济界"},
    {"西固石化产业链委员工作室", "studio", "industry", "620104", "科学技术界"},
    {"黄河风情线文旅融合委员工作室", "studio", "task", "620102", "文化艺术界"},
    {"黄河生态保护委员工作室", "studio", "task", "620105", "环境资源界"},
    {"老旧小区改造委员工作室", "studio", "task", "620102", ""},
    {"15分钟健康服务圈委员工作室", "studio", "task", "620102", "医药卫生界"},
    {"民革委员工作室", "studio", "party", "620102", "中国国民党革命委员会"},
    {"民盟委员工作室", "studio", "party", "620102", "中国民主同盟"},
    {"民建委员工作室", "studio", "party", "620103", "中国民主建国会"},
    {"民进委员工作室", "studio", "party", "620105", "中国民主促进会"},
    {"农工党委员工作室", "studio", "party", "620102", "中国农工民主党"},
    {"致公党委员工作室", "studio", "party", "620104", "中国致公党"},
    {"九三学社委员工作室", "studio", "party", "620105", "九三学社"},
    {"医药卫生界委员工作室", "studio", "sector", "620102", "医药卫生界"},
    {"教育界委员工作室", "studio", "sector", "620105", "教育界"},
    {"经济界委员工作室", "studio", "sector", "620102", "经济界"},
    {"农业界委员工作室", "studio", "sector", "620123", "农业界"},
    {"社会福利和社会保障界委员工作室", "studio", "sector", "620103", "社会福利和社会保障界"},
    {"妇联界别委员工作室", "studio", "sector", "620105", "中华全国妇女联合会"},
    {"工会界别委员工作室", "studio", "sector", "620104", "中华全国总工会"},
    {"少数民族界委员工作室", "studio", "sector", "620102", "少数民族界"},
    {"文化艺术界委员工作室", "studio", "sector", "620102", "文化艺术界"},
    {"社会科学界委员工作室", "studio", "sector", "620102", "社会科学界"},
    {"体育界委员工作室", "studio", "sector", "620105", "体育界"},
    {"新闻出版界委员工作室", "studio", "sector", "620102", "新闻出版界"},
    {"科技界委员工作室", "studio", "sector", "620105", "科学技术界"},
};

const District& district(const std::string& code) {
  for (const auto& d : kDistricts) {
    if (code == d.code) return d;
  }
  return kDistricts[0];
}

json::object checklist(Random& r) {
  return {{"site", true},
          {"standard", r.chance(0.9)},
          {"guarantee", r.chance(0.85)},
          {"rules", r.chance(0.9)},
          {"feature", r.chance(0.7)}};
}

std::string status(Random& r) {
  const double x = r.unit();
  return x < 0.86 ? "active" : (x < 0.95 ? "under_review" : "rectifying");
}

}  // namespace

void add_seed_step(std::string name, SeedStep step) {
  std::lock_guard lock(steps_mutex);
  steps().emplace_back(std::move(name), std::move(step));
}

SeedReport seed(ServiceContext& ctx, const SeedOptions& options) {
  const bool small = options.scale == "small";
  return ctx.db.write([&](storage::Connection& c) {
    SeedReport report;
    if (organisation::has_conferences(c)) {
      report.already_seeded = true;
      report.summary =
          "数据库中已有数据，未重复生成演示数据 / demo data already present: nothing done\n";
      return report;
    }
    Random r(options.seed);
    audit::Actor actor{std::nullopt, "seed-demo", "seed-demo"};
    const auto create = [&](std::string_view kind, std::int64_t conference,
                            const json::object& body) {
      return organisation::create_record(c, ctx, actor, kind, conference, body);
    };

    // Conferences: province → city → its counties.
    const auto gansu = organisation::create_conference(
        c, ctx, actor,
        {"政协甘肃省委员会", "甘肃省政协", "provincial", "620000", std::nullopt, 13});
    const auto lanzhou = organisation::create_conference(
        c, ctx, actor, {"政协兰州市委员会", "兰州市政协", "city", "620100", gansu, 15});
    std::vector<std::int64_t> counties;
    for (const auto& d : kDistricts) {
      counties.push_back(organisation::create_conference(
          c, ctx, actor,
          {std::string("政协兰州市") + d.name + "委员会", std::string(d.name) + "政协", "county",
           d.code, lanzhou, 15}));
    }

    // Sectors, committees and their groups.
    std::vector<std::pair<std::int64_t, std::string>> sectors;
    for (std::size_t i = 0; i < kSectors.size(); ++i) {
      const auto nat = organisation::national_sector_named(c, kSectors[i]);
      json::object body{{"name", kSectors[i]}, {"sort_order", static_cast<std::int64_t>(i + 1)}};
      if (nat) body["national_sector_id"] = *nat;
      sectors.emplace_back(create("sector", lanzhou, body), kSectors[i]);
    }
    std::vector<std::pair<std::int64_t, std::vector<std::int64_t>>> committees;
    for (const auto& [name, groups] : kCommittees) {
      const auto cid = create("committee", lanzhou, {{"name", name}});
      std::vector<std::int64_t> gids;
      for (const auto& g : groups) {
        gids.push_back(create("member_group", lanzhou, {{"name", g}, {"committee_id", cid}}));
      }
      committees.emplace_back(cid, gids);
    }

    // Members: 委员全员入委 — each in one committee and one of its groups.
    const int member_count = small ? 24 : 350;
    struct M {
      std::int64_t id;
      std::string sector;
      std::string party;
    };
    std::vector<M> members;
    for (int i = 0; i < member_count; ++i) {
      // The first members are fixed so the demo accounts have stable sectors.
      const auto& sector = i == 0 ? sectors[24] : (i == 1 ? sectors[21] : r.pick(sectors));
      const auto occ = occupation_for(r, sector.second);
      const auto& com = committees[r.below(committees.size())];
      json::array posts;
      if (i == 2)
        posts.push_back("chair");
      else if (i >= 3 && i < 9)
        posts.push_back("vice_chair");
      else if (i < (small ? 12 : 45))
        posts.push_back("standing");
      else
        posts.push_back("member");
      json::array expertise;
      for (const auto& e : occ.expertise)
        expertise.push_back(json::string(e));
      const auto party = party_of_sector(sector.second, r);
      const auto& d = kDistricts[r.below(std::size(kDistricts))];
      const auto name = person_name(r);
      json::object body{
          {"name", name},
          {"gender", r.chance(0.38) ? "female" : "male"},
          {"ethnicity", r.chance(0.9) ? "汉族"
                                      : r.pick(std::vector<std::string>{"回族", "东乡族", "藏族",
                                                                        "土族", "满族"})},
          {"birth_year", static_cast<std::int64_t>(1960 + r.below(30))},
          {"sector_id", sector.first},
          {"committee_id", com.first},
          {"group_id", com.second[r.below(com.second.size())]},
          {"work_unit", occ.work_unit},
          {"title", occ.title},
          {"division_code", d.code},
          {"party", party},
          {"posts", posts},
          {"term", 15},
          {"expertise", expertise},
          {"resources", json::array{json::string(occ.expertise.front() + "咨询")}},
          {"entrepreneur", sector.second == "中华全国工商业联合会" || sector.second == "经济界"},
          {"expert", occ.title.find("教授") != std::string::npos ||
                         occ.title.find("研究员") != std::string::npos ||
                         occ.title.find("主任医师") != std::string::npos},
          {"bio", occ.work_unit + occ.title + "，第十五届兰州市政协委员，长期关注" +
                      occ.expertise.front() + "和" + occ.expertise.back() + "等民生问题。"}};
      members.push_back({create("member", lanzhou, body), sector.second, party});
    }
    // A few members of each county conference, so scoping shows in the demo.
    std::vector<json::array> county_members(counties.size());
    for (std::size_t k = 0; k < counties.size(); ++k) {
      const auto sid = create("sector", counties[k], {{"name", "医药卫生界"}});
      for (int i = 0; i < (small ? 1 : 3); ++i) {
        county_members[k].push_back(
            create("member", counties[k],
                   {{"name", person_name(r)},
                    {"sector_id", sid},
                    {"work_unit", std::string(kDistricts[k].name) + "人民医院"},
                    {"title", "医师"},
                    {"division_code", kDistricts[k].code}}));
      }
    }

    // Party units: a party group per committee; a branch for the CPC sector.
    for (std::size_t i = 0; i < committees.size(); ++i) {
      create("party_unit", lanzhou,
             {{"name", kCommittees[i].first + "党员委员活动小组"},
              {"kind", "cell"},
              {"committee_id", committees[i].first}});
    }
    create("party_unit", lanzhou,
           {{"name", "中共界别履职党支部"}, {"kind", "branch"}, {"sector_id", sectors[0].first}});

    const auto members_of_sector = [&](const std::string& s) {
      std::vector<std::int64_t> ids;
      for (const auto& m : members) {
        if (s.empty() || m.sector == s) ids.push_back(m.id);
      }
      return ids;
    };
    const auto cpc_member = [&]() {
      for (std::size_t tries = 0; tries < 1000; ++tries) {
        const auto& m = members[r.below(members.size())];
        if (m.party == "cpc") return m.id;
      }
      return members.front().id;
    };
    std::vector<std::int64_t> studios;
    const auto make_studio = [&](const std::string& name, const std::string& kind,
                                 const std::string& mode, const std::string& division,
                                 const District& near_district, std::vector<std::int64_t> pool,
                                 const std::string& address) {
      if (pool.size() < 3) pool = members_of_sector("");
      json::array ids;
      const std::size_t n = 3 + r.below(5);
      std::vector<std::int64_t> chosen;
      for (std::size_t i = 0; i < n; ++i) {
        const auto id = pool[r.below(pool.size())];
        if (std::find(chosen.begin(), chosen.end(), id) == chosen.end()) chosen.push_back(id);
      }
      const auto first = cpc_member();  // the dual-convenor rule: the first from the party group
      if (std::find(chosen.begin(), chosen.end(), first) == chosen.end()) chosen.push_back(first);
      for (const auto id : chosen)
        ids.push_back(id);
      const auto id =
          create("studio", lanzhou,
                 {{"name", name},
                  {"kind", kind},
                  {"mode", mode},
                  {"division_code", division},
                  {"address", address},
                  {"lat", near_district.lat + (r.unit() - 0.5) * 0.05},
                  {"lng", near_district.lng + (r.unit() - 0.5) * 0.06},
                  {"first_convenor_member_id", first},
                  {"second_convenor_member_id", chosen.front()},
                  {"liaison_committee_id", committees[r.below(committees.size())].first},
                  {"opening_rules",
                   "每月第二个星期三为委员接待日，9:00—12:00 接待界别群众；其余工作日可预约。"},
                  {"phone", "0931-8" + std::to_string(100000 + r.below(899999))},
                  {"description", name + "由" + std::to_string(chosen.size()) +
                                      "名委员组成，围绕界别群众关切开展走访、协商议事和帮办实事。"},
                  {"standards_checklist", checklist(r)},
                  {"status", status(r)},
                  {"member_ids", ids}});
      studios.push_back(id);
      return id;
    };

    // Themed studios first (the lead's and the members' studios are among them).
    const std::size_t themes = small ? 4 : std::size(kThemes);
    for (std::size_t i = 0; i < themes; ++i) {
      const auto& t = kThemes[i];
      const auto& d = district(std::string(t.district).substr(0, 6));
      const auto* div = ctx.divisions->find(t.district);
      make_studio(t.name, t.kind, t.mode, t.district, d, members_of_sector(t.sector),
                  (div ? ctx.divisions->full_name(div->code) : std::string("兰州市")) + "委员之家");
    }
    // One station per street or township, named after it.
    const std::size_t per_district = small ? 1 : 14;
    std::vector<std::vector<std::int64_t>> stations_by_county;
    for (const auto& d : kDistricts) {
      std::size_t made = 0;
      stations_by_county.emplace_back();
      for (const auto* t : ctx.divisions->children(d.code)) {
        if (made++ >= per_district) break;
        stations_by_county.back().push_back(
            make_studio(t->name + "委员工作站", "station", "street", t->code, d,
                        members_of_sector(""), ctx.divisions->full_name(t->code) + "党群服务中心"));
      }
    }
    // City scale: each county conference runs a studio of its own, where the city's leaders
    // visit the county (领导包抓联系).
    std::vector<std::int64_t> county_studios(counties.size(), 0);
    if (!small) {
      for (std::size_t k = 0; k < counties.size(); ++k) {
        const auto& d = kDistricts[k];
        const auto* div = ctx.divisions->find(d.code);
        county_studios[k] = create(
            "studio", counties[k],
            {{"name", std::string(d.name) + "政协委员工作室"},
             {"kind", "studio"},
             {"mode", "sector"},
             {"division_code", d.code},
             {"address",
              (div ? ctx.divisions->full_name(div->code) : std::string(d.name)) + "政协机关"},
             {"lat", d.lat},
             {"lng", d.lng},
             {"opening_rules", "工作日9:00—17:00开放，每月第二个星期三为委员接待日。"},
             {"description", std::string(d.name) + "政协委员联系界别群众、开展协商议事的工作室。"},
             {"standards_checklist", checklist(r)},
             {"status", "active"},
             {"member_ids", county_members[k]}});
        studios.push_back(county_studios[k]);
      }
    }

    // The agencies (承办单位): the `agency` account handles 市城市管理局.
    const auto demo_agency = seed_agencies(c, ctx, actor, lanzhou, options.seed);

    // The demo accounts (api.md).
    const auto user = [&](const char* username, const char* display, std::vector<auth::Role> roles,
                          std::optional<std::int64_t> member = std::nullopt,
                          std::optional<std::int64_t> studio = std::nullopt,
                          std::optional<std::int64_t> agency = std::nullopt) {
      accounts::NewUser u;
      u.username = username;
      u.display_name = display;
      u.password = options.password;
      u.roles = std::move(roles);
      u.conference_id = lanzhou;
      u.member_id = member;
      u.studio_id = studio;
      u.agency_id = agency;
      accounts::create_user(c, actor, u, ctx.config);
    };
    using auth::Role;
    // member: 医药卫生界, in the health studio; member2: 教育界, in the education studio.
    const auto studio_with = [&](std::int64_t member_id, std::int64_t fallback) {
      organisation::add_studio_member(c, fallback, member_id, audit::now_ms());
      return fallback;
    };
    studio_with(members[0].id, studios[small ? 0 : 9]);
    studio_with(members[1].id, studios[small ? 1 : 18]);
    user("admin", "系统管理员", {Role::admin});
    user("security", "安全管理员", {Role::security});
    user("auditor", "审计管理员", {Role::auditor});
    user("staff", "委员工作室管理科", {Role::staff});
    user("lead", "工作室召集人", {Role::studio_lead, Role::member}, members[2 % members.size()].id,
         studios[0]);
    user("member", "委员（医药卫生界）", {Role::member}, members[0].id);
    user("member2", "委员（教育界）", {Role::member}, members[1].id);
    user("agency", "承办单位经办人", {Role::agency}, std::nullopt, std::nullopt, demo_agency);
    user("leader", "副主席", {Role::leader, Role::member}, members[3].id);

    std::string summary = "演示数据已生成 / demo data created (" + options.scale + ", seed " +
                          std::to_string(options.seed) + "):\n";
    summary += "  政协 conferences: " + std::to_string(2 + counties.size()) + "\n";
    summary += "  界别 sectors: " + std::to_string(sectors.size()) + "\n";
    summary += "  专委会 committees: " + std::to_string(committees.size()) + "\n";
    summary += "  委员 members: " + std::to_string(members.size()) + " (+ county members)\n";
    summary += "  工作室/站 studios: " + std::to_string(studios.size()) + "\n";
    summary += "  账户 accounts: admin security auditor staff lead member member2 agency leader\n";
    SeedContext sc{ctx, c, options.seed, options.scale};
    summary += "  " + seed_cases(sc, lanzhou) + "\n";
    ContactDemo contact{.conference = lanzhou,
                        .themed_studios = {studios.begin(), studios.begin() + themes},
                        .counties = counties,
                        .stations_by_county = stations_by_county,
                        .county_studios = county_studios,
                        .leaders = {},
                        .leader_account_member = members[3].id,
                        .lead_studio = studios[0]};
    for (std::size_t i = 2; i < 9 && i < members.size(); ++i)
      contact.leaders.push_back(members[i].id);  // the chair and the vice chairs
    summary += "  " + seed_contact_work(sc, contact) + "\n";
    summary += "  " + seed_meetings(sc, lanzhou) + "\n";
    summary += "  " + seed_outputs(sc, lanzhou) + "\n";
    std::lock_guard lock(steps_mutex);
    for (auto& [name, step] : steps())
      summary += "  " + step(sc) + "\n";
    report.summary = summary;
    return report;
  });
}

}  // namespace tongxin::demo
