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
#include "core/calendar/dates.hpp"
#include "demo/data.hpp"
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
  std::string kind;
  std::string channel;  // "": the kind's usual one
  int per_year = 0;
  double joins[4] = {};
  int reached_min = 0, reached_max = 0;
  std::vector<std::string> summaries;
};
const std::vector<ConferenceEvent>& conference_events() {
  return demo_table<std::vector<ConferenceEvent>>("conference_events.tsv", [](const Tsv& t) {
    std::vector<ConferenceEvent> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      ConferenceEvent e{t.at(i, "kind"),
                        t.at(i, "channel"),
                        t.integer(i, "per_year"),
                        {},
                        t.integer(i, "reached_min"),
                        t.integer(i, "reached_max"),
                        t.list(i, "summaries")};
      const auto joins = t.list(i, "joins");
      for (std::size_t k = 0; k < 4 && k < joins.size(); ++k)
        e.joins[k] = std::stod(joins[k]);
      out.push_back(std::move(e));
    }
    return out;
  });
}

// Topics members work on and places they go to ({t} and {p} of the summaries).
const std::vector<std::string>& topics() {
  return phrases("contact.topic");
}
const std::vector<std::string>& places() {
  return phrases("contact.place");
}

// A studio event: its kind, how often it is chosen (weight), how many people it reaches, and
// what its summary says ({t}: topic, {p}: place).
struct EventKind {
  std::string kind;
  int weight = 0;
  int reached_min = 0, reached_max = 0;
  std::vector<std::string> summaries;
};
const std::vector<EventKind>& event_kinds() {
  return demo_table<std::vector<EventKind>>("studio_events.tsv", [](const Tsv& t) {
    std::vector<EventKind> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      out.push_back({t.at(i, "kind"), t.integer(i, "weight"), t.integer(i, "reached_min"),
                     t.integer(i, "reached_max"), t.list(i, "summaries")});
    }
    return out;
  });
}

std::string summary(Random& r, const std::vector<std::string>& texts, const std::string& topic,
                    const std::string& place) {
  return fill(fill(r.pick(texts), "{t}", topic), "{p}", place);
}

int between(Random& r, int lo, int hi) {
  return lo + static_cast<int>(r.below(static_cast<std::size_t>(hi - lo + 1)));
}

}  // namespace

std::string seed_contact_work(SeedContext& sc, const ContactDemo& in,
                              std::map<std::int64_t, int>* tiers) {
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
    return calendar::iso_date(year_month_day{
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
      return !m.expertise.empty() && rnd.chance(0.6) ? rnd.pick(m.expertise) : rnd.pick(topics());
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
      a.place = rnd.pick(places());
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
      a.summary = summary(rnd, phrases("contact.visit"), topic(), a.place);
      log(std::move(a));
    }
    for (int i = scaled(kTalks[t]); i > 0; --i) {
      contact::NewActivity a{.kind = "talk", .held_on = date_between(window_from, window_to)};
      a.place = rnd.pick(places());
      a.member_ids = {m.id};
      a.reached_count = between(rnd, 1, 5);
      a.summary = summary(rnd, phrases("contact.talk"), topic(), a.place);
      log(std::move(a));
    }
    for (int i = scaled(kOnline[t]); i > 0; --i) {
      contact::NewActivity a{.kind = rnd.chance(0.5) ? "talk" : "visit",
                             .channel = "online",
                             .held_on = date_between(window_from, window_to)};
      a.member_ids = {m.id};
      a.reached_count = between(rnd, 8, 60);
      a.summary = summary(rnd, phrases("contact.online"), topic(), rnd.pick(places()));
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
      a.place = rnd.chance(0.5) ? phrase("contact.conference_place") : rnd.pick(places());
      a.reached_count = between(rnd, e.reached_min, e.reached_max);
      a.summary = summary(rnd, e.summaries, rnd.pick(topics()), rnd.pick(places()));
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
    return it == names.end() ? phrase("contact.studio_fallback_name") : it->second;
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
        a.summary = phrase("contact.online_briefing", {{"{t}", rnd.pick(topics())}});
      } else {
        a.summary = summary(rnd, kind->summaries, rnd.pick(topics()), rnd.pick(places()));
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
    const auto last_day = calendar::iso_date(today);
    for (const auto sid : in.themed_studios) {
      auto duty = studio_members[sid];
      if (duty.empty()) continue;
      // The rota's members: the studio's most active, two or three of them.
      std::stable_sort(duty.begin(), duty.end(), [&](auto x, auto y) { return tier[x] > tier[y]; });
      duty.resize(std::min<std::size_t>(duty.size(), 2 + rnd.below(2)));
      contact::Rota rota{2,
                         3,
                         "09:00",
                         "11:30",
                         phrase("contact.reception_room", {{"{studio}", studio_name(sid)}}),
                         duty,
                         true};
      contact::save_rota(c, sid, rota, now);
      contact::generate_reception_days(c, ctx, sid, year / January, months, now);
      for (const auto& v : contact::upcoming_reception_days(
               c, sid, calendar::iso_date(year_month_day{window_from}), months + 1)) {
        const auto& d = v.as_object();
        if (std::string(d.at("date").as_string()) > last_day) {
          ++scheduled;
          continue;
        }
        if (!rnd.chance(0.88)) continue;  // not recorded: the day stays as scheduled
        const int people = between(rnd, 12, 60);
        contact::HeldReceptionDay h;
        h.reached_count = people;
        h.summary = fill(fill(summary(rnd, phrases("contact.reception"), rnd.pick(topics()), ""),
                              "{n}", std::to_string(people)),
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
          a.summary = summary(rnd, phrases("contact.leader_visit"), rnd.pick(topics()), a.place);
          log(std::move(a));
          ++visits;
        }
      }
    }
  }

  if (tiers) {
    for (const auto& [id, t] : tier)
      (*tiers)[id] = t;
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
