-- Archiving a key contact cancels its open visit tasks: a third task status, 'cancelled',
-- that counts neither as done (no points, no progress on the trigger) nor as overdue.
-- Sector days can be archived: they stop firing and leave the list, and the triggers they
-- fired keep pointing at them.
ALTER TABLE sector_dates ADD COLUMN archived_at {{bigint}};
-- GET /api/v1/sector-dates pages through a conference's days by id.
CREATE INDEX sector_dates_conference ON sector_dates (conference_id, id);

-- PostgreSQL names a column's CHECK constraint <table>_<column>_check.
-- @postgres
ALTER TABLE visit_tasks DROP CONSTRAINT visit_tasks_status_check;
ALTER TABLE visit_tasks ADD CONSTRAINT visit_tasks_status_check
  CHECK (status IN ('open', 'done', 'cancelled'));
ALTER TABLE visit_tasks ADD COLUMN cancelled_at BIGINT;
-- @end

-- SQLite cannot change a CHECK constraint: the table is rebuilt (no table refers to it).
-- @sqlite
CREATE TABLE visit_tasks_rebuilt (
  id INTEGER PRIMARY KEY,
  trigger_id INTEGER NOT NULL REFERENCES visit_triggers(id),
  member_id INTEGER NOT NULL REFERENCES members(id),
  key_contact_id INTEGER NOT NULL REFERENCES key_contacts(id),
  due_on TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  done_activity_id INTEGER REFERENCES activities(id),
  done_at INTEGER,
  reminded_at INTEGER,
  created_at INTEGER NOT NULL,
  cancelled_at INTEGER,
  UNIQUE (trigger_id, member_id, key_contact_id)
);
INSERT INTO visit_tasks_rebuilt (id, trigger_id, member_id, key_contact_id, due_on, status,
  done_activity_id, done_at, reminded_at, created_at)
  SELECT id, trigger_id, member_id, key_contact_id, due_on, status, done_activity_id, done_at,
    reminded_at, created_at FROM visit_tasks;
DROP TABLE visit_tasks;
ALTER TABLE visit_tasks_rebuilt RENAME TO visit_tasks;
CREATE INDEX visit_tasks_member ON visit_tasks (member_id, status, due_on);
CREATE INDEX visit_tasks_contact ON visit_tasks (key_contact_id, status);
-- @end
