-- Agencies (承办单位): the government departments and other bodies a conference assigns
-- micro-suggestions, proposals and opinion reports to (product.md §6). An agency belongs to
-- the conference that works with it; its handlers are users with the agency role and
-- agency_id set.
CREATE TABLE agencies (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  name {{text}} NOT NULL,
  short_name {{text}} NOT NULL DEFAULT '',
  kind {{text}} NOT NULL DEFAULT 'government',
  division_code {{text}},
  contact_name {{text}} NOT NULL DEFAULT '',
  contact_phone {{text}} NOT NULL DEFAULT '',
  sort_order {{int}} NOT NULL DEFAULT 0,
  search_key {{text}} NOT NULL DEFAULT '',
  archived_at {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX agencies_conference ON agencies (conference_id, id);
