// src/meetings/attendance_workflow.hpp
//
// A member's line on a meeting's roll as a workflow: each attendance has its own state
// (expected, registered, present, excused, absent); the roll as a whole only opens and closes
// (meetings.roll_closed_at), which the guard roll_open names. Guards: roll_open (the roll is
// not closed), meeting_day (a day of the meeting), in_window (within the sign-in window),
// not_begun (before the meeting begins), reason (a leave reason is given), held (on or after
// the meeting's first day). tests/spec/workflows/meeting_roll.tsv states it apart.
#pragma once

#include "core/workflow/workflow.hpp"

namespace tongxin::meetings {

const workflow::Definition& attendance_workflow();

}  // namespace tongxin::meetings
