// src/demo/seed.cpp
#include <algorithm>
#include <boost/json.hpp>
#include <map>
#include <mutex>

#include "accounts/accounts.hpp"
#include "demo/cases_demo.hpp"
#include "demo/contact_demo.hpp"
#include "demo/data.hpp"
#include "demo/demo.hpp"
#include "demo/key_contacts_demo.hpp"
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
  std::string code, name;
  double lat = 0, lng = 0;
};
const std::vector<District>& districts() {
  return demo_table<std::vector<District>>("districts.tsv", [](const Tsv& t) {
    std::vector<District> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      out.push_back({t.at(i, "code"), t.at(i, "name"), t.number(i, "lat"), t.number(i, "lng")});
    return out;
  });
}

// Sectors of the city conference (sort order as listed), the party of a party sector's
// members, and whether its members count as entrepreneurs.
struct Sector {
  std::string name, party;
  bool entrepreneurs = false;
};
const std::vector<Sector>& sector_table() {
  return demo_table<std::vector<Sector>>("sectors.tsv", [](const Tsv& t) {
    std::vector<Sector> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      out.push_back({t.at(i, "name"), t.at(i, "party"), t.flag(i, "entrepreneurs")});
    return out;
  });
}
const Sector& sector_named(const std::string& name) {
  for (const auto& s : sector_table()) {
    if (s.name == name) return s;
  }
  return sector_table().back();
}

// Party code of a sector's members: a party sector's own, a mix elsewhere.
std::string party_of_sector(const std::string& s, Random& r) {
  const auto& party = sector_named(s).party;
  if (!party.empty()) return party;
  return r.chance(0.55)
             ? "cpc"
             : (r.chance(0.5) ? "none" : r.pick(std::vector<std::string>{"dl", "mj", "js", "ng"}));
}

using Committees = std::vector<std::pair<std::string, std::vector<std::string>>>;
const Committees& committee_table() {
  return demo_table<Committees>("committees.tsv", [](const Tsv& t) {
    Committees out;
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      out.emplace_back(t.at(i, "name"), t.list(i, "groups"));
    return out;
  });
}

struct Theme {
  std::string name, kind, mode;
  std::string district;  // GB/T 2260 code
  std::string sector;    // the sector whose members run it ("" = any)
};
const std::vector<Theme>& themed_studios() {
  return demo_table<std::vector<Theme>>("themed_studios.tsv", [](const Tsv& t) {
    std::vector<Theme> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      out.push_back({t.at(i, "name"), t.at(i, "kind"), t.at(i, "mode"), t.at(i, "district"),
                     t.at(i, "sector")});
    }
    return out;
  });
}

const std::string& display_name(const std::string& username) {
  using Map = std::map<std::string, std::string>;
  return demo_table<Map>("accounts.tsv",
                         [](const Tsv& t) {
                           Map m;
                           for (std::size_t i = 0; i < t.rows.size(); ++i)
                             m[t.at(i, "username")] = t.at(i, "display_name");
                           return m;
                         })
      .at(username);
}

