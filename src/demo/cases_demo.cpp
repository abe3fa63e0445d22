// src/demo/cases_demo.cpp
#include "demo/cases_demo.hpp"

#include <boost/json.hpp>
#include <map>

#include "accounts/directory.hpp"
#include "cases/cases.hpp"
#include "core/audit/audit.hpp"
#include "demo/data.hpp"
#include "demo/random.hpp"
#include "organisation/briefs.hpp"

namespace tongxin::demo {

namespace {

namespace json = boost::json;
using cases::Action;

struct Matter {
  std::string title, text, address, reply;
};

// What Lanzhou citizens bring to a studio (cf. seeds: 老旧小区、加装电梯、供暖、停车…).
const std::vector<Matter>& matters() {
  return demo_table<std::vector<Matter>>("case_matters.tsv", [](const Tsv& t) {
    std::vector<Matter> out;
    for (std::size_t i = 0; i < t.rows.size(); ++i)
      out.push_back({t.at(i, "title"), t.at(i, "text"), t.at(i, "address"), t.at(i, "reply")});
    return out;
  });
}

}  // namespace

std::string seed_cases(SeedContext& sc, std::int64_t lanzhou) {
  auto& c = sc.conn;
  const auto& ctx = sc.ctx;
  Random rnd(sc.seed ^ 0xCA5E5ULL);
  const auto members = organisation::members_of_conference(c, lanzhou);
  std::vector<organisation::MemberBrief> with_studio;
  for (const auto& m : members) {
    if (!m.studios.empty()) with_studio.push_back(m);
  }
  if (with_studio.empty()) return "群众诉求 cases: 0（没有工作室成员）";
  // The demo accounts' members get cases of their own so that "我的诉求" is not empty.
  std::vector<std::int64_t> account_members;
  for (const auto& [member, user] : accounts::member_accounts(c))
    account_members.push_back(member);
  const auto user_of = [&](const char* role) -> audit::Actor {
    const auto a = accounts::first_account_with_role(c, role).value();
    auth::Principal p;
    p.user_id = a.id;
    p.username = role;
    p.roles = {role == std::string("staff") ? auth::Role::staff : auth::Role::studio_lead};
    p.conference_id = a.conference_id.value_or(0);
    return {p, "127.0.0.1", "seed-demo"};
  };
  const auto staff = user_of("staff");
  const audit::Actor citizen{std::nullopt, "127.0.0.1", "seed-demo"};
  std::map<std::int64_t, std::int64_t> user_of_member;  // the first account of each member
  for (const auto& [member, user] : accounts::member_accounts(c))
    user_of_member.emplace(member, user);
  const auto member_actor = [&](std::int64_t member_id) {
    auth::Principal p;
    p.user_id = user_of_member.contains(member_id) ? user_of_member.at(member_id) : 0;
    p.username = "member";
    p.roles = {auth::Role::member};
    p.conference_id = lanzhou;
    p.member_id = member_id;
    return audit::Actor{p, "127.0.0.1", "seed-demo"};
  };

  constexpr std::int64_t kDay = 24LL * 3600 * 1000;
  const auto now = audit::now_ms();
  const int total = sc.scale == "small" ? 40 : 320;
  int made = 0, merged = 0;
  std::vector<std::int64_t> ids, primaries;
  for (int i = 0; i < total; ++i) {
    const auto& m = matters()[static_cast<std::size_t>(i) % matters().size()];
    const auto& handler =
        i < 12 && !account_members.empty()
            ? *std::find_if(
                  members.begin(), members.end(),
                  [&](const auto& x) {
                    return x.id ==
                           account_members[static_cast<std::size_t>(i) % account_members.size()];
                  })
            : with_studio[rnd.below(with_studio.size())];
    const auto studio =
        handler.studios.empty() ? with_studio.front().studios.front() : handler.studios.front();
    // Older cases have gone further; the last few are still coming in.
    // The last few are recent and pinned to the states a sweep would otherwise close.
    const bool recent = i >= total - 8;
    const auto age_days = recent ? 3 : static_cast<std::int64_t>(total - i) * 300 / total + 1;
    const auto t0 = now - age_days * kDay - static_cast<std::int64_t>(rnd.below(8UL * 3600)) * 1000;
    cases::Intake in;
    in.channel = rnd.chance(0.7) ? "qr_code" : rnd.chance(0.5) ? "reception_day" : "visit";
    in.title = m.title;
    in.text = m.text;
    in.address = m.address;
    in.studio_id = studio.id;
    in.anonymous = rnd.chance(0.4);
    if (!in.anonymous) {
      const auto& surnames = phrases("cases.contact_surname");
      const auto& given = phrases("cases.contact_given");
      in.contact_name = surnames[rnd.below(surnames.size())] + given[rnd.chance(0.5) ? 0 : 1];
      in.contact_phone = "139" + std::to_string(10000000 + rnd.below(89999999));
    }
    in.consent_version = ctx.config.cases.privacy_notice_version;
    const auto id = cases::submit(c, ctx, citizen, in, t0).id;
    ids.push_back(id);
    ++made;
    // How far this case has come: a mix across every state.
    static constexpr std::size_t kRecentStages[] = {47, 52, 58, 15, 60, 35, 20, 3};
    auto stage = recent ? kRecentStages[i - (total - 8)] : rnd.below(100);
    // Most older cases were answered (the seeds report 95 % answered); a few stay stuck and
    // show up as overdue and escalated.
    if (age_days > 20 && stage >= 20 && stage < 45) stage = 62 + stage % 38;
    if (stage < 8) continue;  // submitted: waiting for routing
    if (stage < 14 && primaries.size() > 1) {
      // Merged into an earlier report of the same place, still open or recent.
      cases::apply_action(c, ctx, staff, id, Action::merge,
                          json::object{{"into_case_id", primaries[primaries.size() - 1]}},
                          t0 + kDay / 2);
      ++merged;
      continue;
    }
    primaries.push_back(id);
    if (stage < 17) {
      cases::apply_action(
          c, ctx, staff, id, Action::decline,
          json::object{{"reason", phrase("cases.decline_reason")}, {"kind", "personal_dispute"}},
          t0 + kDay);
      continue;
    }
    const auto actor = member_actor(handler.id);
    cases::apply_action(c, ctx, staff, id, Action::assign,
                        json::object{{"member_id", handler.id}, {"studio_id", studio.id}},
                        t0 + kDay / 3);
    if (stage < 27) continue;  // assigned, not yet claimed (older ones will be overdue)
    cases::apply_action(c, ctx, actor, id, Action::claim,
                        json::object{{"note", phrase("cases.claim_note")}}, t0 + kDay);
    if (stage < 45) continue;  // in progress
    const auto reply_at =
        recent ? t0 + 2 * kDay : t0 + (3 + static_cast<std::int64_t>(rnd.below(10))) * kDay;
    if (reply_at > now) continue;
    if (stage < 50) {
      cases::apply_action(
          c, ctx, actor, id, Action::refer,
          json::object{{"to", "hotline_12345"}, {"guidance", phrase("cases.refer_guidance")}},
          reply_at);
    } else if (stage < 54) {
      cases::apply_action(
          c, ctx, actor, id, Action::convert,
          json::object{{"target", "micro_suggestion"}, {"note", phrase("cases.convert_note")}},
          reply_at);
    } else {
      cases::apply_action(c, ctx, actor, id, Action::reply,
                          json::object{{"text", m.reply},
                                       {"outcome", rnd.chance(0.8) ? "solved" : "partly_solved"}},
                          reply_at);
    }
    if (stage < 62) continue;  // answered, waiting for the rating
    const auto rate_at = reply_at + (1 + static_cast<std::int64_t>(rnd.below(5))) * kDay;
    if (rate_at > now) continue;
    const char* rating = stage < 66   ? "unsatisfied"
                         : stage < 80 ? "basically_satisfied"
                                      : "satisfied";
    cases::apply_action(c, ctx, citizen, id, Action::rate, json::object{{"rating", rating}},
                        rate_at, true);
  }
  // Deadlines as the server would have applied them by today: reminders, escalations,
  // auto-closed unrated cases.
  auto swept = cases::sweep_in(c, ctx, now - 4 * kDay);
  const auto today = cases::sweep_in(c, ctx, now);
  swept.escalated += today.escalated;
  swept.closed += today.closed;
  return "群众诉求 cases: " + std::to_string(made) + "（合并 " + std::to_string(merged) +
         "，督办 " + std::to_string(swept.escalated) + "，自动办结 " +
         std::to_string(swept.closed) + "）";
}

}  // namespace tongxin::demo
