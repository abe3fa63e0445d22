-- The audit trail: one row per login attempt and per write (core/audit/audit.hpp).
CREATE TABLE audit_log (
  id {{id}},
  at {{bigint}} NOT NULL,
  user_id {{bigint}},
  username {{text}},
  action {{text}} NOT NULL,
  object_type {{text}} NOT NULL DEFAULT '',
  object_id {{bigint}},
  remote_addr {{text}} NOT NULL DEFAULT '',
  request_id {{text}} NOT NULL DEFAULT '',
  detail {{json}}
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id);
CREATE INDEX audit_log_user ON audit_log (user_id, at);
