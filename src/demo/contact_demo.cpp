// src/demo/contact_demo.cpp
#include "demo/contact_demo.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "accounts/directory.hpp"
#include "contact/contact.hpp"
#include "core/audit/audit.hpp"
#include "core/calendar/calendar.hpp"
#include "demo/random.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::demo {

namespace {

using namespace std::chrono;
using Ids = std::vector<std::int64_t>;

// How much a member does: the spread the seeds describe — a few members carry much of the
// work, most do a fair share, some little, a few nothing at all.
enum Tier { kInactive = 0, kLow = 1, kModerate = 2, kVery = 3 };

Tier draw_tier(Random& r) {
  const double u = r.unit();
  return u < 0.14 ? kVery : u < 0.64 ? kModerate : u < 0.88 ? kLow : kInactive;
}

// Per tier, over a whole year: [min, max] of a member's visits (often together with a mate
// of the same studio), talks and online contacts; the chance of taking part in one of their
// studio's events.
constexpr int kVisits[4][2] = {{0, 1}, {1, 2}, {2, 4}, {4, 7}};
constexpr int kTalks[4][2] = {{0, 0}, {0, 0}, {0, 1}, {1, 3}};
constexpr int kOnline[4][2] = {{0, 0}, {0, 0}, {0, 0}, {1, 2}};
constexpr double kJoins[4] = {0.03, 0.3, 0.55, 0.9};

// The conference's own events over a year (视察调研, 专题协商, 培训, 宣讲团, 书香政协), each
// member joining by tier.
struct ConferenceEvent {
  const char* kind;
  const char* channel;  // "": the kind's usual one
  int per_year;
  double joins[4];
  int reached_min, reached_max;
  std::vector<std::string> summaries;
};
const std::vector<ConferenceEvent>& conference_events() {
  static const std::vector<ConferenceEvent> events{
      {"inspection",
       "",
       9,
       {0, 0.17, 0.38, 0.62},
       20,
       60,
       {"市政协组织委员围绕{t}开展专题视察", "参加市政协{t}专题调研，赴{p}实地察看"}},
      {"consultation",
       "",
       9,
       {0, 0.17, 0.38, 0.62},
       30,
       80,
       {"参加市政协{t}专题协商会", "参加“有事好商量”协商议事会：{t}"}},
      {"consultation",
       "online",
       4,
       {0, 0.1, 0.25, 0.45},
       50,
       400,
       {"参加市政协网络议政远程协商：{t}", "通过委员履职平台参与{t}网上议政"}},
      {"training",
       "",
       5,
       {0.2, 0.7, 0.85, 1.0},
       0,
       0,
       {"参加市政协委员履职能力提升培训班", "参加全会精神专题学习会"}},
      {"briefing", "", 5, {0, 0.08, 0.2, 0.45}, 80, 300, {"参加委员宣讲团，到{p}宣讲{t}相关政策"}},
      {"reading", "", 4, {0, 0.15, 0.25, 0.4}, 20, 60, {"参加“书香政协”{t}主题读书活动"}},
  };
  return events;
}

const std::vector<std::string> kTopics{
    "老旧小区改造", "居家养老服务", "托育服务",     "高校毕业生就业", "营商环境优化",
    "黄河生态保护", "乡村振兴",     "基层医疗服务", "义务教育均衡",   "公交出行",
    "食品安全",     "社区治理",     "非遗传承",     "文旅融合",       "民族团结进步",
    "法律援助",     "高原夏菜产销", "小微企业融资", "垃圾分类",       "冬季清洁供暖"};

const std::vector<std::string> kPlaces{
    "城关区雁南街道雁滩社区", "城关区张掖路街道", "城关区东岗街道",     "七里河区西湖街道",
    "七里河区敦煌路街道",     "安宁区十里店街道", "西固区陈坪街道",     "红古区海石湾镇",
    "榆中县金崖镇",           "皋兰县石洞镇",     "永登县苦水镇",       "兰州新区秦川园区",
    "城关区盐场路街道",       "安宁区孔家崖街道", "七里河区龚家湾街道", "西固区福利路街道"};

// A studio event: its kind, how often it is chosen (weight), how many people it reaches, and
// what its summary says ({t}: topic, {p}: place).
struct EventKind {
  const char* kind;
  int weight;
  int reached_min, reached_max;
  std::vector<std::string> summaries;
};
const std::vector<EventKind>& event_kinds() {
  static const std::vector<EventKind> kinds{
      {"consultation",
       24,
       12,
       40,
       {"“小马扎议事堂”围绕{t}协商议事，形成建议3条", "“板凳会”：与居民代表面对面协商{t}问题",
        "委员议事厅：邀请职能部门就{t}开展协商"}},
      {"inspection",
       18,
       8,
       30,
       {"围绕{t}到{p}开展视察调研", "赴{p}专题调研{t}，召开座谈会听取意见"}},
      {"briefing",
       14,
       30,
       150,
       {"到{p}宣讲全会精神和{t}相关政策", "走进{p}开展政策宣讲，解读{t}新举措"}},
      {"service",
       14,
       20,
       120,
       {"在{p}开展义诊服务，为群众测量血压、解答健康咨询", "在{p}开展法律咨询服务",
        "组织委员到{p}开展助老志愿服务", "围绕{t}开展公益服务活动"}},
      {"training", 6, 0, 0, {"参加委员履职能力提升培训（{t}专题）", "参加工作室委员学习交流会"}},
      {"reading", 9, 10, 40, {"“书香政协”读书分享会：{t}专题", "“书香政协”共读活动，交流读书心得"}},
      {"salon", 7, 8, 25, {"委员沙龙：{t}的难点与对策", "委员沙龙：与青年企业家交流{t}"}},
      {"matchmaking",
       8,
       10,
       30,
       {"组织银企对接会，帮助{p}小微企业解决融资难题", "开展产销对接，助力{t}"}},
  };
  return kinds;
}

const std::vector<std::string> kVisitTexts{"走访{p}，听取界别群众对{t}的意见建议",
                                           "入户走访重点联系人，了解{t}方面的困难和诉求",
                                           "到{p}走访，宣传政策并收集{t}相关问题"};
const std::vector<std::string> kTalkTexts{"与界别群众代表谈心谈话，交流{t}方面的想法",
                                          "约谈{p}基层干部群众，了解{t}推进情况"};
const std::vector<std::string> kOnlineTexts{"通过界别群众微信群收集{t}方面的意见建议",
                                            "视频连线{p}群众，答复{t}相关咨询",
                                            "线上问卷征集{t}方面的意见建议"};
const std::vector<std::string> kReceptionTexts{
    "接待群众{n}人次，现场解答{t}等问题，登记诉求{k}件", "接待来访群众{n}人次，就{t}问题现场协调",
    "委员接待日：群众反映{t}等问题{k}件，已逐件登记跟踪"};
const std::vector<std::string> kLeaderTexts{"带队到{p}调研{t}工作，听取委员和群众意见",
                                            "到联系点调研指导工作室建设，座谈了解{t}情况",
                                            "参加联系点协商议事活动，围绕{t}听取意见"};

std::string fill(std::string text, const std::string& key, const std::string& value) {
  for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
    text.replace(at, key.size(), value);
  return text;
}

std::string summary(Random& r, const std::vector<std::string>& texts, const std::string& topic,
                    const std::string& place) {
  return fill(fill(r.pick(texts), "{t}", topic), "{p}", place);
}

int between(Random& r, int lo, int hi) {
  return lo + static_cast<int>(r.below(static_cast<std::size_t>(hi - lo + 1)));
}

}  // namespace

