// src/demo/meetings_demo.hpp
//
// The demo's meetings (会议与出勤): for the city conference, the plenary session (全体会议) each
// January of last year and this one with every member expected, the standing committee
// (常委会议) once a quarter, and a few special committees' meetings (专委会会议) — all through
// the meetings module's own functions (create_meeting, ask_leave, sign_in,
// record_attendance, close_roll). Meetings already held have their roll closed with the
// attendance of a real conference: about nine in ten signed in, a few came without signing
// in, some excused on a leave asked the day before, a handful absent. Meetings still to come
// have their roll open, with a few leaves asked already. Deterministic for a seed, except for
// the dates, which follow today.
#pragma once

#include <cstdint>
#include <string>

#include "demo/demo.hpp"

namespace tongxin::demo {

// Returns a summary line.
std::string seed_meetings(SeedContext& sc, std::int64_t conference);

}  // namespace tongxin::demo
