-- Outgoing SMS (core/sms): the transactional outbox. A message is written in the same
-- transaction as the change it reports; a dispatcher hands pending rows to the gateway.
-- The phone number is stored encrypted (core/crypto) — the outbox holds personal data.
CREATE TABLE sms_outbox (
  id {{id}},
  phone_enc {{text}} NOT NULL,
  phone_hash {{text}} NOT NULL,
  purpose {{text}} NOT NULL,
  body {{text}} NOT NULL,
  status {{text}} NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts {{int}} NOT NULL DEFAULT 0,
  last_error {{text}} NOT NULL DEFAULT '',
  created_at {{bigint}} NOT NULL,
  sent_at {{bigint}}
);
CREATE INDEX sms_outbox_status ON sms_outbox (status, id);
CREATE INDEX sms_outbox_phone ON sms_outbox (phone_hash, id);

-- Fixed-window hit log for rate limits shared by every app server (core/rate_limit).
CREATE TABLE rate_limit_hits (
  id {{id}},
  bucket {{text}} NOT NULL,
  at {{bigint}} NOT NULL
);
CREATE INDEX rate_limit_hits_bucket ON rate_limit_hits (bucket, at);

-- In-app notifications for accounts (reminders, escalations, assignments).
CREATE TABLE notifications (
  id {{id}},
  user_id {{bigint}} NOT NULL,
  kind {{text}} NOT NULL,
  title {{text}} NOT NULL,
  body {{text}} NOT NULL DEFAULT '',
  link {{text}} NOT NULL DEFAULT '',
  object_type {{text}} NOT NULL DEFAULT '',
  object_id {{bigint}},
  created_at {{bigint}} NOT NULL,
  read_at {{bigint}}
);
CREATE INDEX notifications_user ON notifications (user_id, id);
