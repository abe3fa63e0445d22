-- The yearly assessment reads stored figures (docs/decisions/017, consequences): one row per
-- member and year with the points the ledger holds, written by recompute() — the records
-- sweep walks every live member, a submitted duty report recomputes its member — and never
-- by a GET. The member's conference, sector and committee are copied from the organisation
-- at each recompute so that a ranking is one index range per conference, sector or committee.
CREATE TABLE points_totals (
  member_id {{bigint}} NOT NULL REFERENCES members(id),
  year {{int}} NOT NULL,
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  sector_id {{bigint}} REFERENCES sectors(id),
  committee_id {{bigint}} REFERENCES committees(id),
  total {{real}} NOT NULL,
  computed_at {{bigint}} NOT NULL,
  PRIMARY KEY (member_id, year)
);
-- The list (scope, then points high to low) and each rank: members of the same conference,
-- sector or committee with more points than this one.
CREATE INDEX points_totals_conference ON points_totals (year, conference_id, total, member_id);
CREATE INDEX points_totals_sector ON points_totals (year, sector_id, total);
CREATE INDEX points_totals_committee ON points_totals (year, committee_id, total);

-- Where the sweep has got to in its walk over the members, per scoring year, and when it
-- last finished a pass over all of them (the assessment says how fresh it is).
CREATE TABLE points_sweep (
  year {{int}} PRIMARY KEY,
  after_member_id {{bigint}} NOT NULL DEFAULT 0,
  passes {{int}} NOT NULL DEFAULT 0,
  passed_at {{bigint}},
  updated_at {{bigint}} NOT NULL
);

-- Awards: the day it was conferred, and withdrawal (the row stays, with the audit trail).
ALTER TABLE awards ADD COLUMN awarded_on {{text}} NOT NULL DEFAULT '';
ALTER TABLE awards ADD COLUMN deleted_at {{bigint}};
-- Awards recorded before this migration: the China date they were recorded on.
-- @sqlite
UPDATE awards SET awarded_on = strftime('%Y-%m-%d', created_at / 1000 + 8 * 3600, 'unixepoch');
-- @end
-- @postgres
UPDATE awards SET awarded_on =
  to_char(to_timestamp(created_at / 1000.0) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD');
-- @end
-- The same award for the same year and recipient once per awarding conference: earlier
-- duplicates (the API used to allow them) are withdrawn, keeping the first.
UPDATE awards SET deleted_at = created_at
  WHERE deleted_at IS NULL AND member_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM awards b WHERE b.conference_id = awards.conference_id AND b.year = awards.year
      AND b.kind = awards.kind AND b.member_id = awards.member_id AND b.id < awards.id);
UPDATE awards SET deleted_at = created_at
  WHERE deleted_at IS NULL AND member_id IS NULL AND studio_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM awards b WHERE b.conference_id = awards.conference_id AND b.year = awards.year
      AND b.kind = awards.kind AND b.member_id IS NULL AND b.studio_id = awards.studio_id
      AND b.id < awards.id);
CREATE UNIQUE INDEX awards_member_once ON awards (conference_id, year, kind, member_id)
  WHERE deleted_at IS NULL AND member_id IS NOT NULL;
CREATE UNIQUE INDEX awards_studio_once ON awards (conference_id, year, kind, studio_id)
  WHERE deleted_at IS NULL AND member_id IS NULL AND studio_id IS NOT NULL;
CREATE INDEX awards_year ON awards (year, conference_id, id);
