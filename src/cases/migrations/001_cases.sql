-- Cases (群众诉求), their timeline, common issues and photos (workflows.md §1).
-- Citizens' names and phone numbers are sealed (core/crypto); *_masked columns are what
-- everyone but the handling member sees.
CREATE TABLE case_clusters (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  studio_id {{bigint}} REFERENCES studios(id),
  title {{text}} NOT NULL,
  primary_case_id {{bigint}},
  created_by {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);

CREATE TABLE cases (
  id {{id}},
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  tracking_code {{text}} NOT NULL UNIQUE,
  channel {{text}} NOT NULL
    CHECK (channel IN ('qr_code', 'reception_day', 'visit', 'phone', 'letter', 'online')),
  title {{text}} NOT NULL DEFAULT '',
  text {{text}} NOT NULL,
  address {{text}} NOT NULL DEFAULT '',
  division_code {{text}},
  studio_id {{bigint}} REFERENCES studios(id),
  member_id {{bigint}} REFERENCES members(id),
  chosen_by_citizen {{bool}} NOT NULL DEFAULT {{false}},
  sector_id {{bigint}} REFERENCES sectors(id),
  status {{text}} NOT NULL,
  outcome {{text}},
  anonymous {{bool}} NOT NULL,
  contact_name_enc {{text}},
  contact_phone_enc {{text}},
  contact_phone_hash {{text}},
  contact_name_masked {{text}} NOT NULL DEFAULT '',
  contact_phone_masked {{text}} NOT NULL DEFAULT '',
  share_phone_with_agency {{bool}} NOT NULL DEFAULT {{false}},
  consent_version {{text}} NOT NULL,
  consent_at {{bigint}} NOT NULL,
  cluster_id {{bigint}} REFERENCES case_clusters(id),
  merged_into_id {{bigint}} REFERENCES cases(id),
  reply_text {{text}},
  replied_at {{bigint}},
  referred_to {{text}},
  converted_to {{text}},
  decline_reason {{text}},
  rating {{text}},
  rating_comment {{text}},
  rated_at {{bigint}},
  reopen_count {{int}} NOT NULL DEFAULT 0,
  assigned_at {{bigint}},
  claim_due_at {{bigint}},
  reply_due_at {{bigint}},
  claimed_at {{bigint}},
  escalation_level {{int}} NOT NULL DEFAULT 0,
  escalated_at {{bigint}},
  reminded_at {{bigint}},
  closed_at {{bigint}},
  tokens {{text}} NOT NULL DEFAULT '',
  analyzer_version {{int}} NOT NULL DEFAULT 0,
  created_by {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX cases_conference ON cases (conference_id, id);
CREATE INDEX cases_status ON cases (status, id);
CREATE INDEX cases_member ON cases (member_id, status, id);
CREATE INDEX cases_studio ON cases (studio_id, status, id);
CREATE INDEX cases_division ON cases (division_code, id);
CREATE INDEX cases_reply_due ON cases (status, reply_due_at);
CREATE INDEX cases_cluster ON cases (cluster_id);

CREATE TABLE case_events (
  id {{id}},
  case_id {{bigint}} NOT NULL REFERENCES cases(id),
  at {{bigint}} NOT NULL,
  type {{text}} NOT NULL,
  from_status {{text}},
  to_status {{text}},
  actor_user_id {{bigint}},
  actor_party {{text}} NOT NULL,
  actor_label {{text}} NOT NULL DEFAULT '',
  note {{text}} NOT NULL DEFAULT '',
  detail {{json}},
  remote_addr {{text}} NOT NULL DEFAULT '',
  is_public {{bool}} NOT NULL DEFAULT {{true}}
);
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TABLE case_photos (
  id {{id}},
  case_id {{bigint}} NOT NULL REFERENCES cases(id),
  content_type {{text}} NOT NULL,
  width {{int}} NOT NULL,
  height {{int}} NOT NULL,
  data_base64 {{text}} NOT NULL,
  created_at {{bigint}} NOT NULL
);
CREATE INDEX case_photos_case ON case_photos (case_id);

-- One-time SMS codes that verify a citizen's phone number before a named submission.
CREATE TABLE sms_codes (
  id {{id}},
  phone_hash {{text}} NOT NULL,
  code_hash {{text}} NOT NULL,
  attempts {{int}} NOT NULL DEFAULT 0,
  expires_at {{bigint}} NOT NULL,
  used_at {{bigint}},
  created_at {{bigint}} NOT NULL
);
CREATE INDEX sms_codes_phone ON sms_codes (phone_hash, id);

-- Full-text index over cases.tokens (core/text/analyzer, kAnalyzerVersion).
-- @sqlite
CREATE VIRTUAL TABLE case_search USING fts5(tokens, content='');
-- @end
-- @postgres
ALTER TABLE cases ADD COLUMN search_vector tsvector;
CREATE INDEX cases_search ON cases USING GIN (search_vector);
-- @end
