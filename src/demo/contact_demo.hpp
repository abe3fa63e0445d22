// src/demo/contact_demo.hpp
//
// The demo's contact work (product.md §3 and §7): a scoring year of activities of every kind
// on the five channels — visits and talks of each member, online ones, the studios'
// consultations, inspections, briefings, services, trainings, readings, salons and
// matchmaking, and (city scale) the monthly reception days of the themed studios from their
// rota — logged through the contact module's own functions (log_activity, save_rota,
// generate_reception_days, hold_reception_day, save_leader_link), so that the duty records
// and the yearly assessment spread over every grade band: a few members very active, most
// moderately, some little, a few not at all. At city scale the chair and vice chairs are
// tied to a studio, a county conference and a township studio, with some quarters visited
// and some not.
//
// The scoring year is the current calendar year up to today; before April (too little of
// the year to show) it is the whole previous year. Deterministic for a seed, except for the
// dates, which follow today.
//
// The small scale (API and browser tests) stays small and leaves alone what those tests
// build themselves: no rotas, no leaders' links, no activity of the `leader` account's
// member, and none at the `lead` account's studio.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "demo/demo.hpp"

namespace tongxin::demo {

struct ContactDemo {
  std::int64_t conference = 0;               // the city conference
  std::vector<std::int64_t> themed_studios;  // sector, party, industry and task studios
  std::vector<std::int64_t> counties;        // the county conferences below it
  // Per county (same order): the city's street and township stations in its district, and
  // the county conference's own studio (0 when none).
  std::vector<std::vector<std::int64_t>> stations_by_county;
  std::vector<std::int64_t> county_studios;
  std::vector<std::int64_t> leaders;       // members who are chair or vice chairs
  std::int64_t leader_account_member = 0;  // the `leader` account's member
  std::int64_t lead_studio = 0;            // the `lead` account's studio
};

// Returns a summary line; `tiers`, when given, receives how active each member is (0: not at
// all … 3: very), for the parts of the demo that follow (key_contacts_demo.hpp).
std::string seed_contact_work(SeedContext& sc, const ContactDemo& in,
                              std::map<std::int64_t, int>* tiers = nullptr);

}  // namespace tongxin::demo
