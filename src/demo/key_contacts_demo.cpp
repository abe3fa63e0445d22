// src/demo/key_contacts_demo.cpp
#include "demo/key_contacts_demo.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <set>

#include "accounts/directory.hpp"
#include "contact/contact.hpp"
#include "core/audit/audit.hpp"
#include "core/calendar/calendar.hpp"
#include "core/calendar/dates.hpp"
#include "demo/data.hpp"
#include "demo/people.hpp"
#include "demo/random.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::demo {

namespace {

using namespace std::chrono;
using Ids = std::vector<std::int64_t>;

// grassroots_units.tsv: the names of each kind of unit.
struct UnitKind {
  std::string kind;
  std::vector<std::string> names;
};
const std::vector<UnitKind>& unit_kinds() {
  return demo_table<std::vector<UnitKind>>("grassroots_units.tsv", [](const Tsv& t) {
    std::vector<UnitKind> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      out.push_back({t.at(i, "kind"), t.list(i, "names")});
    return out;
  });
}
const std::vector<std::string>& unit_names(std::string_view kind) {
  for (const auto& k : unit_kinds()) {
    if (k.kind == kind) return k.names;
  }
  throw std::runtime_error("demo data: grassroots_units.tsv: no kind " + std::string(kind));
}

// key_contacts.tsv: where a sector's contacts work and what the member notes about them (the
// two lists paired item by item); the row with no sector is anyone's.
struct ContactPool {
  std::vector<std::string> work_units, notes;
};
struct ContactPools {
  std::map<std::string, ContactPool> by_sector;
  ContactPool general;
};
const ContactPools& contact_pools() {
  return demo_table<ContactPools>("key_contacts.tsv", [](const Tsv& t) {
    ContactPools p;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      ContactPool x{t.list(i, "work_units"), t.list(i, "notes")};
      if (x.work_units.empty() || x.work_units.size() != x.notes.size())
        throw std::runtime_error("demo data: key_contacts.tsv: row " + std::to_string(i + 1) +
                                 ": as many notes as work units");
      const auto& sector = t.at(i, "sector");
      (sector.empty() ? p.general : p.by_sector[sector]) = std::move(x);
    }
    return p;
  });
}

struct ChangeKind {
  std::string kind;
  int weight = 0;
  std::vector<std::string> notes;
};
const std::vector<ChangeKind>& change_kinds() {
  return demo_table<std::vector<ChangeKind>>("key_contact_changes.tsv", [](const Tsv& t) {
    std::vector<ChangeKind> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      out.push_back({t.at(i, "kind"), t.integer(i, "weight"), t.list(i, "notes")});
    return out;
  });
}
const ChangeKind& change_kind(std::string_view kind) {
  for (const auto& k : change_kinds()) {
    if (k.kind == kind) return k;
  }
  throw std::runtime_error("demo data: key_contact_changes.tsv: no kind " + std::string(kind));
}

// visit_triggers.tsv: the occasions staff announced, how many days ago; no sectors: all.
struct EventTrigger {
  std::string occasion;
  int days_ago = 0, due_days = 15;
  std::vector<std::string> sectors;
  std::string title, topic;
};
const std::vector<EventTrigger>& event_triggers() {
  return demo_table<std::vector<EventTrigger>>("visit_triggers.tsv", [](const Tsv& t) {
    std::vector<EventTrigger> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      out.push_back({t.at(i, "occasion"), t.integer(i, "days_ago"), t.integer(i, "due_days"),
                     t.list(i, "sectors"), t.at(i, "title"), t.at(i, "topic")});
    }
    return out;
  });
}

// sector_days.tsv: the sectors' days (界别节日), solar or lunar.
struct SectorDay {
  std::string title, calendar;
  int month = 0, day = 0;
  std::vector<std::string> sectors;
};
const std::vector<SectorDay>& sector_days() {
  return demo_table<std::vector<SectorDay>>("sector_days.tsv", [](const Tsv& t) {
    std::vector<SectorDay> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      out.push_back({t.at(i, "title"), t.at(i, "calendar"), t.integer(i, "month"),
                     t.integer(i, "day"), t.list(i, "sectors")});
    }
    return out;
  });
}

