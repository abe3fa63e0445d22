-- Meetings of a conference (全体会议、常委会议、主席会议、专委会会议) and the members'
-- attendance at them (出勤): who is expected, who signed in (签到), who came without signing
-- in, who asked for leave (请假), who was absent (缺席). The records module scores it
-- (meeting.plenary, meeting.absent) through meetings::attendance_of_member.
CREATE TABLE meetings (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  kind {{text}} NOT NULL CHECK (kind IN ('plenary', 'standing', 'chair', 'committee', 'other')),
  title {{text}} NOT NULL,
  held_on {{text}} NOT NULL,
  ends_on {{text}} NOT NULL,
  place {{text}} NOT NULL DEFAULT '',
  committee_id {{bigint}} REFERENCES committees(id),
  -- Sign-in window on each day of the meeting, China time "HH:MM"; both NULL: all day.
  sign_in_from {{text}},
  sign_in_until {{text}},
  roll_closed_at {{bigint}},
  created_by {{bigint}},
  archived_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL,
  CHECK (ends_on >= held_on)
);
CREATE INDEX meetings_conference ON meetings (conference_id, held_on, id);

CREATE TABLE meeting_attendance (
  meeting_id {{bigint}} NOT NULL REFERENCES meetings(id),
  member_id {{bigint}} NOT NULL REFERENCES members(id),
  status {{text}} NOT NULL DEFAULT 'expected'
    CHECK (status IN ('expected', 'registered', 'present', 'excused', 'absent')),
  leave_reason {{text}} NOT NULL DEFAULT '',
  signed_in_at {{bigint}},
  recorded_by {{bigint}},
  updated_at {{bigint}} NOT NULL,
  PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX meeting_attendance_member ON meeting_attendance (member_id, meeting_id);
