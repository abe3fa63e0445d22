-- Contact work (product.md §3, §7; workflows.md §5): grassroots units, key contacts,
-- activities, reception days, must-visit triggers and visit tasks, leaders' contact points.
-- Key contacts' names and phones are sealed (core/crypto) like citizens' data.
CREATE TABLE grassroots_units (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  name {{text}} NOT NULL,
  kind {{text}} NOT NULL CHECK (kind IN ('compound', 'building', 'village', 'enterprise', 'campus')),
  division_code {{text}} NOT NULL,
  address {{text}} NOT NULL DEFAULT '',
  search_key {{text}} NOT NULL DEFAULT '',
  archived_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX grassroots_units_conference ON grassroots_units (conference_id, id);

-- "1158": each member is tied to one grassroots unit.
CREATE TABLE member_units (
  member_id {{bigint}} PRIMARY KEY REFERENCES members(id),
  unit_id {{bigint}} NOT NULL REFERENCES grassroots_units(id),
  since {{bigint}} NOT NULL
);
CREATE INDEX member_units_unit ON member_units (unit_id);

CREATE TABLE key_contacts (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  member_id {{bigint}} NOT NULL REFERENCES members(id),
  name_enc {{text}} NOT NULL,
  name_masked {{text}} NOT NULL,
  sector_label {{text}} NOT NULL DEFAULT '',
  work_unit {{text}} NOT NULL DEFAULT '',
  phone_enc {{text}},
  phone_masked {{text}} NOT NULL DEFAULT '',
  notes {{text}} NOT NULL DEFAULT '',
  archived_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX key_contacts_member ON key_contacts (member_id, id);

-- A change recorded on a key contact (life event, demand, difficulty): fires 八必访 5–7.
CREATE TABLE key_contact_changes (
  id {{id}},
  key_contact_id {{bigint}} NOT NULL REFERENCES key_contacts(id),
  kind {{text}} NOT NULL CHECK (kind IN ('life_event', 'demand', 'difficulty')),
  note {{text}} NOT NULL,
  created_by {{bigint}},
  created_at {{bigint}} NOT NULL
);

CREATE TABLE activities (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  kind {{text}} NOT NULL CHECK (kind IN ('reception_day', 'visit', 'talk', 'briefing',
    'training', 'reading', 'inspection', 'consultation', 'service', 'matchmaking', 'salon')),
  channel {{text}} NOT NULL CHECK (channel IN ('face_to_face', 'regular_work', 'online',
    'service', 'innovative')),
  held_on {{text}} NOT NULL,
  place {{text}} NOT NULL DEFAULT '',
  studio_id {{bigint}} REFERENCES studios(id),
  reached_count {{int}} NOT NULL DEFAULT 0,
  summary {{text}} NOT NULL DEFAULT '',
  created_by {{bigint}},
  revoked_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX activities_conference ON activities (conference_id, held_on, id);
CREATE INDEX activities_studio ON activities (studio_id, held_on);

CREATE TABLE activity_members (
  activity_id {{bigint}} NOT NULL REFERENCES activities(id),
  member_id {{bigint}} NOT NULL REFERENCES members(id),
  PRIMARY KEY (activity_id, member_id)
);
CREATE INDEX activity_members_member ON activity_members (member_id, activity_id);

CREATE TABLE activity_contacts (
  activity_id {{bigint}} NOT NULL REFERENCES activities(id),
  key_contact_id {{bigint}} NOT NULL REFERENCES key_contacts(id),
  PRIMARY KEY (activity_id, key_contact_id)
);
CREATE INDEX activity_contacts_contact ON activity_contacts (key_contact_id);

-- A studio's monthly rota: "every second Wednesday, 9:00–11:30".
CREATE TABLE reception_rotas (
  id {{id}},
  studio_id {{bigint}} NOT NULL UNIQUE REFERENCES studios(id),
  week_of_month {{int}} NOT NULL CHECK (week_of_month BETWEEN 1 AND 5),
  weekday {{int}} NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_time {{text}} NOT NULL,
  end_time {{text}} NOT NULL,
  place {{text}} NOT NULL DEFAULT '',
  member_ids {{json}} NOT NULL DEFAULT '[]',
  skip_holidays {{bool}} NOT NULL DEFAULT {{true}},
  updated_at {{bigint}} NOT NULL
);

CREATE TABLE reception_days (
  id {{id}},
  studio_id {{bigint}} NOT NULL REFERENCES studios(id),
  held_on {{text}} NOT NULL,
  start_time {{text}} NOT NULL,
  end_time {{text}} NOT NULL,
  place {{text}} NOT NULL DEFAULT '',
  status {{text}} NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'held', 'cancelled')),
  activity_id {{bigint}} REFERENCES activities(id),
  reminded_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  UNIQUE (studio_id, held_on)
);
CREATE TABLE reception_duty (
  reception_day_id {{bigint}} NOT NULL REFERENCES reception_days(id),
  member_id {{bigint}} NOT NULL REFERENCES members(id),
  PRIMARY KEY (reception_day_id, member_id)
);

-- 八必访: an occasion that creates visit tasks.
CREATE TABLE visit_triggers (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  occasion {{text}} NOT NULL CHECK (occasion IN ('speech', 'congress', 'policy', 'plenary',
    'life_change', 'demand', 'difficulty', 'sector_day')),
  title {{text}} NOT NULL,
  source {{text}} NOT NULL CHECK (source IN ('event', 'contact_change', 'calendar')),
  sector_ids {{json}} NOT NULL DEFAULT '[]',
  key_contact_id {{bigint}} REFERENCES key_contacts(id),
  sector_date_id {{bigint}},
  fired_on {{text}} NOT NULL,
  due_on {{text}} NOT NULL,
  created_by {{bigint}},
  created_at {{bigint}} NOT NULL
);

-- A sector's own day: solar (Teacher's Day 9/10) or lunar (重阳 9/9 of the lunar calendar).
CREATE TABLE sector_dates (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  title {{text}} NOT NULL,
  sector_ids {{json}} NOT NULL DEFAULT '[]',
  calendar {{text}} NOT NULL CHECK (calendar IN ('solar', 'lunar')),
  month {{int}} NOT NULL CHECK (month BETWEEN 1 AND 12),
  day {{int}} NOT NULL CHECK (day BETWEEN 1 AND 31),
  last_fired_year {{int}},
  created_at {{bigint}} NOT NULL
);

CREATE TABLE visit_tasks (
  id {{id}},
  trigger_id {{bigint}} NOT NULL REFERENCES visit_triggers(id),
  member_id {{bigint}} NOT NULL REFERENCES members(id),
  key_contact_id {{bigint}} NOT NULL REFERENCES key_contacts(id),
  due_on {{text}} NOT NULL,
  status {{text}} NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_activity_id {{bigint}} REFERENCES activities(id),
  done_at {{bigint}},
  reminded_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  UNIQUE (trigger_id, member_id, key_contact_id)
);
CREATE INDEX visit_tasks_member ON visit_tasks (member_id, status, due_on);
CREATE INDEX visit_tasks_contact ON visit_tasks (key_contact_id, status);

-- 领导包抓联系: a leader tied to a studio, a county conference and a township studio.
CREATE TABLE leader_links (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  leader_member_id {{bigint}} NOT NULL REFERENCES members(id),
  studio_id {{bigint}} REFERENCES studios(id),
  county_conference_id {{bigint}} REFERENCES conferences(id),
  township_studio_id {{bigint}} REFERENCES studios(id),
  created_at {{bigint}} NOT NULL,
  UNIQUE (leader_member_id)
);