const District& district(const std::string& code) {
  for (const auto& d : districts()) {
    if (code == d.code) return d;
  }
  return districts()[0];
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
  use_demo_data(demo_data_dir(ctx.config));
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
        {phrase("seed.province.name"), phrase("seed.province.short_name"), "provincial", "620000",
         std::nullopt, 13});
    const auto lanzhou = organisation::create_conference(
        c, ctx, actor,
        {phrase("seed.city.name"), phrase("seed.city.short_name"), "city", "620100", gansu, 15});
    std::vector<std::int64_t> counties;
    for (const auto& d : districts()) {
      counties.push_back(organisation::create_conference(
          c, ctx, actor,
          {phrase("seed.county.name", {{"{d}", d.name}}),
           phrase("seed.county.short_name", {{"{d}", d.name}}), "county", d.code, lanzhou, 15}));
    }

    // Sectors, committees and their groups.
    std::vector<std::pair<std::int64_t, std::string>> sectors;
    const auto& kSectors = sector_table();
    for (std::size_t i = 0; i < kSectors.size(); ++i) {
      const auto& name = kSectors[i].name;
      const auto nat = organisation::national_sector_named(c, name);
      json::object body{{"name", name}, {"sort_order", static_cast<std::int64_t>(i + 1)}};
      if (nat) body["national_sector_id"] = *nat;
      sectors.emplace_back(create("sector", lanzhou, body), name);
    }
    std::vector<std::pair<std::int64_t, std::vector<std::int64_t>>> committees;
    const auto& kCommittees = committee_table();
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
      const auto& d = districts()[r.below(districts().size())];
      const auto name = person_name(r);
      json::object body{
          {"name", name},
          {"gender", r.chance(0.38) ? "female" : "male"},
          {"ethnicity", r.chance(0.9) ? phrase("seed.ethnicity.majority")
                                      : r.pick(phrases("seed.ethnicity.minority"))},
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
          {"resources", json::array{json::string(
                            phrase("seed.member.resource", {{"{e}", occ.expertise.front()}}))}},
          {"entrepreneur", sector_named(sector.second).entrepreneurs},
          {"expert", std::ranges::any_of(phrases("seed.expert_title"),
                                         [&](const std::string& t) {
                                           return occ.title.find(t) != std::string::npos;
                                         })},
          {"bio", phrase("seed.member.bio", {{"{unit}", occ.work_unit},
                                             {"{title}", occ.title},
                                             {"{e1}", occ.expertise.front()},
                                             {"{e2}", occ.expertise.back()}})}};
      members.push_back({create("member", lanzhou, body), sector.second, party});
    }
    // A few members of each county conference, so scoping shows in the demo.
    std::vector<json::array> county_members(counties.size());
    for (std::size_t k = 0; k < counties.size(); ++k) {
      const auto sid = create("sector", counties[k], {{"name", phrase("seed.county.sector")}});
      for (int i = 0; i < (small ? 1 : 3); ++i) {
        county_members[k].push_back(
            create("member", counties[k],
                   {{"name", person_name(r)},
                    {"sector_id", sid},
                    {"work_unit", phrase("seed.county.work_unit", {{"{d}", districts()[k].name}})},
                    {"title", phrase("seed.county.title")},
                    {"division_code", districts()[k].code}}));
      }
    }

    // Party units: a party group per committee; a branch for the CPC sector.
    for (std::size_t i = 0; i < committees.size(); ++i) {
      create("party_unit", lanzhou,
             {{"name", phrase("seed.party_cell", {{"{c}", kCommittees[i].first}})},
              {"kind", "cell"},
              {"committee_id", committees[i].first}});
    }
    create("party_unit", lanzhou,
           {{"name", phrase("seed.party_branch")},
            {"kind", "branch"},
            {"sector_id", sectors[0].first}});

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
      const auto id = create(
          "studio", lanzhou,
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
           {"opening_rules", phrase("seed.studio.opening_rules")},
           {"phone", "0931-8" + std::to_string(100000 + r.below(899999))},
           {"description", phrase("seed.studio.description",
                                  {{"{name}", name}, {"{n}", std::to_string(chosen.size())}})},
           {"standards_checklist", checklist(r)},
           {"status", status(r)},
           {"member_ids", ids}});
      studios.push_back(id);
      return id;
    };

    // Themed studios first (the lead's and the members' studios are among them).
    const std::size_t themes = small ? 4 : themed_studios().size();
    for (std::size_t i = 0; i < themes; ++i) {
      const auto& t = themed_studios()[i];
      const auto& d = district(t.district.substr(0, 6));
      const auto* div = ctx.divisions->find(t.district);
      make_studio(
          t.name, t.kind, t.mode, t.district, d, members_of_sector(t.sector),
          phrase("seed.themed.address", {{"{place}", div ? ctx.divisions->full_name(div->code)
                                                         : phrase("seed.city_place")}}));
    }
    // One station per street or township, named after it.
    const std::size_t per_district = small ? 1 : 14;
    std::vector<std::vector<std::int64_t>> stations_by_county;
    for (const auto& d : districts()) {
      std::size_t made = 0;
      stations_by_county.emplace_back();
      for (const auto* t : ctx.divisions->children(d.code)) {
        if (made++ >= per_district) break;
        stations_by_county.back().push_back(make_studio(
            phrase("seed.station.name", {{"{name}", t->name}}), "station", "street", t->code, d,
            members_of_sector(""),
            phrase("seed.station.address", {{"{place}", ctx.divisions->full_name(t->code)}})));
      }
    }
    // City scale: each county conference runs a studio of its own, where the city's leaders
    // visit the county (领导包抓联系).
    std::vector<std::int64_t> county_studios(counties.size(), 0);
    if (!small) {
      for (std::size_t k = 0; k < counties.size(); ++k) {
        const auto& d = districts()[k];
        const auto* div = ctx.divisions->find(d.code);
        county_studios[k] = create(
            "studio", counties[k],
            {{"name", phrase("seed.county_studio.name", {{"{d}", d.name}})},
             {"kind", "studio"},
             {"mode", "sector"},
             {"division_code", d.code},
             {"address", phrase("seed.county_studio.address",
                                {{"{place}", div ? ctx.divisions->full_name(div->code) : d.name}})},
             {"lat", d.lat},
             {"lng", d.lng},
             {"opening_rules", phrase("seed.county_studio.opening_rules")},
             {"description", phrase("seed.county_studio.description", {{"{d}", d.name}})},
             {"standards_checklist", checklist(r)},
             {"status", "active"},
             {"member_ids", county_members[k]}});
        studios.push_back(county_studios[k]);
      }
    }

    // The agencies (承办单位): the `agency` account handles 市城市管理局.
    const auto demo_agency = seed_agencies(c, ctx, actor, lanzhou, options.seed);

    // The demo accounts (api.md).
    const auto user = [&](const char* username, std::vector<auth::Role> roles,
                          std::optional<std::int64_t> member = std::nullopt,
                          std::optional<std::int64_t> studio = std::nullopt,
                          std::optional<std::int64_t> agency = std::nullopt) {
      accounts::NewUser u;
      u.username = username;
      u.display_name = display_name(username);
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
    user("admin", {Role::admin});
    user("security", {Role::security});
    user("auditor", {Role::auditor});
    user("staff", {Role::staff});
    user("lead", {Role::studio_lead, Role::member}, members[2 % members.size()].id, studios[0]);
    user("member", {Role::member}, members[0].id);
    user("member2", {Role::member}, members[1].id);
    user("agency", {Role::agency}, std::nullopt, std::nullopt, demo_agency);
    user("leader", {Role::leader, Role::member}, members[3].id);

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
    KeyContactsDemo key_contacts{.conference = lanzhou,
                                 .showcase_member = members[small ? 4 : 0].id,
                                 .left_alone = {},
                                 .tiers = {}};
    summary += "  " + seed_contact_work(sc, contact, &key_contacts.tiers) + "\n";
    // The small demo leaves the accounts' members to the API and browser tests, which
    // count their key contacts and visit tasks.
    for (std::size_t i = 0; small && i < 4; ++i)
      key_contacts.left_alone.push_back(members[i].id);
    summary += "  " + seed_key_contacts(sc, key_contacts) + "\n";
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
