-- Formal outputs of members (product.md §6, workflows.md §2–4): micro-suggestions (微建议),
-- proposals (提案) and opinion reports (社情民意信息). One table for the three kinds: they
-- share authors, a state, a timeline, agencies that answer, deadlines and the links of a
-- conversion; what only one kind has is a nullable column here.
CREATE TABLE outputs (
  id {{id}},
  kind {{text}} NOT NULL CHECK (kind IN ('micro_suggestion', 'proposal', 'opinion_report')),
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  title {{text}} NOT NULL,
  body {{text}} NOT NULL,
  category {{text}} NOT NULL DEFAULT '',
  status {{text}} NOT NULL,
  -- individual | joint (co-signers) | sector (界别集体提案) | studio
  authorship {{text}} NOT NULL DEFAULT 'individual'
    CHECK (authorship IN ('individual', 'joint', 'sector', 'studio')),
  sector_id {{bigint}} REFERENCES sectors(id),
  studio_id {{bigint}} REFERENCES studios(id),
  -- Conversions (workflows.md, common to all): the case or output it came from, the output
  -- it became, the lead item it was merged into.
  source_case_id {{bigint}},
  source_output_id {{bigint}} REFERENCES outputs(id),
  converted_to_id {{bigint}} REFERENCES outputs(id),
  merged_into_id {{bigint}} REFERENCES outputs(id),
  -- proposal: 第N号 at registration; opinion report: the bulletin issue it went out in
  number {{text}},
  term {{int}},
  session {{int}},
  in_session {{bool}} NOT NULL DEFAULT {{false}},
  is_key {{bool}} NOT NULL DEFAULT {{false}},
  is_excellent {{bool}} NOT NULL DEFAULT {{false}},
  handling_mode {{text}},
  reply_class {{text}} CHECK (reply_class IS NULL OR reply_class IN ('A', 'B', 'C')),
  reply_text {{text}},
  replied_at {{bigint}},
  rating {{text}},
  rating_comment {{text}},
  redo_count {{int}} NOT NULL DEFAULT 0,
  extension_days {{int}} NOT NULL DEFAULT 0,
  -- The deadline of the step it waits for (review, sign, reply, rate, ...), with the
  -- reminder (临期预警) and supervision (督办) already raised for it.
  due_step {{text}},
  due_at {{bigint}},
  reminded_at {{bigint}},
  supervised_at {{bigint}},
  submitted_at {{bigint}},
  accepted_at {{bigint}},
  closed_at {{bigint}},
  created_by {{bigint}},
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE INDEX outputs_list ON outputs (kind, conference_id, status, id);
CREATE INDEX outputs_kind_id ON outputs (kind, conference_id, id);
CREATE INDEX outputs_due ON outputs (due_at, id);
CREATE INDEX outputs_source_case ON outputs (source_case_id);

-- Authors in signing order: position 1 is the first author (领衔), the rest co-signers
-- (附议/联名), who confirm before a joint item is submitted.
CREATE TABLE output_authors (
  output_id {{bigint}} NOT NULL REFERENCES outputs(id),
  member_id {{bigint}} NOT NULL REFERENCES members(id),
  position {{int}} NOT NULL,
  confirmed_at {{bigint}},
  PRIMARY KEY (output_id, member_id)
);
CREATE INDEX output_authors_member ON output_authors (member_id, output_id);

-- The agencies an item is assigned to: one lead (主办) and any assisting ones (协办).
CREATE TABLE output_agencies (
  output_id {{bigint}} NOT NULL REFERENCES outputs(id),
  agency_id {{bigint}} NOT NULL REFERENCES agencies(id),
  role {{text}} NOT NULL CHECK (role IN ('lead', 'assist')),
  status {{text}} NOT NULL DEFAULT 'assigned'
    CHECK (status IN ('assigned', 'signed', 'asked_back', 'replied', 'withdrawn')),
  assigned_at {{bigint}} NOT NULL,
  signed_at {{bigint}},
  replied_at {{bigint}},
  reply_text {{text}},
  note {{text}} NOT NULL DEFAULT '',
  PRIMARY KEY (output_id, agency_id)
);
CREATE INDEX output_agencies_agency ON output_agencies (agency_id, output_id);

-- The timeline: every transition is one event (who, when, from, to, note, address).
CREATE TABLE output_events (
  id {{id}},
  output_id {{bigint}} NOT NULL REFERENCES outputs(id),
  at {{bigint}} NOT NULL,
  action {{text}} NOT NULL,
  from_status {{text}} NOT NULL,
  to_status {{text}} NOT NULL,
  party {{text}} NOT NULL,
  user_id {{bigint}},
  actor_label {{text}} NOT NULL DEFAULT '',
  note {{text}} NOT NULL DEFAULT '',
  detail {{text}} NOT NULL DEFAULT '{}',
  remote_addr {{text}} NOT NULL DEFAULT ''
);
CREATE INDEX output_events_output ON output_events (output_id, id);

-- What happened to an opinion report after it was sent (workflows.md §4), many each:
-- adopted by a level above, a leader's instruction (批示), an agency's adoption.
CREATE TABLE output_outcomes (
  id {{id}},
  output_id {{bigint}} NOT NULL REFERENCES outputs(id),
  kind {{text}} NOT NULL CHECK (kind IN ('adopted_above', 'instruction', 'agency_adoption')),
  level {{text}} NOT NULL DEFAULT '',
  by_whom {{text}} NOT NULL DEFAULT '',
  text {{text}} NOT NULL DEFAULT '',
  occurred_on {{text}} NOT NULL,
  recorded_by {{bigint}},
  created_at {{bigint}} NOT NULL
);
CREATE INDEX output_outcomes_output ON output_outcomes (output_id, id);

-- Registration numbers (proposals) and bulletin issues (opinion reports) count per
-- conference, kind and year.
CREATE TABLE output_numbers (
  conference_id {{bigint}} NOT NULL REFERENCES conferences(id),
  kind {{text}} NOT NULL,
  year {{int}} NOT NULL,
  last_number {{int}} NOT NULL,
  PRIMARY KEY (conference_id, kind, year)
);
