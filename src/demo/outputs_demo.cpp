// src/demo/outputs_demo.cpp
//
// Every item is driven step by step through outputs::create_output and outputs::apply_action
// with the actor the real API would have (the member, staff, the agency's handler, a leader,
// the system), each step at a later moment than the one before, on working days and in
// office hours where an office acts. An item whose next step would fall after today stays
// where it is, so the recent ones are still in review or in hand. Items are made in the
// order they were written, so registration numbers and bulletin issues follow the calendar.
//
// Volumes (city scale): the seeds' Yongzhou counts 3,372 micro-suggestions in 2023 for a
// whole city with its counties. Each item here takes its eight to fifteen real steps through
// the services (about a millisecond each in a debug build), and `seed-demo --scale city` may
// grow by half a minute at most: so the city conference has 1,000 micro-suggestions in the
// previous year and as many pro rata in the current one, 260 proposals a year and 120
// opinion reports — a city conference's workload with the seeds' 95 % answer rate, each
// item with its real timeline — rather than rows written behind the services' back.
#include "demo/outputs_demo.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <set>

#include "accounts/directory.hpp"
#include "cases/in_hand.hpp"
#include "core/calendar/calendar.hpp"
#include "demo/data.hpp"
#include "demo/outputs_texts.hpp"
#include "demo/people.hpp"
#include "demo/random.hpp"
#include "organisation/briefs.hpp"
#include "organisation/directory.hpp"
#include "organisation/organisation.hpp"
#include "outputs/output_state.hpp"
#include "outputs/outputs.hpp"