// The mobile prefixes of the three carriers.
constexpr const char* kMobilePrefixes[] = {"133", "135", "136", "137", "138", "139", "150", "151",
                                           "152", "155", "156", "158", "159", "173", "177", "180",
                                           "181", "186", "187", "188", "189", "191", "199"};

std::string mobile(Random& r) {
  std::string m = kMobilePrefixes[r.below(std::size(kMobilePrefixes))];
  for (int i = 0; i < 8; ++i)
    m += static_cast<char>('0' + r.below(10));
  return m;
}

// A township-level division's kind from its statistical code (GB/T 10114): 001–099
// streets (街道), 100–199 towns (镇), 200–399 townships (乡); the rest are development zones
// and state farms, where the demo ties no one.
enum class Township { street, town, other };
Township township_kind(const std::string& code12) {
  const int n = std::stoi(code12.substr(6, 3));
  return n >= 1 && n < 100     ? Township::street
         : n >= 100 && n < 400 ? Township::town
                               : Township::other;
}

int between(Random& r, int lo, int hi) {
  return lo + static_cast<int>(r.below(static_cast<std::size_t>(hi - lo + 1)));
}

// How likely a member of each tier visits a contact of a task before it is due.
constexpr double kAnswers[4] = {0.15, 0.5, 0.85, 0.97};

// One step of the timeline. Steps of a day run in this order: triggers fire, contacts'
// changes are recorded, visits are logged, contacts are archived.
enum class Step { fire = 0, sector_days = 1, change = 2, visit = 3, archive = 4 };
struct Event {
  sys_days day;
  Step step;
  std::size_t trigger = 0;  // fire: index in event_triggers()
  std::int64_t member = 0;  // visit
  Ids contacts;             // visit: those met; change, archive: the one
  std::string kind, note;   // change
  std::string topic;        // visit: what it was about
};

struct Planned {
  std::int64_t id = 0;
  std::optional<sys_days> archived_on;
  bool neglected = false;  // never visited
};

}  // namespace

