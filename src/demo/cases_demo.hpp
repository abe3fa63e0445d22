// src/demo/cases_demo.hpp
//
// The demo's casework: matters of Lanzhou citizens in every state of workflows.md §1 —
// waiting for routing, assigned, in hand, answered, rated, reopened, declined, referred,
// merged into common issues, overdue and escalated — driven through the real cases API
// (submit, apply_action, sweep) with past timestamps, so timelines, deadlines and the
// member's list look like a year of use.
#pragma once

#include <string>

#include "demo/demo.hpp"

namespace tongxin::demo {

// Returns a summary line. `lanzhou` is the city conference.
std::string seed_cases(SeedContext& sc, std::int64_t lanzhou);

}  // namespace tongxin::demo