namespace tongxin::demo {

namespace {

namespace json = boost::json;
using namespace std::chrono;
using outputs::Kind;

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
// The topic of an item made by a conversion: nothing is merged into it.
constexpr std::size_t kNoTopic = static_cast<std::size_t>(-1);

// Yearly volumes of the city conference (the current year gets its share up to today).
struct Volumes {
  int micro, proposals, opinions;
};
constexpr Volumes kCity{1000, 260, 120};
constexpr Volumes kSmall{20, 5, 4};

std::int64_t day_start_ms(year_month_day d) {
  return duration_cast<milliseconds>(sys_days{d}.time_since_epoch()).count() -
         calendar::kChinaOffsetMs;
}

std::string iso_date(std::int64_t ms) {
  const auto d = calendar::china_date(ms);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

int china_year(std::int64_t ms) {
  return static_cast<int>(calendar::china_date(ms).year());
}

// A plan for one item: where it stops (a state name; "" = as far as time allows) and what
// happens on its way.
struct Plan {
  std::string stop;
  std::string review = "accept";  // the staff's decision on the submitted item ("merge": others
                                  // on the same subject are merged into this one)
  bool stuck = false;             // the agency never answers
  bool ask_back = false;          // the agency asks to be relieved of it first
  bool extend = false;            // staff grant an extension
  bool late = false;              // answered after the deadline, once supervised
  bool key = false, excellent = false, publish = false;
  std::string reply_class;            // proposals: A | B | C
  std::string rating;                 // "" = never rated (closed by the system)
  std::string second_rating;          // after a redo
  std::vector<std::string> outcomes;  // opinion reports: what followed the sending
  bool transfer = false;              // opinion reports: handed to an agency
  bool brisk = false;                 // every step as soon as it may come (the demo accounts'
                                      // items, which must reach their state by today)
};

class Seeder {
 public:
  Seeder(SeedContext& sc, std::int64_t conference)
      : c_(sc.conn),
        ctx_(sc.ctx),
        rnd_(sc.seed ^ 0x0B7B0715ULL),
        small_(sc.scale == "small"),
        conference_(conference),
        now_(audit::now_ms()),
        limit_(now_ - 10 * kMinute) {
    struct Account {
      std::int64_t id = 0;
      std::optional<std::int64_t> member_id, agency_id;
    };
    const auto user = [&](const char* name) {
      const auto a = accounts::find_account(c_, name);
      if (!a) return Account{};
      return Account{a->id, a->member_id, a->agency_id};
    };
    auth::Principal staff;
    staff.user_id = user("staff").id;
    staff.username = "staff";
    staff.roles = {auth::Role::staff};
    staff.conference_id = conference;
    staff_ = {staff, "127.0.0.1", "seed-demo"};
    const auto leader_account = user("leader");
    auth::Principal leader;
    leader.user_id = leader_account.id;
    leader.member_id = leader_account.member_id;
    leader.username = "leader";
    leader.roles = {auth::Role::leader};
    leader.conference_id = conference;
    leader_ = {leader, "127.0.0.1", "seed-demo"};
    const auto agency_account = user("agency");
    agency_user_ = agency_account.id;
    demo_agency_ = agency_account.agency_id.value_or(0);
    for (const auto& a : organisation::agencies_of_conference(c_, conference)) {
      agencies_[a.short_name] = a.id;
      agency_names_[a.id] = a.short_name;
      agency_ids_.push_back(a.id);
    }
    for (const auto& [member, user] : accounts::member_accounts(c_))
      user_of_member_[member] = user;
    for (const auto& m : organisation::members_of_conference(c_, conference)) {
      members_[m.id] = m;
      if (user_of_member_.contains(m.id)) continue;  // the demo accounts get their own items
      authors_.push_back(m.id);
      // How much a member writes: a few a lot, most some, a fair number nothing.
      const double u = rnd_.unit();
      weights_.push_back(u < 0.22 ? 0 : u < 0.62 ? 1 : u < 0.9 ? 3 : 8);
    }
    for (const auto w : weights_)
      total_weight_ += w;
    for (const auto& m : members_) {
      if (m.second.sector_id) by_sector_[*m.second.sector_id].push_back(m.first);
    }
  }

  std::string run();

 private:
  // --- time -----------------------------------------------------------------------------
  // A moment in office hours `working_days` working days after `after` (0: later the same
  // working day, or the next one), always after it.
  std::int64_t work(std::int64_t after, int working_days) {
    const auto& cal = *ctx_.calendar;
    auto d = calendar::china_date(after);
    const auto start = day_start_ms(d);
    const bool same_day = working_days == 0 && cal.is_working_day(d) && after - start < 16 * kHour;
    if (!same_day) d = cal.add_working_days(d, std::max(1, working_days));
    auto t = day_start_ms(d) + 8 * kHour + 30 * kMinute +
             static_cast<std::int64_t>(rnd_.below(9 * 60)) * kMinute;
    if (t <= after) t = after + 20 * kMinute + static_cast<std::int64_t>(rnd_.below(120)) * kMinute;
    return t;
  }
  // Between `lo` and `hi` hours after `after`, at a member's hour: members write, confirm and
  // rate on any day, but a moment between 23:30 and 7:00 moves to the next morning.
  std::int64_t later(std::int64_t after, double lo, double hi) {
    const auto span = static_cast<std::size_t>((hi - lo) * 60) + 1;
    auto t = after + static_cast<std::int64_t>(lo * 60) * kMinute +
             static_cast<std::int64_t>(rnd_.below(span)) * kMinute + kMinute;
    const auto start = day_start_ms(calendar::china_date(t));
    const auto of_day = t - start;
    if (of_day < 7 * kHour) t = start + 7 * kHour + (of_day % kHour);
    if (of_day > 23 * kHour + 30 * kMinute) t = start + kDay + 7 * kHour + (of_day % kHour);
    return t;
  }
  // A moment of a member's day (7:00–23:00) on a random day in [from, to).
  std::int64_t moment_between(std::int64_t from, std::int64_t to) {
    const auto days = std::max<std::int64_t>(1, (to - from) / kDay);
    const auto d = calendar::china_date(
        from + static_cast<std::int64_t>(rnd_.below(static_cast<std::size_t>(days))) * kDay);
    return day_start_ms(d) + 7 * kHour + static_cast<std::int64_t>(rnd_.below(16 * 60)) * kMinute;
  }
  // A number of working days in [lo, hi]: the least for a brisk item.
  int days(const Plan& plan, int lo, int hi) {
    return plan.brisk ? lo
                      : lo + static_cast<int>(rnd_.below(static_cast<std::size_t>(hi - lo + 1)));
  }
  // Moves the clock to `next` unless that is after today (the item then stays as it is).
  bool at(std::int64_t& t, std::int64_t next) {
    if (next > limit_) return false;
    t = next;
    return true;
  }

  // --- actors ---------------------------------------------------------------------------
  audit::Actor member(std::int64_t id) const {
    auth::Principal p;
    const auto it = user_of_member_.find(id);
    p.user_id = it == user_of_member_.end() ? 0 : it->second;
    p.username = "member";
    p.roles = {auth::Role::member};
    p.conference_id = conference_;
    p.member_id = id;
    return {p, "127.0.0.1", "seed-demo"};
  }
  audit::Actor agency(std::int64_t id) const {
    auth::Principal p;
    p.user_id = id == demo_agency_ ? agency_user_ : 0;
    p.username = "agency";
    p.roles = {auth::Role::agency};
    p.conference_id = conference_;
    p.agency_id = id;
    return {p, "127.0.0.1", "seed-demo"};
  }
  const audit::Actor& system() const { return system_; }

  // --- services -------------------------------------------------------------------------
  std::int64_t create(const audit::Actor& a, Kind kind, const json::object& body, std::int64_t t) {
    ++actions_;
    return outputs::create_output(c_, ctx_, a, kind, body, t);
  }
  void act(const audit::Actor& a, Kind kind, std::int64_t id, std::string_view action,
           const json::object& body, std::int64_t t) {
    ++actions_;
    outputs::apply_action(c_, ctx_, a, kind, id, action, body, t);
  }
  std::optional<std::int64_t> due(std::int64_t id) { return outputs::output_state(c_, id).due_at; }
  std::int64_t converted_to(std::int64_t id) {
    return outputs::output_state(c_, id).converted_to_id.value_or(0);
  }
  std::string status(std::int64_t id) { return outputs::output_state(c_, id).status; }
  std::optional<std::int64_t> submitted_at(std::int64_t id) {
    return outputs::output_state(c_, id).submitted_at;
  }

  // --- picking --------------------------------------------------------------------------
  std::int64_t pick_author() {
    auto x = static_cast<int>(rnd_.below(static_cast<std::size_t>(std::max(1, total_weight_))));
    for (std::size_t i = 0; i < authors_.size(); ++i) {
      if ((x -= weights_[i]) < 0) return authors_[i];
    }
    return authors_.front();
  }
  // Co-signers: mostly of the first author's sector (only of it for a sector's proposal).
  std::vector<std::int64_t> pick_cosigners(std::int64_t first, std::size_t n,
                                           bool sector_only = false) {
    std::vector<std::int64_t> out;
    const auto& m = members_.at(first);
    const auto& mates = m.sector_id ? by_sector_[*m.sector_id] : authors_;
    for (int tries = 0; out.size() < n && tries < 40; ++tries) {
      const auto id = (tries < 20 || sector_only) && mates.size() > 1
                          ? mates[rnd_.below(mates.size())]
                          : authors_[rnd_.below(authors_.size())];
      if (id == first || user_of_member_.contains(id) ||
          std::find(out.begin(), out.end(), id) != out.end())
        continue;
      out.push_back(id);
    }
    return out;
  }
  std::int64_t agency_named(const std::string& short_name, const std::string& district = "") {
    const auto name = short_name == "{d}" ? texts::district_agency(district) : short_name;
    const auto it = agencies_.find(name);
    return it != agencies_.end() ? it->second : agencies_.begin()->second;
  }
  std::int64_t other_agency(std::int64_t not_this) {
    for (int tries = 0; tries < 10; ++tries) {
      const auto id = agency_ids_[rnd_.below(agency_ids_.size())];
      if (id != not_this) return id;
    }
    return agency_ids_.front();
  }
  json::array ids(const std::vector<std::int64_t>& v) {
    json::array out;
    for (const auto id : v)
      out.push_back(id);
    return out;
  }

  // --- the three workflows ----------------------------------------------------------------
  struct Micro {
    std::string title, body, category, reply;
    std::int64_t agency = 0;
    // Where it goes when the agency asks back: the place's district government, or the
    // city's urban management when that government had it.
    std::int64_t fallback = 0;
  };
  Micro micro_text(std::optional<std::size_t> matter = std::nullopt) {
    const auto& list = texts::matters();
    const auto& m = list[matter.value_or(rnd_.below(list.size()))];
    const auto& places = m.rural ? texts::rural_places() : texts::urban_places();
    const auto& p = places[rnd_.below(places.size())];
    const auto f = [&](const std::string& s) {
      return fill(fill(s, "{p}", p.name), "{d}", p.district);
    };
    const auto lead = agency_named(m.agency, p.district);
    const auto local = agency_named("{d}", p.district);
    return {f(m.titles[rnd_.below(m.titles.size())]),
            f(m.body),
            m.category,
            f(m.reply),
            lead,
            lead == local ? agency_named(phrase("outputs.account_agency")) : local};
  }
  std::int64_t micro(std::int64_t author, const Micro& text, std::int64_t t, Plan plan,
                     std::optional<std::int64_t> source_case = std::nullopt,
                     const std::string& authorship = "individual");
  std::int64_t drive_micro(std::int64_t id, std::int64_t author, const Micro& text, std::int64_t t,
                           const Plan& plan, bool submitted = false);

  struct Proposal {
    std::string title, body, category, answer;
    std::size_t topic = kNoTopic;
    std::int64_t lead = 0;
    std::vector<std::int64_t> assisting;
    std::int64_t alternative = 0;  // the lead when the first one asks back
  };
  Proposal proposal_text(std::size_t topic) {
    const auto& p = texts::proposal_topics()[topic];
    const std::string subject = p.subjects[rnd_.below(p.subjects.size())];
    Proposal out;
    out.title =
        phrase(rnd_.chance(0.75) ? "proposal.title" : "proposal.title_alt", {{"{s}", subject}});
    out.body = phrase("proposal.body", {{"{s}", subject},
                                        {"{background}", p.background},
                                        {"{problems}", p.problems},
                                        {"{suggestions}", p.suggestions}});
    out.category = p.category;
    out.answer = p.answer;
    out.topic = topic;
    out.lead = agency_named(p.lead);
    if (!p.assisting.empty()) out.alternative = agency_named(p.assisting.front());
    for (const auto& a : p.assisting) {
      if (rnd_.chance(0.5)) out.assisting.push_back(agency_named(a));
    }
    return out;
  }
  std::int64_t proposal(std::int64_t author, std::vector<std::int64_t> cosigners, bool sector,
                        const Proposal& text, std::int64_t t, bool in_session, Plan plan,
                        std::optional<std::int64_t> source_case = std::nullopt);
  void drive_proposal(std::int64_t id, std::vector<std::int64_t> authors, const Proposal& text,
                      std::int64_t t, const Plan& plan);

  struct Opinion {
    std::string title, body, category, reply;
    std::size_t topic = kNoTopic;
    std::int64_t agency = 0;
    std::string agency_name;
  };
  Opinion opinion_text(std::size_t topic) {
    const auto& o = texts::opinion_topics()[topic];
    const auto& districts = phrases("opinion.district");
    const std::string where = rnd_.chance(0.3) ? districts[rnd_.below(districts.size())] : "";
    const std::string m = o.matter;
    const auto form = rnd_.below(3);
    Opinion out;
    out.title = fill(fill(phrases("opinion.title")[form], "{m}", m), "{w}", where);
    out.body = phrase("opinion.body", {{"{situation}", o.situation},
                                       {"{problems}", o.problems},
                                       {"{suggestions}", o.suggestions}});
    out.category = o.category;
    out.topic = topic;
    out.agency = agency_named(o.agency);
    out.agency_name = o.agency;
    out.reply = phrase("opinion.reply");
    return out;
  }
  std::int64_t opinion(std::int64_t author, const Opinion& text, std::int64_t t, Plan plan,
                       const std::string& authorship = "individual");
  void drive_opinion(std::int64_t id, std::int64_t author, const Opinion& text, std::int64_t t,
                     const Plan& plan);

  // Plans drawn for ordinary items of a year.
  Plan micro_plan(bool previous_year);
  Plan proposal_plan(bool previous_year);
  Plan opinion_plan();

  void seed_year(int year, bool previous);
  void seed_accounts();
  void seed_from_cases();

  storage::Connection& c_;
  const ServiceContext& ctx_;
  Random rnd_;
  bool small_;
  std::int64_t conference_;
  std::int64_t now_, limit_;
  audit::Actor staff_, leader_;
  audit::Actor system_{std::nullopt, "127.0.0.1", "seed-demo"};
  std::int64_t agency_user_ = 0, demo_agency_ = 0;
  std::map<std::string, std::int64_t> agencies_;
  std::map<std::int64_t, std::string> agency_names_;
  std::vector<std::int64_t> agency_ids_;
  std::map<std::int64_t, std::int64_t> user_of_member_;
  std::map<std::int64_t, organisation::MemberBrief> members_;
  std::map<std::int64_t, std::vector<std::int64_t>> by_sector_;
  std::vector<std::int64_t> authors_;
  std::vector<int> weights_;
  int total_weight_ = 0;
  long actions_ = 0;
  int accepted_micro_ = 0;  // counts accepted micro-suggestions: every 22nd stays unanswered
  int converted_cases_ = 0;
};

Plan Seeder::micro_plan(bool previous_year) {
  Plan p;
  const double u = rnd_.unit();
  p.review = u < 0.04 ? "reject" : u < 0.06 ? "convert" : u < 0.075 ? "return" : "accept";
  if (p.review == "accept") {
    // The seeds' 95.4 %: about one accepted item in 22 is still not answered at the end.
    p.stuck = ++accepted_micro_ % 22 == 11;
    if (!previous_year && !p.stuck) p.stuck = rnd_.chance(0.01);
  }
  p.ask_back = rnd_.chance(0.05);
  p.extend = rnd_.chance(0.05);
  p.late = !p.extend && rnd_.chance(0.06);
  const double r = rnd_.unit();
  p.rating = r < 0.05   ? ""
             : r < 0.79 ? "satisfied"
             : r < 0.94 ? "basically_satisfied"
                        : "unsatisfied";
  // After a redo (once only), most are content; a few stay unsatisfied and it closes so.
  const double again = rnd_.unit();
  p.second_rating = again < 0.25   ? "unsatisfied"
                    : again < 0.75 ? "basically_satisfied"
                                   : "satisfied";
  return p;
}

Plan Seeder::proposal_plan(bool previous_year) {
  Plan p;
  const double u = rnd_.unit();
  p.review = u < 0.03    ? "reject"
             : u < 0.055 ? "merge"
             : u < 0.07  ? "convert"
             : u < 0.09  ? "return"
                         : "register";
  p.key = rnd_.chance(0.06);
  p.ask_back = rnd_.chance(0.04);
  p.stuck = rnd_.chance(previous_year ? 0.02 : 0.04);
  p.late = rnd_.chance(0.05);
  const double c = rnd_.unit();
  p.reply_class = c < 0.46 ? "A" : c < 0.86 ? "B" : "C";
  const double r = rnd_.unit();
  p.rating = r < 0.07   ? ""
             : r < 0.8  ? "satisfied"
             : r < 0.95 ? "basically_satisfied"
                        : "unsatisfied";
  const double again = rnd_.unit();
  p.second_rating = again < 0.25  ? "unsatisfied"
                    : again < 0.8 ? "basically_satisfied"
                                  : "satisfied";
  p.publish = rnd_.chance(0.55);
  p.excellent = previous_year && rnd_.chance(0.04);
  return p;
}

Plan Seeder::opinion_plan() {
  Plan p;
  const double u = rnd_.unit();
  p.review = u < 0.46   ? "adopt"
             : u < 0.68 ? "reject"
             : u < 0.86 ? "keep"
             : u < 0.92 ? "merge"
             : u < 0.95 ? "return"
                        : "adopt";
  if (rnd_.chance(0.35)) p.outcomes.push_back("adopted_above");
  if (rnd_.chance(0.3)) p.outcomes.push_back("instruction");
  if (rnd_.chance(0.12)) p.outcomes.push_back("instruction");
  if (rnd_.chance(0.15)) p.outcomes.push_back("agency_adoption");
  p.transfer = rnd_.chance(0.12);
  return p;
}

// --- micro-suggestions (workflows.md §2) ---------------------------------------------------

std::int64_t Seeder::micro(std::int64_t author, const Micro& text, std::int64_t t, Plan plan,
                           std::optional<std::int64_t> source_case, const std::string& authorship) {
  json::object body{{"title", text.title}, {"body", text.body}, {"category", text.category}};
  // A studio's members write some together; others are seconded by a colleague (附议).
  if (authorship == "studio" && !members_.at(author).studios.empty()) {
    body["authorship"] = "studio";
    body["studio_id"] = members_.at(author).studios.front().id;
  } else if (authorship == "joint") {
    const auto others = pick_cosigners(author, 1);
    if (!others.empty()) {
      body["authorship"] = "joint";
      body["coauthor_ids"] = ids(others);
    }
  }
  if (source_case) {
    // Converting a case is the member's act of writing it up: submitted at once.
    body["source_case_id"] = *source_case;
    body["submit"] = true;
  }
  const auto id = create(member(author), Kind::micro_suggestion, body, t);
  if (plan.stop == "draft") return id;
  return drive_micro(id, author, text, t, plan, source_case.has_value());
}

std::int64_t Seeder::drive_micro(std::int64_t id, std::int64_t author, const Micro& text,
                                 std::int64_t t, const Plan& plan, bool submitted) {
  const auto K = Kind::micro_suggestion;
  const auto me = member(author);
  if (!submitted) {
    // Written in the evening, submitted after a second look.
    if (!at(t, later(t, 0.2, 20))) return id;
    act(me, K, id, "submit", {}, t);
  }
  if (plan.stop == "submitted" || !at(t, work(t, days(plan, 0, 2)))) return id;
  if (plan.review == "reject") {
    act(staff_, K, id, "reject", {{"reason", rnd_.pick(texts::not_accepted_reasons())}}, t);
    return id;
  }
  if (plan.review == "convert") {
    const bool to_proposal = rnd_.chance(0.6);
    act(staff_, K, id, "convert",
        {{"target", to_proposal ? "proposal" : "opinion_report"},
         {"note", phrase(to_proposal ? "micro.convert_note.proposal"
                                     : "micro.convert_note.opinion_report")}},
        t);
    // The new item goes on in its own workflow, with the same author.
    const auto target = converted_to(id);
    if (to_proposal) {
      Proposal p{text.title,  text.body, text.category, text.reply, kNoTopic,
                 text.agency, {},        text.fallback};
      auto next = proposal_plan(china_year(t) < china_year(now_));
      next.review = "register";
      next.excellent = false;
      drive_proposal(target, {author}, p, t, next);
    } else {
      Opinion o{text.title,
                text.body,
                text.category,
                text.reply,
                kNoTopic,
                text.agency,
                agency_names_[text.agency]};
      auto next = opinion_plan();
      next.review = rnd_.chance(0.7) ? "adopt" : "keep";
      drive_opinion(target, author, o, t, next);
    }
    return id;
  }
  if (plan.review == "return") {
    act(staff_, K, id, "return", {{"reason", rnd_.pick(texts::return_reasons())}}, t);
    if (plan.stop == "draft" || !at(t, later(t, 2, 40))) return id;
    act(me, K, id, "edit", {{"body", text.body + phrase("micro.edit_addendum")}}, t);
    act(me, K, id, "submit", {}, t);
    if (!at(t, work(t, 1))) return id;
  }
  act(staff_, K, id, "accept", {}, t);
  if (plan.stop == "accepted" || !at(t, work(t, rnd_.chance(0.7) ? 0 : 1))) return id;
  auto handler = text.agency;
  act(staff_, K, id, "dispatch", {{"agency_id", handler}}, t);
  if (plan.stop == "dispatched" || (plan.stuck && rnd_.chance(0.3))) return id;
  if (plan.ask_back) {
    if (!at(t, work(t, 1))) return id;
    const auto next = text.fallback ? text.fallback : other_agency(handler);
    act(agency(handler), K, id, "ask_back",
        {{"reason", phrase("micro.ask_back_reason", {{"{a}", agency_names_[next]}})}}, t);
    if (plan.stop == "return_review" || !at(t, work(t, 1))) return id;
    handler = next;
    act(staff_, K, id, "dispatch", {{"agency_id", handler}}, t);
  }
  if (!at(t, work(t, days(plan, 0, 2)))) return id;
  act(agency(handler), K, id, "sign", {}, t);
  if (plan.stop == "signed" || plan.stuck) return id;
  if (plan.extend) {
    if (!at(t, work(t, days(plan, 5, 7)))) return id;
    act(staff_, K, id, "extend",
        {{"working_days", rnd_.chance(0.5) ? 5 : 10},
         {"reason", rnd_.pick(texts::extension_reasons())}},
        t);
  }
  if (plan.late) {
    // Past the deadline: the system supervises (超期督办), the answer comes a few days on.
    const auto d = due(id).value_or(t);
    if (!at(t, std::max(t, d) + 2 * kHour + static_cast<std::int64_t>(rnd_.below(60)) * kMinute))
      return id;
    act(system(), K, id, "supervise", {{"note", phrase("micro.supervise_note")}}, t);
    if (!at(t, work(t, days(plan, 1, 4)))) return id;
  } else if (!at(t, work(t, days(plan, 2, 8)))) {
    return id;
  }
  act(agency(handler), K, id, "reply", {{"reply", text.reply}}, t);
  if (plan.stop == "replied" || !at(t, work(t, days(plan, 0, 2)))) return id;
  act(staff_, K, id, "verify", {}, t);
  if (plan.stop == "verified") return id;
  if (plan.rating.empty()) {
    // Nobody rated in time: the system closes it unrated, as the sweep would have.
    const auto d = due(id).value_or(t);
    if (at(t, d + 3 * kHour)) {
      act(system(), K, id, "close", {{"note", phrase("outputs.unrated_close_note")}}, t);
    }
    return id;
  }
  if (!at(t, later(t, 2, 24 * 5))) return id;
  const bool unsatisfied = plan.rating == "unsatisfied";
  act(me, K, id, "rate",
      {{"rating", plan.rating},
       {"comment", unsatisfied ? rnd_.pick(texts::unsatisfied_comments())
                               : rnd_.pick(texts::satisfied_comments())}},
      t);
  if (!unsatisfied) return id;
  // Redone once: the agency answers again, staff verify, the member rates the second answer.
  if (!at(t, work(t, days(plan, 3, 8)))) return id;
  act(agency(handler), K, id, "reply",
      {{"reply", phrase("micro.redo_reply", {{"{reply}", text.reply}})}}, t);
  if (!at(t, work(t, 1))) return id;
  act(staff_, K, id, "verify", {}, t);
  if (!at(t, later(t, 2, 24 * 4))) return id;
  act(me, K, id, "rate", {{"rating", plan.second_rating}}, t);
  return id;
}

// --- proposals (workflows.md §3) ----------------------------------------------------------

std::int64_t Seeder::proposal(std::int64_t author, std::vector<std::int64_t> cosigners, bool sector,
                              const Proposal& text, std::int64_t t, bool in_session, Plan plan,
                              std::optional<std::int64_t> source_case) {
  const int year = china_year(t + 30 * kDay);  // drafts of December go to January's session
  json::object body{{"title", text.title},
                    {"body", text.body},
                    {"category", text.category},
                    {"term", 15},
                    {"session", std::clamp(year - 2021, 1, 5)},
                    {"in_session", in_session}};
  if (sector) {
    body["authorship"] = "sector";
    body["sector_id"] = *members_.at(author).sector_id;
  } else if (!cosigners.empty()) {
    body["authorship"] = "joint";
  }
  if (!cosigners.empty()) body["coauthor_ids"] = ids(cosigners);
  if (source_case) {
    body["source_case_id"] = *source_case;
    body["submit"] = cosigners.empty();
  }
  const auto id = create(member(author), Kind::proposal, body, t);
  std::vector<std::int64_t> authors{author};
  authors.insert(authors.end(), cosigners.begin(), cosigners.end());
  if (plan.stop == "draft") return id;
  // Co-signers confirm (联名须本人确认) before the first author submits.
  for (const auto m : cosigners) {
    if (!at(t, later(t, 0.5, 30))) return id;
    act(member(m), Kind::proposal, id, "confirm", {}, t);
  }
  drive_proposal(id, authors, text, t, plan);
  return id;
}

void Seeder::drive_proposal(std::int64_t id, std::vector<std::int64_t> authors,
                            const Proposal& text, std::int64_t t, const Plan& plan) {
  const auto K = Kind::proposal;
  const auto first = member(authors.front());
  const int year = china_year(t + 30 * kDay);
  if (status(id) == "draft") {
    if (!at(t, later(t, 0.5, 20))) return;
    act(first, K, id, "submit", {}, t);
  }
  if (plan.stop == "submitted") return;
  auto review = plan.review;
  if (review == "merge") {
    // Others wrote on the same subject in the same days: staff merge them into this one
    // (并案) while reviewing it.
    for (auto n = 1 + rnd_.below(2); n > 0 && text.topic != kNoTopic; --n) {
      Plan follower;
      follower.stop = "submitted";
      const auto other =
          proposal(pick_author(), {}, false, proposal_text(text.topic), later(t, 1, 48),
                   calendar::china_date(t).month() == January, follower);
      const auto submitted = submitted_at(other);
      if (!submitted || !at(t, work(std::max(t, *submitted), days(plan, 1, 3)))) return;
      act(staff_, K, other, "merge", {{"into_id", id}, {"note", phrase("proposal.merge_note")}}, t);
    }
    review = "register";
  }
  if (!at(t, work(t, days(plan, 3, 10)))) return;
  if (review == "reject") {
    static const std::vector<std::string> grounds{"vague", "personal", "multiple", "promotion"};
    const auto& g = grounds[rnd_.below(grounds.size())];
    act(staff_, K, id, "reject", {{"ground", g}, {"reason", phrase("proposal.reject." + g)}}, t);
    return;
  }
  if (review == "convert") {
    act(staff_, K, id, "convert",
        {{"target", "opinion_report"}, {"note", phrase("proposal.convert_note")}}, t);
    Opinion o{text.title, text.body, text.category,           text.answer,
              kNoTopic,   text.lead, agency_names_[text.lead]};
    auto next = opinion_plan();
    next.review = "adopt";
    drive_opinion(converted_to(id), authors.front(), o, t, next);
    return;
  }
  if (review == "return") {
    act(staff_, K, id, "return", {{"reason", phrase("proposal.return_reason")}}, t);
    if (plan.stop == "draft" || !at(t, later(t, 24, 24 * 4))) return;
    act(first, K, id, "edit", {{"body", text.body + phrase("proposal.edit_addendum")}}, t);
    for (std::size_t i = 1; i < authors.size(); ++i) {
      if (!at(t, later(t, 0.5, 24))) return;
      act(member(authors[i]), K, id, "confirm", {}, t);
    }
    if (!at(t, later(t, 0.5, 12))) return;
    act(first, K, id, "submit", {}, t);
    if (!at(t, work(t, days(plan, 2, 5)))) return;
  }
  act(staff_, K, id, "register", {{"category", text.category}}, t);
  if (plan.key) act(staff_, K, id, "flag", {{"is_key", true}}, t + 10 * kMinute);
  if (plan.stop == "registered" || !at(t, work(t, days(plan, 1, 5)))) return;
  auto lead = text.lead;
  json::object assign{{"agency_id", lead}};
  if (!text.assisting.empty()) {
    assign["assisting_agency_ids"] = ids(text.assisting);
    assign["mode"] = rnd_.chance(0.8) ? "joint" : "split";
  }
  act(staff_, K, id, "assign", assign, t);
  auto assigned_at = t;
  if (plan.stop == "assigned") return;
  if (plan.ask_back && text.alternative && text.alternative != lead) {
    const auto asked = work(t, days(plan, 1, 2));
    if (asked - assigned_at < 9 * kDay) {  // within the ten days an agency may ask back
      if (!at(t, asked)) return;
      const auto next = text.alternative;
      act(agency(lead), K, id, "ask_back",
          {{"reason", phrase("proposal.ask_back_reason", {{"{a}", agency_names_[next]}})}}, t);
      if (plan.stop == "return_review" || !at(t, work(t, days(plan, 1, 2)))) return;
      json::object again{{"agency_id", next}};
      std::vector<std::int64_t> others;
      for (const auto a : text.assisting) {
        if (a != next) others.push_back(a);
      }
      if (!others.empty()) {
        again["assisting_agency_ids"] = ids(others);
        again["mode"] = "joint";
      }
      lead = next;
      act(staff_, K, id, "assign", again, t);
      assigned_at = t;
    }
  }
  if (!at(t, work(t, days(plan, 1, 4)))) return;
  act(agency(lead), K, id, "sign", {}, t);
  if (plan.stop == "signed" || !at(t, work(t, days(plan, 3, 12)))) return;
  static const char* kMethods[] = {"meeting", "visit", "phone", "online"};
  const auto method = rnd_.below(4);
  act(agency(lead), K, id, "consult",
      {{"note", texts::consult_notes()[method]}, {"method", kMethods[method]}}, t);
  if (plan.stop == "handling" || plan.stuck) return;
  if (plan.late) {
    const auto d = due(id).value_or(t);
    if (!at(t, std::max(t, d) + 3 * kHour)) return;
    act(system(), K, id, "supervise", {{"note", phrase("proposal.supervise_note")}}, t);
    if (!at(t, work(t, days(plan, 3, 10)))) return;
  } else if (!at(t, work(t, days(plan, 15, 49)))) {
    return;
  }
  const auto& name = members_.at(authors.front()).name;
  const auto reply = [&](const std::string& cls, const std::string& lead_in) {
    return phrase("proposal.reply", {{"{name}", name},
                                     {"{title}", text.title},
                                     {"{lead_in}", lead_in},
                                     {"{answer}", text.answer},
                                     {"{verdict}", phrase("proposal.verdict." + cls)}});
  };
  act(agency(lead), K, id, "reply",
      {{"reply", reply(plan.reply_class, "")}, {"reply_class", plan.reply_class}}, t);
  if (plan.stop == "replied" || !at(t, work(t, days(plan, 2, 7)))) return;
  json::object review_body;
  if (plan.reply_class == "C" && rnd_.chance(0.2)) review_body["reply_class"] = "B";
  act(staff_, K, id, "review", review_body, t);
  if (plan.stop == "reviewed") return;
  if (plan.rating.empty()) {
    const auto d = due(id).value_or(t);
    if (!at(t, d + 3 * kHour)) return;
    act(system(), K, id, "close", {{"note", phrase("outputs.unrated_close_note")}}, t);
  } else {
    if (!at(t, later(t, 4, 24 * 10))) return;
    const auto rater = authors.size() > 1 && rnd_.chance(0.2)
                           ? authors[1 + rnd_.below(authors.size() - 1)]
                           : authors.front();
    const bool unsatisfied = plan.rating == "unsatisfied";
    act(member(rater), K, id, "rate",
        {{"rating", plan.rating},
         {"comment", unsatisfied ? rnd_.pick(texts::unsatisfied_comments())
                                 : rnd_.pick(texts::satisfied_comments())}},
        t);
    if (unsatisfied) {
      if (!at(t, work(t, days(plan, 10, 24)))) return;
      act(agency(lead), K, id, "reply",
          {{"reply", reply("B", phrase("proposal.redo_lead_in"))}, {"reply_class", "B"}}, t);
      if (!at(t, work(t, 2))) return;
      act(staff_, K, id, "review", {}, t);
      if (!at(t, later(t, 4, 24 * 7))) return;
      act(first, K, id, "rate", {{"rating", plan.second_rating}}, t);
    }
  }
  if (status(id) != "closed") return;
  if (plan.excellent) {
    // 优秀提案 are chosen at the year's end, before the next session.
    const auto chosen =
        std::max(t, day_start_ms(year_month_day{std::chrono::year{year} / December / 20}));
    if (at(t, work(chosen, 1))) act(staff_, K, id, "flag", {{"is_excellent", true}}, t);
  }
  if (plan.publish && at(t, work(t, days(plan, 3, 17)))) {
    act(staff_, K, id, "publish", {}, t);
  }
}

// --- opinion reports (workflows.md §4) ----------------------------------------------------

std::int64_t Seeder::opinion(std::int64_t author, const Opinion& text, std::int64_t t, Plan plan,
                             const std::string& authorship) {
  const auto K = Kind::opinion_report;
  json::object body{{"title", text.title}, {"body", text.body}, {"category", text.category}};
  std::vector<std::int64_t> authors{author};
  if (authorship == "studio" && !members_.at(author).studios.empty()) {
    body["authorship"] = "studio";
    body["studio_id"] = members_.at(author).studios.front().id;
  } else if (authorship == "joint") {
    const auto others = pick_cosigners(author, 1 + rnd_.below(2));
    if (!others.empty()) {
      body["authorship"] = "joint";
      body["coauthor_ids"] = ids(others);
    }
  }
  const auto id = create(member(author), K, body, t);
  if (plan.stop == "draft" || !at(t, later(t, 0.2, 12))) return id;
  act(member(author), K, id, "submit", {}, t);
  drive_opinion(id, author, text, t, plan);
  return id;
}

void Seeder::drive_opinion(std::int64_t id, std::int64_t author, const Opinion& text,
                           std::int64_t t, const Plan& plan) {
  const auto K = Kind::opinion_report;
  const auto me = member(author);
  if (plan.stop == "submitted") return;
  auto review = plan.review;
  if (text.topic == kNoTopic && review != "adopt") review = "keep";
  if (review == "merge") {
    // Reports of the same matter from others: merged into this one (合并编发), then adopted.
    for (auto n = 1 + rnd_.below(2); n > 0; --n) {
      Plan follower;
      follower.stop = "submitted";
      const auto other =
          opinion(pick_author(), opinion_text(text.topic), later(t, 1, 48), follower);
      const auto submitted = submitted_at(other);
      if (!submitted || !at(t, work(std::max(t, *submitted), 1))) return;
      act(staff_, K, other, "merge", {{"into_id", id}, {"note", phrase("opinion.merge_note")}}, t);
    }
    review = "adopt";
  }
  if (!at(t, work(t, days(plan, 1, 4)))) return;
  if (review == "reject") {
    act(staff_, K, id, "reject", {{"reason", phrase("opinion.reject_reason")}}, t);
    return;
  }
  if (review == "keep") {
    act(staff_, K, id, "keep", {{"note", phrase("opinion.keep_note")}}, t);
    return;
  }
  if (review == "return") {
    act(staff_, K, id, "return", {{"reason", phrase("opinion.return_reason")}}, t);
    if (!at(t, later(t, 12, 24 * 3))) return;
    act(me, K, id, "edit", {{"body", text.body + phrase("opinion.edit_addendum")}}, t);
    act(me, K, id, "submit", {}, t);
    if (!at(t, work(t, days(plan, 1, 3)))) return;
  }
  act(staff_, K, id, "adopt", {}, t);
  if (plan.stop == "adopted" || !at(t, work(t, days(plan, 1, 3)))) return;
  act(rnd_.chance(0.5) ? leader_ : staff_, K, id, "approve", {}, t);
  if (plan.stop == "approved" || !at(t, work(t, days(plan, 1, 4)))) return;
  act(staff_, K, id, "issue", {}, t);
  if (plan.stop == "issued" || !at(t, work(t, days(plan, 0, 1)))) return;
  json::array levels{"provincial"};
  if (rnd_.chance(0.25)) levels.push_back("national");
  act(staff_, K, id, "send", {{"levels", levels}}, t);
  if (plan.stop == "sent") return;
  if (plan.transfer) {
    if (!at(t, work(t, days(plan, 1, 3)))) return;
    act(staff_, K, id, "transfer", {{"agency_id", text.agency}}, t);
    if (plan.stop == "transferred" || !at(t, work(t, days(plan, 5, 14)))) return;
    act(agency(text.agency), K, id, "reply", {{"reply", text.reply}}, t);
  }
  for (const auto& what : plan.outcomes) {
    if (!at(t, later(t, 24 * 3, 24 * 30))) return;
    json::object o{{"outcome", what}, {"occurred_on", iso_date(t)}};
    if (what == "instruction") {
      const auto& who = rnd_.pick(texts::instructors());
      o["level"] = who.level;
      o["by_whom"] = who.by_whom;
      o["text"] = phrase("opinion.instruction", {{"{a}", text.agency_name}});
    } else if (what == "adopted_above") {
      const bool national = rnd_.chance(0.2);
      o["level"] = national ? "national" : "provincial";
      o["text"] =
          phrase(national ? "opinion.adopted_above.national" : "opinion.adopted_above.provincial");
    } else {
      o["level"] = "city";
      o["by_whom"] = text.agency_name;
      o["text"] = phrase("opinion.agency_adoption");
    }
    act(staff_, K, id, "record_outcome", o, t);
  }
}

// --- a year of outputs ---------------------------------------------------------------------

void Seeder::seed_year(int year, bool previous) {
  const auto from = day_start_ms(year_month_day{std::chrono::year{year} / January / 1});
  const auto year_end = day_start_ms(year_month_day{std::chrono::year{year + 1} / January / 1});
  const auto to = std::min(year_end, limit_);
  if (to <= from) return;
  const double share = static_cast<double>(to - from) / static_cast<double>(year_end - from);
  const auto& v = small_ ? kSmall : kCity;
  // Everything of the year is written in the order it was written, whatever its kind, so
  // that numbers (第N号, 第N期) follow the calendar.
  std::vector<std::pair<std::int64_t, std::function<void(std::int64_t)>>> jobs;

  // Micro-suggestions all year round.
  for (int i = 0; i < static_cast<int>(v.micro * share); ++i) {
    jobs.emplace_back(moment_between(from, to), [this, previous](std::int64_t t) {
      const double u = rnd_.unit();
      micro(pick_author(), micro_text(), t, micro_plan(previous), std::nullopt,
            u < 0.04   ? "studio"
            : u < 0.09 ? "joint"
                       : "individual");
    });
  }

  // Proposals: most written for the plenary session in January (会间), drafted in the days
  // before it, the rest through the year (平时); a sector's collective proposal or two each
  // session.
  const auto session_from = day_start_ms(year_month_day{std::chrono::year{year} / January / 3});
  const auto session_to = day_start_ms(year_month_day{std::chrono::year{year} / January / 12});
  int sector_items = small_ ? 1 : 3;
  for (int i = 0; i < static_cast<int>(v.proposals * (previous ? 1.0 : std::max(share, 0.8)));
       ++i) {
    const bool in_session = rnd_.chance(0.78);
    const auto t = in_session ? moment_between(session_from, session_to) -
                                    (1 + static_cast<std::int64_t>(rnd_.below(6))) * kDay
                              : moment_between(session_to + 20 * kDay, to);
    if (t >= to) continue;
    const bool sector = in_session && sector_items-- > 0;
    jobs.emplace_back(t, [this, previous, in_session, sector](std::int64_t t) {
      auto author = pick_author();
      if (sector) {
        // A sector's collective proposal: led by a member of a sector with others to sign.
        for (int tries = 0; tries < 50; ++tries) {
          const auto& m = members_.at(author);
          if (m.sector_id && by_sector_[*m.sector_id].size() > 3) break;
          author = pick_author();
        }
      }
      const bool collective = sector && members_.at(author).sector_id &&
                              by_sector_[*members_.at(author).sector_id].size() > 3;
      const auto cosigners = collective         ? pick_cosigners(author, 2 + rnd_.below(3), true)
                             : rnd_.chance(0.3) ? pick_cosigners(author, 1 + rnd_.below(3))
                                                : std::vector<std::int64_t>{};
      auto plan = proposal_plan(previous);
      if (collective) plan.review = "register";
      proposal(author, cosigners, collective,
               proposal_text(rnd_.below(texts::proposal_topics().size())), t, in_session, plan);
    });
  }

  // Opinion reports through the year, some by a studio, some jointly.
  for (int i = 0; i < static_cast<int>(v.opinions * share); ++i) {
    jobs.emplace_back(moment_between(from, to), [this](std::int64_t t) {
      const double u = rnd_.unit();
      opinion(pick_author(), opinion_text(rnd_.below(texts::opinion_topics().size())), t,
              opinion_plan(),
              u < 0.15   ? "studio"
              : u < 0.25 ? "joint"
                         : "individual");
    });
  }

  std::stable_sort(jobs.begin(), jobs.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& [t, job] : jobs)
    job(t);
}

// The demo accounts' own items, in the states that give their pages something to show and
// to do. `member` writes on health (医药卫生界), `member2` on education (教育界).
void Seeder::seed_accounts() {
  const auto member_of = [&](const char* username) {
    const auto a = accounts::find_account(c_, username);
    return a && a->member_id ? *a->member_id : std::int64_t{0};
  };
  const std::int64_t m1 = member_of("member"), m2 = member_of("member2");
  if (m1 == 0 || m2 == 0) return;
  const auto ago = [&](double days) {
    return work(now_ - static_cast<std::int64_t>(days * kDay) - kDay, 0);
  };
  const auto matter_of = [&](const std::string& category, const std::string& agency_name) {
    const auto& list = texts::matters();
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (list[i].category == category && list[i].agency == agency_name) return i;
    }
    return std::size_t{0};
  };
  const auto& health_category = phrase("accounts.member.category");
  const auto& school_category = phrase("accounts.member2.category");
  const auto health = matter_of(health_category, phrase("accounts.member.agency"));
  const auto city = matter_of(phrase("accounts.city.category"), phrase("outputs.account_agency"));
  const auto school = matter_of(school_category, phrase("accounts.member2.agency"));
  Plan done;
  done.rating = "satisfied";
  // member: one closed a few months ago, one waiting for their rating, one with the agency,
  // one draft.
  micro(m1, micro_text(health), ago(130), done);
  Plan verified;
  verified.brisk = true;
  verified.stop = "verified";
  micro(m1, micro_text(city), ago(10), verified);
  Plan in_hand;
  in_hand.brisk = true;
  in_hand.stop = "signed";
  micro(m1, micro_text(city), ago(6), in_hand);
  Plan draft;
  draft.stop = "draft";
  micro(m1, micro_text(health), now_ - 20 * kHour, draft);
  // member2: one answered and waiting for staff, one dispatched to 市城市管理局 to sign.
  Plan replied;
  replied.brisk = true;
  replied.stop = "replied";
  micro(m2, micro_text(school), ago(8), replied);
  Plan dispatched;
  dispatched.brisk = true;
  dispatched.stop = "dispatched";
  micro(m2, micro_text(city), ago(3), dispatched);
  micro(m2, micro_text(school), ago(200), done);

  // Proposals: member's of last session closed and published; one of this year's with the
  // agency; one answered and reviewed, waiting for their rating; and a joint draft that
  // member2 has not confirmed yet.
  const auto& topics = texts::proposal_topics();
  std::size_t health_topic = 0, school_topic = 0;
  for (std::size_t i = 0; i < topics.size(); ++i) {
    if (topics[i].category == health_category) health_topic = i;
    if (topics[i].category == school_category) school_topic = i;
  }
  const auto last_session = work(
      day_start_ms(year_month_day{(calendar::china_date(now_).year() - years{1}) / January / 4}),
      0);
  Plan closed;
  closed.reply_class = "A";
  closed.rating = "satisfied";
  closed.publish = true;
  proposal(m1, {}, false, proposal_text(health_topic), last_session, true, closed);
  Plan handling;
  handling.brisk = true;
  handling.stop = "handling";
  proposal(m1, {}, false, proposal_text(health_topic), ago(25), false, handling);
  Plan reviewed;
  reviewed.brisk = true;
  reviewed.stop = "reviewed";
  reviewed.reply_class = "B";
  proposal(m1, pick_cosigners(m1, 1), false, proposal_text(health_topic), ago(55), false, reviewed);
  Plan unconfirmed;
  unconfirmed.stop = "draft";
  proposal(m1, {m2}, false, proposal_text(school_topic), now_ - 30 * kHour, false, unconfirmed);
  Plan registered;
  registered.brisk = true;
  registered.stop = "registered";
  proposal(m2, {}, false, proposal_text(school_topic), ago(10), false, registered);
  proposal(m2, {m1}, false, proposal_text(school_topic), last_session + kDay, true, closed);

  // Opinion reports: one sent with a leader's instruction, one waiting for the editors, one
  // kept; member2's adopted.
  const auto& ot = texts::opinion_topics();
  std::size_t health_report = 0, school_report = 0;
  for (std::size_t i = 0; i < ot.size(); ++i) {
    if (ot[i].category == health_category) health_report = i;
    if (ot[i].category == school_category) school_report = i;
  }
  Plan instructed;
  instructed.outcomes = {"adopted_above", "instruction"};
  opinion(m1, opinion_text(health_report), ago(small_ ? 60 : 90), instructed);
  Plan submitted;
  submitted.brisk = true;
  submitted.stop = "submitted";
  opinion(m1, opinion_text(health_report), ago(2), submitted);
  Plan kept;
  kept.review = "keep";
  opinion(m1, opinion_text(school_report), ago(150), kept);
  Plan adopted;
  adopted.brisk = true;
  adopted.stop = "adopted";
  opinion(m2, opinion_text(school_report), ago(6), adopted);
}

// Cases their member could not settle alone become micro-suggestions and a proposal (city
// scale: the small demo's cases belong to the tests).
void Seeder::seed_from_cases() {
  for (const auto& k : cases::cases_in_hand(c_, 20)) {
    if (converted_cases_ >= 4) break;
    const auto author = k.member_id;
    if (user_of_member_.contains(author) || !members_.contains(author)) continue;
    // After the case's last step (the cases' own sweep may have written one just now).
    const auto last = k.last_step_at;
    const auto t = std::min(last + 3 * kHour, std::max(limit_, last + 1000));
    if (t >= now_) continue;
    const std::string& title = k.title;
    const std::string body = phrase("from_case.body", {{"{t}", title}});
    if (converted_cases_ < 3) {
      auto text = micro_text();
      text.title = phrase("from_case.micro_title", {{"{t}", title}});
      text.body = body;
      micro(author, text, t, micro_plan(false), k.id);
    } else {
      auto text = proposal_text(rnd_.below(texts::proposal_topics().size()));
      text.title = phrase("from_case.proposal_title", {{"{t}", title}});
      text.body = phrase("from_case.proposal_body", {{"{t}", title}, {"{body}", body}});
      proposal(author, {}, false, text, t, false, proposal_plan(false), k.id);
    }
    ++converted_cases_;
  }
}

std::string Seeder::run() {
  if (agencies_.empty() || authors_.empty()) return "委员履职成果 outputs: 0（没有承办单位或委员）";
  const int this_year = china_year(now_);
  seed_year(this_year - 1, true);
  seed_year(this_year, false);
  if (!small_) seed_from_cases();
  seed_accounts();

  // States that only the last days show, made sure of at city scale: an item waiting at each
  // step of each workflow.
  if (!small_) {
    const auto recent = [&](double days) {
      return work(now_ - static_cast<std::int64_t>(days * kDay), 0);
    };
    for (const char* stop : {"submitted", "accepted", "dispatched", "return_review", "signed",
                             "replied", "verified"}) {
      Plan p = micro_plan(false);
      p.brisk = true;
      p.review = "accept";
      p.stuck = false;
      p.late = false;
      p.extend = false;
      p.ask_back = std::string(stop) == "return_review";
      p.stop = stop;
      micro(pick_author(), micro_text(), recent(9), p);
    }
    for (const char* stop : {"submitted", "registered", "assigned", "return_review", "signed",
                             "handling", "replied", "reviewed"}) {
      Plan p = proposal_plan(false);
      p.brisk = true;
      p.review = "register";
      p.stuck = false;
      p.late = false;
      p.ask_back = std::string(stop) == "return_review";
      p.stop = stop;
      static const std::map<std::string, double> kAge{
          {"submitted", 4}, {"registered", 10}, {"assigned", 12}, {"return_review", 15},
          {"signed", 15},   {"handling", 20},   {"replied", 55},  {"reviewed", 60}};
      proposal(pick_author(), {}, false, proposal_text(rnd_.below(texts::proposal_topics().size())),
               recent(kAge.at(stop)), false, p);
    }
    for (const auto& [stop, age] :
         std::vector<std::pair<std::string, double>>{{"draft", 1},
                                                     {"submitted", 3},
                                                     {"adopted", 6},
                                                     {"approved", 8},
                                                     {"issued", 10},
                                                     {"transferred", 14}}) {
      Plan p;
      p.brisk = true;
      p.review = "adopt";
      p.transfer = true;
      p.stop = stop;
      opinion(pick_author(), opinion_text(rnd_.below(texts::opinion_topics().size())), recent(age),
              p);
    }
  }

  // Deadlines as the server's sweep leaves them today: reminders, supervision of what is
  // overdue, unrated items closed.
  const auto swept = outputs::sweep(c_, ctx_, now_);

  // The headline figures, as the summary endpoint gives them.
  std::string line = "委员履职成果 outputs: 承办单位 " + std::to_string(agencies_.size()) + " 个";
  for (const auto kind : {Kind::micro_suggestion, Kind::proposal, Kind::opinion_report}) {
    line += "；" + std::string(outputs::kind_label_zh(kind));
    for (const int y : {this_year - 1, this_year}) {
      const auto s = outputs::summary(c_, *staff_.principal, kind, y, conference_);
      char rate[32];
      std::snprintf(rate, sizeof rate, "%.1f", s.at("answer_rate").to_number<double>());
      line += " " + std::to_string(y) + "年 " + std::to_string(s.at("submitted").as_int64());
      if (kind == Kind::micro_suggestion) {
        line +=
            "（采纳 " + std::to_string(s.at("accepted").as_int64()) + "，办复率 " + rate + "%）";
      } else if (kind == Kind::proposal) {
        line += "（立案 " + std::to_string(s.at("accepted").as_int64()) + "）";
      } else {
        line += "（采用 " + std::to_string(s.at("accepted").as_int64()) + "，批示 " +
                std::to_string(s.at("outcomes").as_object().at("instruction").as_int64()) + "）";
      }
    }
  }
  line += "；由诉求转化 " + std::to_string(converted_cases_) + " 件，督办 " +
          std::to_string(swept.supervised) + " 件，" + std::to_string(actions_) + " 步办理";
  return line;
}

}  // namespace

std::int64_t seed_agencies(storage::Connection& c, const ServiceContext& ctx,
                           const audit::Actor& actor, std::int64_t conference, std::uint64_t seed) {
  Random rnd(seed ^ 0xA6E4C1E5ULL);
  std::int64_t demo = 0;
  int order = 0;
  for (const auto& a : texts::agencies()) {
    const auto id = organisation::create_record(
        c, ctx, actor, "agency", conference,
        json::object{{"name", a.name},
                     {"short_name", a.short_name},
                     {"kind", a.kind},
                     {"division_code", a.division},
                     {"contact_name", person_name(rnd)},
                     {"contact_phone", "0931-8" + std::to_string(100000 + rnd.below(899999))},
                     {"sort_order", (++order) * 10}});
    if (a.short_name == phrase("outputs.account_agency")) demo = id;
  }
  return demo;
}

std::string seed_outputs(SeedContext& sc, std::int64_t conference) {
  return Seeder(sc, conference).run();
}

}  // namespace tongxin::demo
