// src/demo/outputs_demo.hpp
//
// The demo's formal outputs (product.md §6, workflows.md §2–4): the city's agencies (承办单位)
// and two years — the previous one whole and the current one up to today — of
// micro-suggestions (微建议), proposals (提案) and opinion reports (社情民意信息) written by
// the members on the city's topics (交通、教育、养老、生态、营商环境、乡村振兴 …), driven
// through the outputs module's own services (create_output, apply_action, sweep) with the
// actors the real API would have — the authoring member, staff, the agency's handler, a
// leader, the system — at past moments, so that every item's timeline, deadlines, numbers
// (第N号, 第N期), ratings and leaders' instructions (批示) read like a working conference:
// about 95 % of the previous year's accepted micro-suggestions answered (the seeds' Yongzhou
// reports 95.4 %), about nine proposals in ten registered with A/B/C replies, opinion reports
// adopted, issued, sent and instructed upon; joint proposals whose co-signers confirmed, a
// sector's collective proposal (界别集体提案), items converted from cases and merged ones.
//
// The demo accounts get items of their own in telling states: the `member` account's member
// has a micro-suggestion waiting for their rating and a joint proposal draft that `member2`
// has not confirmed yet; the `agency` account handles 市城市管理局, with items to sign and to
// answer.
//
// The small scale (API and browser tests) makes a handful of each kind and converts no case.
// Deterministic for a seed, except for the dates, which follow today.
#pragma once

#include <cstdint>
#include <string>

#include "core/audit/audit.hpp"
#include "demo/demo.hpp"

namespace tongxin::demo {

// Creates the agencies of `conference` (city departments, district governments and a few
// public enterprises) through the organisation module; returns the id of 市城市管理局, whose
// handler is the `agency` demo account.
std::int64_t seed_agencies(storage::Connection& c, const ServiceContext& ctx,
                           const audit::Actor& actor, std::int64_t conference, std::uint64_t seed);

// Returns a summary line. Runs after the accounts, the cases and the contact work exist.
std::string seed_outputs(SeedContext& sc, std::int64_t conference);

}  // namespace tongxin::demo