std::string seed_contact_work(SeedContext& sc, const ContactDemo& in) {
  auto& c = sc.conn;
  const auto& ctx = sc.ctx;
  const bool small = sc.scale == "small";
  Random rnd(sc.seed ^ 0xC0417AC7ULL);
  const auto now = audit::now_ms();
  const auto today = calendar::china_date(now);

  // The scoring year: this one up to today, or the last one before April. Its volume is a
  // year's whatever part of it has passed, so that the assessment shows every band.
  const bool early = today < year_month_day{today.year(), April, std::chrono::day{1}};
  const auto year = early ? today.year() - years{1} : today.year();
  const sys_days window_from{year / January / 1};
  const sys_days window_to = early ? sys_days{year / December / 31} : sys_days{today};
  const auto scaled = [&](const int(&range)[2]) { return between(rnd, range[0], range[1]); };
  const auto date_between = [&](sys_days lo, sys_days hi) {
    return contact::iso_date(year_month_day{
        lo + days{static_cast<int>(rnd.below(static_cast<std::size_t>((hi - lo).count() + 1)))}});
  };

  // The staff account records what the members report (工作人员代录).
  const auto staff_account = accounts::first_account_with_role(c, "staff");
  auth::Principal staff;
  if (staff_account) {
    staff.user_id = staff_account->id;
    staff.conference_id = staff_account->conference_id.value_or(0);
  }
  staff.username = "staff";
  staff.roles = {auth::Role::staff};
  const audit::Actor actor{staff, "127.0.0.1", "seed-demo"};

  const auto members = organisation::members_of_conference(c, in.conference);
  // The tests' small demo leaves the `leader` account's member to them.
  const auto skipped = [&](std::int64_t id) { return small && id == in.leader_account_member; };
  std::map<std::int64_t, Tier> tier;
  std::map<std::int64_t, Ids> studio_members;
  for (const auto& m : members) {
    tier[m.id] = draw_tier(rnd);
    if (skipped(m.id)) continue;
    for (const auto& s : m.studios)
      studio_members[s.id].push_back(m.id);
  }

  int activities = 0;
  std::map<std::string, int> by_channel;
  const auto log = [&](contact::NewActivity a) {
    a.conference_id = in.conference;
    const auto logged = contact::log_activity(c, ctx, actor, a, now);
    ++activities;
    ++by_channel[a.channel.empty() ? contact::default_channel(a.kind) : a.channel];
    return logged;
  };

  // Each member's own contacts: visits, often with one or two mates of the same studio who
  // have visits to make too; talks; contacts online.
  std::map<std::int64_t, int> visits_left;
  for (const auto& m : members) {
    if (!skipped(m.id)) visits_left[m.id] = scaled(kVisits[tier[m.id]]);
  }
  for (const auto& m : members) {
    if (skipped(m.id)) continue;
    const auto t = tier[m.id];
    const auto topic = [&] {
      return !m.expertise.empty() && rnd.chance(0.6) ? rnd.pick(m.expertise) : rnd.pick(kTopics);
    };
    Ids mates;
    for (const auto& s : m.studios) {
      for (const auto id : studio_members[s.id]) {
        if (id != m.id && std::find(mates.begin(), mates.end(), id) == mates.end())
          mates.push_back(id);
      }
    }
    while (visits_left[m.id] > 0) {
      contact::NewActivity a{.kind = "visit", .held_on = date_between(window_from, window_to)};
      a.place = rnd.pick(kPlaces);
      a.member_ids = {m.id};
      Ids free;
      for (const auto id : mates) {
        if (visits_left[id] > 0) free.push_back(id);
      }
      for (int extra = rnd.chance(0.85) ? between(rnd, 1, 3) : 0; extra > 0 && !free.empty();
           --extra) {
        const auto at = rnd.below(free.size());
        a.member_ids.push_back(free[at]);
        free.erase(free.begin() + static_cast<std::ptrdiff_t>(at));
      }
      for (const auto id : a.member_ids)
        --visits_left[id];
      a.reached_count = between(rnd, 2, 12);
      a.summary = summary(rnd, kVisitTexts, topic(), a.place);
      log(std::move(a));
    }
    for (int i = scaled(kTalks[t]); i > 0; --i) {
      contact::NewActivity a{.kind = "talk", .held_on = date_between(window_from, window_to)};
      a.place = rnd.pick(kPlaces);
      a.member_ids = {m.id};
      a.reached_count = between(rnd, 1, 5);
      a.summary = summary(rnd, kTalkTexts, topic(), a.place);
      log(std::move(a));
    }
    for (int i = scaled(kOnline[t]); i > 0; --i) {
      contact::NewActivity a{.kind = rnd.chance(0.5) ? "talk" : "visit",
                             .channel = "online",
                             .held_on = date_between(window_from, window_to)};
      a.member_ids = {m.id};
      a.reached_count = between(rnd, 8, 60);
      a.summary = summary(rnd, kOnlineTexts, topic(), rnd.pick(kPlaces));
      log(std::move(a));
    }
  }

  // The conference's own events, with the members who took part.
  for (const auto& e : conference_events()) {
    for (int i = 0; i < e.per_year; ++i) {
      contact::NewActivity a{
          .kind = e.kind, .channel = e.channel, .held_on = date_between(window_from, window_to)};
      for (const auto& m : members) {
        if (!skipped(m.id) && rnd.chance(e.joins[tier[m.id]])) a.member_ids.push_back(m.id);
      }
      if (a.member_ids.empty()) continue;
      a.place = rnd.chance(0.5) ? std::string("市政协机关") : rnd.pick(kPlaces);
      a.reached_count = between(rnd, e.reached_min, e.reached_max);
      a.summary = summary(rnd, e.summaries, rnd.pick(kTopics), rnd.pick(kPlaces));
      log(std::move(a));
    }
  }

  // The studios' events, with the members who took part.
  Ids studios = in.themed_studios;
  for (const auto& list : in.stations_by_county)
    studios.insert(studios.end(), list.begin(), list.end());
  Ids named = studios;
  named.insert(named.end(), in.county_studios.begin(), in.county_studios.end());
  const auto names = organisation::names_of_studios(c, named);
  const auto studio_name = [&](std::int64_t id) {
    const auto it = names.find(id);
    return it == names.end() ? std::string("委员工作室") : it->second;
  };
  int total_weight = 0;
  for (const auto& k : event_kinds())
    total_weight += k.weight;
  const std::set<std::int64_t> themed(in.themed_studios.begin(), in.themed_studios.end());
  for (const auto sid : studios) {
    if (small && sid == in.lead_studio) continue;  // the tests count that studio's activities
    const auto& mates = studio_members[sid];
    if (mates.empty()) continue;
    const int events = themed.contains(sid) ? between(rnd, 5, 10) : between(rnd, 1, 2);
    for (int i = 0; i < events; ++i) {
      int pick = static_cast<int>(rnd.below(static_cast<std::size_t>(total_weight)));
      const EventKind* kind = &event_kinds().front();
      for (const auto& k : event_kinds()) {
        if ((pick -= k.weight) < 0) {
          kind = &k;
          break;
        }
      }
      contact::NewActivity a{.kind = kind->kind, .held_on = date_between(window_from, window_to)};
      a.studio_id = sid;
      a.place = studio_name(sid);
      for (const auto id : mates) {
        if (rnd.chance(kJoins[tier[id]])) a.member_ids.push_back(id);
      }
      if (a.member_ids.empty()) {
        a.member_ids.push_back(*std::max_element(
            mates.begin(), mates.end(), [&](auto x, auto y) { return tier[x] < tier[y]; }));
      }
      if (a.kind == "briefing" && rnd.chance(0.2)) {
        a.channel = "online";
        a.summary = "线上宣讲" + rnd.pick(kTopics) + "相关政策，群众在线参与互动";
      } else {
        a.summary = summary(rnd, kind->summaries, rnd.pick(kTopics), rnd.pick(kPlaces));
      }
      a.reached_count = between(rnd, kind->reached_min, kind->reached_max);
      log(std::move(a));
    }
  }

  // City scale: the themed studios' monthly reception days (every second Wednesday, as their
  // opening rules say), from January to three months ahead; most past days were held.
  int held = 0, scheduled = 0;
  if (!small) {
    const auto to_month = [](year_month ym) {
      return static_cast<int>(ym.year()) * 12 + static_cast<int>(unsigned(ym.month()));
    };
    const int months = to_month(today.year() / today.month()) + 3 - to_month(year / January);
    const auto last_day = contact::iso_date(today);
    for (const auto sid : in.themed_studios) {
      auto duty = studio_members[sid];
      if (duty.empty()) continue;
      // The rota's members: the studio's most active, two or three of them.
      std::stable_sort(duty.begin(), duty.end(), [&](auto x, auto y) { return tier[x] > tier[y]; });
      duty.resize(std::min<std::size_t>(duty.size(), 2 + rnd.below(2)));
      contact::Rota rota{2, 3, "09:00", "11:30", studio_name(sid) + "接待室", duty, true};
      contact::save_rota(c, sid, rota, now);
      contact::generate_reception_days(c, ctx, sid, year / January, months, now);
      for (const auto& v : contact::upcoming_reception_days(
               c, sid, contact::iso_date(year_month_day{window_from}), months + 1)) {
        const auto& d = v.as_object();
        if (std::string(d.at("date").as_string()) > last_day) {
          ++scheduled;
          continue;
        }
        if (!rnd.chance(0.88)) continue;  // not recorded: the day stays as scheduled
        const int people = between(rnd, 12, 60);
        contact::HeldReceptionDay h;
        h.reached_count = people;
        h.summary = fill(fill(summary(rnd, kReceptionTexts, rnd.pick(kTopics), ""), "{n}",
                              std::to_string(people)),
                         "{k}", std::to_string(between(rnd, 1, 6)));
        contact::hold_reception_day(c, ctx, actor, d.at("id").as_int64(), h, now);
        ++held;
        ++activities;
        ++by_channel["face_to_face"];
      }
    }
  }

  // City scale: each leader's contact points, and their visits quarter by quarter — the
  // first leader visits all three every quarter, the last misses the township this quarter,
  // the others most of the time.
  int links = 0, visits = 0;
  if (!small && !in.counties.empty()) {
    for (std::size_t i = 0; i < in.leaders.size(); ++i) {
      const auto k = i % in.counties.size();
      const auto& stations = in.stations_by_county[k];
      if (stations.empty() || in.themed_studios.empty()) continue;
      contact::LeaderLink link{
          in.leaders[i], in.themed_studios[(i * 4 + 1) % in.themed_studios.size()], in.counties[k],
          stations[(i / in.counties.size()) % stations.size()]};
      contact::save_leader_link(c, actor, link, now);
      ++links;
      const auto last_quarter = (unsigned(year_month_day{window_to}.month()) - 1) / 3 + 1;
      for (unsigned q = 1; q <= last_quarter; ++q) {
        const sys_days from{year / month{q * 3 - 2} / 1};
        const sys_days to = std::min(window_to, sys_days{year / month{q * 3} / last});
        for (const auto point : {link.studio_id, in.county_studios[k], link.township_studio_id}) {
          if (point == 0) continue;
          const bool visited = i == 0 || (i + 1 == in.leaders.size() && q == last_quarter
                                              ? point != link.township_studio_id
                                              : rnd.chance(q == last_quarter ? 0.55 : 0.8));
          if (!visited) continue;
          contact::NewActivity a{.kind = rnd.chance(0.6) ? "inspection" : "consultation",
                                 .held_on = date_between(from, to)};
          a.studio_id = point;
          a.place = studio_name(point);
          a.member_ids = {in.leaders[i]};
          a.reached_count = between(rnd, 10, 40);
          a.summary = summary(rnd, kLeaderTexts, rnd.pick(kTopics), a.place);
          log(std::move(a));
          ++visits;
        }
      }
    }
  }

  std::string channels;
  for (const auto& [ch, n] : by_channel)
    channels += (channels.empty() ? "" : "，") + ch + " " + std::to_string(n);
  std::string line = "联系群众 contact work (" + std::to_string(static_cast<int>(year)) +
                     "): 履职活动 " + std::to_string(activities) + " 项（" + channels + "）";
  if (!small) {
    line += "，接待日 " + std::to_string(held) + " 次已开展、" + std::to_string(scheduled) +
            " 次待开展，领导联系点 " + std::to_string(links) + " 个（走访 " +
            std::to_string(visits) + " 次）";
  }
  return line;
}

}  // namespace tongxin::demo