std::string seed_key_contacts(SeedContext& sc, const KeyContactsDemo& in) {
  auto& c = sc.conn;
  const auto& ctx = sc.ctx;
  Random rnd(sc.seed ^ 0x1158C0DEULL);
  const auto now = audit::now_ms();
  const auto today = calendar::china_date(now);
  const sys_days today_d{today};
  const auto at = [](sys_days d, int hour) {
    return calendar::china_ms(year_month_day{d}, hour, 0);
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

  const std::set<std::int64_t> left_alone(in.left_alone.begin(), in.left_alone.end());
  std::vector<organisation::MemberBrief> members;
  std::map<std::string, std::int64_t> sector_ids;  // by name, of the sectors with members
  for (auto& m : organisation::members_of_conference(c, in.conference)) {
    if (m.sector_id) sector_ids.emplace(m.sector_name, *m.sector_id);
    if (!left_alone.contains(m.id)) members.push_back(std::move(m));
  }

  // Grassroots units: about one for three members in each district, in its streets (a
  // compound or an office building) and towns (a village, or a compound in the town).
  std::vector<std::string> district_order;
  std::map<std::string, Ids> members_by_district;
  for (const auto& m : members) {
    const auto* d = m.division_code ? ctx.divisions->find(*m.division_code) : nullptr;
    const auto code = d ? d->code : std::string();
    if (!members_by_district.contains(code)) district_order.push_back(code);
    members_by_district[code].push_back(m.id);
  }
  int units = 0;
  for (const auto& district : district_order) {
    const auto& ids = members_by_district[district];
    std::vector<const divisions::Division*> places;
    if (!district.empty()) {
      for (const auto* t : ctx.divisions->children(district)) {
        if (township_kind(t->code) != Township::other) places.push_back(t);
      }
    }
    Ids made;
    for (std::size_t i = 0, n = std::max<std::size_t>(1, (ids.size() + 2) / 3); i < n; ++i) {
      contact::NewGrassrootsUnit u;
      const auto* place = places.empty() ? ctx.divisions->find(district) : rnd.pick(places);
      const bool street = !place || township_kind(place->code) != Township::town;
      u.kind = street ? (rnd.chance(0.7) ? "compound" : "building")
                      : (rnd.chance(0.75) ? "village" : "compound");
      u.name = rnd.pick(unit_names(u.kind));
      u.division_code = place ? place->code : std::string();
      u.address = phrase(
          "key_contacts.unit_address",
          {{"{place}", place ? ctx.divisions->full_name(place->code) : ""}, {"{name}", u.name}});
      made.push_back(contact::create_grassroots_unit(c, actor, in.conference, u, now).id);
      ++units;
    }
    for (std::size_t k = 0; k < ids.size(); ++k)
      contact::tie_member_to_unit(c, actor, ids[k], made[k % made.size()], now);
  }

  // Key contacts, kept since well before this year's occasions: nine to twelve each, eleven
  // for the showcase member (one of them archived below).
  const auto& pools = contact_pools();
  std::map<std::int64_t, std::vector<Planned>> contacts_of;
  int contacts = 0;
  for (const auto& m : members) {
    const int n = m.id == in.showcase_member ? 11 : between(rnd, 9, 12);
    const auto it = pools.by_sector.find(m.sector_name);
    for (int i = 0; i < n; ++i) {
      const auto& pool =
          it != pools.by_sector.end() && rnd.chance(0.8) ? it->second : pools.general;
      contact::NewKeyContact k;
      k.name = person_name(rnd);
      if (rnd.chance(0.92)) k.phone = mobile(rnd);
      k.sector_label = m.sector_name;
      const auto which = rnd.below(pool.work_units.size());
      k.work_unit = pool.work_units[which];
      k.notes = pool.notes[which];
      k.member_id = m.id;
      const auto since = at(today_d - days{between(rnd, 380, 700)}, 10);
      contacts_of[m.id].push_back({contact::create_key_contact(c, ctx, actor, k, since).id});
      ++contacts;
    }
  }

  // The timeline.
  std::vector<Event> events;
  std::map<std::pair<std::int64_t, long>, std::size_t> visit_of;  // (member, day) → event
  const auto plan_visit = [&](std::int64_t m, std::int64_t k, sys_days d,
                              const std::string& topic) {
    const auto key = std::pair{m, static_cast<long>(d.time_since_epoch().count())};
    if (const auto found = visit_of.find(key); found != visit_of.end()) {
      auto& ids = events[found->second].contacts;
      if (std::find(ids.begin(), ids.end(), k) == ids.end()) ids.push_back(k);
      return;
    }
    visit_of.emplace(key, events.size());
    events.push_back({d, Step::visit, 0, m, {k}, "", "", topic});
  };
  // A member answering an occasion fired on `fired`: one or two days of visits before it is
  // due (up to today), each contact met with the member's likelihood — a share of it while
  // the time to do so is not over.
  const auto answer = [&](std::int64_t m, const std::vector<Planned*>& concerned, sys_days fired,
                          int due, const std::string& topic, double p, bool force) {
    const sys_days last = std::min(fired + days{due - 1}, today_d);
    const int span = static_cast<int>((last - fired).count()) + 1;
    const double share = fired + days{due} <= today_d ? 1.0 : static_cast<double>(span) / due;
    std::vector<sys_days> when;
    for (int i = between(rnd, 1, 2); i > 0; --i)
      when.push_back(fired + days{between(rnd, 0, span - 1)});
    for (auto* k : concerned) {
      if (k->neglected || !(force || rnd.chance(p * share))) continue;
      const auto d = rnd.pick(when);
      if (k->archived_on && d > *k->archived_on) continue;
      plan_visit(m, k->id, d, topic);
    }
  };
  const auto live_on = [](const Planned& k, sys_days d) {
    return !k.archived_on || *k.archived_on >= d;
  };

  // Archived contacts (moved away, passed on): a few, in the last days.
  for (const auto& m : members) {
    auto& list = contacts_of[m.id];
    for (auto& k : list) {
      if (m.id != in.showcase_member && rnd.chance(0.03))
        k.archived_on = today_d - days{between(rnd, 0, 4)};
    }
    if (m.id == in.showcase_member && list.size() >= 4) {
      // Every state on the showcase member's phone: a contact left unvisited since a
      // difficulty (overdue), a fresh demand (open), a life event visited (done), a contact
      // archived with the plenary's task still open (cancelled).
      list[0].neglected = true;
      list[1].neglected = true;
      list.back().neglected = true;
      list.back().archived_on = today_d - days{2};
    }
  }

  // Changes in contacts' lives.
  int change_weight = 0;
  for (const auto& k : change_kinds())
    change_weight += k.weight;
  int changes = 0;
  for (const auto& m : members) {
    const auto tier = in.tiers.contains(m.id) ? in.tiers.at(m.id) : 2;
    const bool showcase = m.id == in.showcase_member;
    const double p = kAnswers[showcase ? std::max(tier, 2) : tier];
    auto& list = contacts_of[m.id];
    const auto change = [&](Planned& k, const std::string& kind, sys_days day, bool force) {
      const auto& ck = change_kind(kind);
      events.push_back({day, Step::change, 0, 0, {k.id}, kind, rnd.pick(ck.notes), ""});
      ++changes;
      answer(m.id, {&k}, day, kind == "difficulty" ? 7 : 15,
             phrase("key_contacts.change_topic." + kind), p, force);
    };
    if (showcase && list.size() >= 4) {
      change(list[0], "difficulty", today_d - days{12}, false);
      change(list[1], "demand", today_d - days{3}, false);
      change(list[2], "life_event", today_d - days{25}, true);
      continue;
    }
    for (auto& k : list) {
      if (!rnd.chance(0.12)) continue;
      const auto day = today_d - days{between(rnd, 1, 45)};
      int pick = static_cast<int>(rnd.below(static_cast<std::size_t>(change_weight)));
      const ChangeKind* kind = &change_kinds().front();
      for (const auto& ck : change_kinds()) {
        if ((pick -= ck.weight) < 0) {
          kind = &ck;
          break;
        }
      }
      if (live_on(k, day)) change(k, kind->kind, day, false);
    }
  }

  // Occasions staff announced, for their sectors (no sectors: all).
  std::map<std::string, int> triggers_by_occasion;
  for (std::size_t t = 0; t < event_triggers().size(); ++t) {
    const auto& e = event_triggers()[t];
    std::set<std::string> names(e.sectors.begin(), e.sectors.end());
    if (std::none_of(sector_ids.begin(), sector_ids.end(),
                     [&](const auto& s) { return names.empty() || names.contains(s.first); }))
      continue;
    const auto fired = today_d - days{e.days_ago};
    events.push_back({fired, Step::fire, t, 0, {}, "", "", ""});
    ++triggers_by_occasion[e.occasion];
    for (const auto& m : members) {
      if (!names.empty() && !names.contains(m.sector_name)) continue;
      const auto tier = in.tiers.contains(m.id) ? in.tiers.at(m.id) : 2;
      std::vector<Planned*> concerned;
      for (auto& k : contacts_of[m.id]) {
        if (live_on(k, fired)) concerned.push_back(&k);
      }
      answer(m.id, concerned, fired, e.due_days, e.topic,
             kAnswers[m.id == in.showcase_member ? std::max(tier, 2) : tier], false);
    }
  }

  // The sectors' days, each fired on its last occurrence within a year.
  std::set<long> sector_day_fired;
  for (const auto& s : sector_days()) {
    contact::NewSectorDate d{s.title, {}, s.calendar, s.month, s.day};
    std::set<std::string> names(s.sectors.begin(), s.sectors.end());
    for (const auto& name : s.sectors) {
      if (const auto it = sector_ids.find(name); it != sector_ids.end())
        d.sector_ids.push_back(it->second);
    }
    if (d.sector_ids.empty()) continue;
    contact::create_sector_date(c, actor, in.conference, d, today, at(today_d - days{400}, 9));
    const auto next =
        contact::next_sector_day(s.calendar, s.month, s.day, year_month_day{today_d - days{364}});
    if (!next || sys_days{*next} > today_d) continue;
    const sys_days fired{*next};
    if (sector_day_fired.insert(static_cast<long>(fired.time_since_epoch().count())).second)
      events.push_back({fired, Step::sector_days, 0, 0, {}, "", "", ""});
    ++triggers_by_occasion["sector_day"];
    for (const auto& m : members) {
      if (!names.contains(m.sector_name)) continue;
      const auto tier = in.tiers.contains(m.id) ? in.tiers.at(m.id) : 2;
      std::vector<Planned*> concerned;
      for (auto& k : contacts_of[m.id]) {
        if (live_on(k, fired)) concerned.push_back(&k);
      }
      answer(m.id, concerned, fired, 7, s.title,
             kAnswers[m.id == in.showcase_member ? std::max(tier, 2) : tier], false);
    }
  }
  for (const auto& [m, list] : contacts_of) {
    for (const auto& k : list) {
      if (k.archived_on) events.push_back({*k.archived_on, Step::archive, 0, 0, {k.id}});
    }
  }

  // Played day by day.
  std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) {
    return a.day != b.day ? a.day < b.day : a.step < b.step;
  });
  int cancelled = 0, visits = 0;
  for (const auto& e : events) {
    switch (e.step) {
      case Step::fire: {
        const auto& t = event_triggers()[e.trigger];
        contact::NewTrigger nt;
        nt.conference_id = in.conference;
        nt.occasion = t.occasion;
        nt.title = t.title;
        for (const auto& [name, id] : sector_ids) {
          if (t.sectors.empty() ||
              std::find(t.sectors.begin(), t.sectors.end(), name) != t.sectors.end())
            nt.sector_ids.push_back(id);
        }
        std::sort(nt.sector_ids.begin(), nt.sector_ids.end());
        nt.fired_on = calendar::iso_date(year_month_day{e.day});
        nt.due_days = t.due_days;
        contact::fire_trigger(c, ctx, actor, nt, at(e.day, 9));
        break;
      }
      case Step::sector_days:
        contact::fire_sector_days(c, ctx, year_month_day{e.day}, at(e.day, 8));
        break;
      case Step::change:
        contact::record_key_contact_change(c, ctx, actor, e.contacts.front(), {e.kind, e.note},
                                           at(e.day, 10));
        break;
      case Step::visit: {
        const double how = rnd.unit();
        const bool talk = how<0.15, online = how> 0.85;
        contact::NewActivity a{.kind = talk ? "talk" : "visit",
                               .channel = online ? "online" : "",
                               .held_on = calendar::iso_date(year_month_day{e.day})};
        a.conference_id = in.conference;
        if (!online) a.place = rnd.pick(phrases("contact.place"));
        a.member_ids = {e.member};
        a.key_contact_ids = e.contacts;
        a.reached_count = static_cast<int>(e.contacts.size());
        a.summary = fill(rnd.pick(phrases(talk     ? "key_contacts.talk"
                                          : online ? "key_contacts.online"
                                                   : "key_contacts.visit")),
                         "{t}", e.topic);
        contact::log_activity(c, ctx, actor, a, at(e.day, 18));
        ++visits;
        break;
      }
      case Step::archive:
        cancelled += contact::archive_key_contact(c, actor, e.contacts.front(), at(e.day, 17));
        break;
    }
  }

  // What is left on the members' pages.
  int open = 0, overdue = 0, done = 0, archived = 0;
  const auto today_iso = calendar::iso_date(today);
  for (const auto& m : members) {
    for (const auto& t : contact::visit_tasks_of_member(c, m.id, "", today_iso)) {
      if (t.status == "open") ++(t.overdue ? overdue : open);
      if (t.status == "done") ++done;
    }
    for (const auto& k : contacts_of[m.id])
      archived += k.archived_on ? 1 : 0;
  }
  std::string kinds;
  for (const auto& [o, n] : triggers_by_occasion)
    kinds += (kinds.empty() ? "" : ", ") + o + " " + std::to_string(n);
  return phrase("key_contacts.summary",
                {{"{units}", std::to_string(units)},
                 {"{members}", std::to_string(members.size())},
                 {"{contacts}", std::to_string(contacts - archived)},
                 {"{archived}", std::to_string(archived)},
                 {"{changes}", std::to_string(changes)},
                 {"{triggers}", kinds},
                 {"{tasks}", std::to_string(open + overdue + done + cancelled)},
                 {"{open}", std::to_string(open)},
                 {"{overdue}", std::to_string(overdue)},
                 {"{done}", std::to_string(done)},
                 {"{cancelled}", std::to_string(cancelled)},
                 {"{visits}", std::to_string(visits)}});
}

}  // namespace tongxin::demo
