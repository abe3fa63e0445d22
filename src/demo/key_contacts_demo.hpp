// src/demo/key_contacts_demo.hpp
//
// The demo's "1158" groundwork (product.md §3, workflows.md §5): every member tied to a
// grassroots unit (a compound or office building in a street, a village in a township, with
// the real division codes of the member's district), about ten key contacts each (sealed by
// the contact module, with their sector and work unit), changes in some contacts' lives, and
// the eight must-visit occasions (八必访) fired over the last weeks — event triggers from
// data/demo/visit_triggers.tsv, the sector days of data/demo/sector_days.tsv, the
// contacts' life events, demands and difficulties — with the visits that closed their
// tasks. What is left shows every state: open (not yet due), overdue (never visited),
// cancelled (the contact archived), done.
//
// It is played as a timeline, day by day up to today, through the contact module's own
// functions (create_grassroots_unit, tie_member_to_unit, create_key_contact,
// record_key_contact_change, fire_trigger, fire_sector_days, log_activity,
// archive_key_contact), so a visit closes whatever task of its contact was open that day.
// How diligently a member answers follows their tier in the contact demo. The showcase
// member (the `member` account's at city scale) always has every state: a contact left
// unvisited since a difficulty (overdue), a fresh demand (open), a life event visited
// (done), a contact archived with open tasks (cancelled).
//
// Deterministic for a seed, except for the dates, which follow today.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "demo/demo.hpp"

namespace tongxin::demo {

struct KeyContactsDemo {
  std::int64_t conference = 0;
  std::int64_t showcase_member = 0;
  // Members the demo gives nothing to (small scale: the accounts' members, whose contacts
  // and tasks the API and browser tests build and count themselves).
  std::vector<std::int64_t> left_alone;
  std::map<std::int64_t, int> tiers;  // contact_demo.cpp's tier of each member (0..3)
};

// Returns a summary line.
std::string seed_key_contacts(SeedContext& sc, const KeyContactsDemo& in);

}  // namespace tongxin::demo
