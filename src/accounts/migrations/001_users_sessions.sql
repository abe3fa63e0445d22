-- Accounts: users with roles, server-side sessions (hashed tokens, so several servers can
-- share them), and bearer tokens for machine clients.
CREATE TABLE users (
  id {{id}},
  username {{text}} NOT NULL UNIQUE,
  display_name {{text}} NOT NULL,
  password_hash {{text}} NOT NULL,
  roles {{text}} NOT NULL,
  conference_id {{bigint}} NOT NULL,
  member_id {{bigint}},
  agency_id {{bigint}},
  studio_id {{bigint}},
  disabled {{bool}} NOT NULL DEFAULT {{false}},
  failed_logins {{int}} NOT NULL DEFAULT 0,
  locked_until {{bigint}} NOT NULL DEFAULT 0,
  password_changed_at {{bigint}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  updated_at {{bigint}} NOT NULL
);
CREATE TABLE sessions (
  id {{id}},
  token_hash {{text}} NOT NULL UNIQUE,
  user_id {{bigint}} NOT NULL REFERENCES users(id),
  csrf_token {{text}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  last_seen_at {{bigint}} NOT NULL,
  expires_at {{bigint}} NOT NULL,
  remote_addr {{text}} NOT NULL DEFAULT '',
  user_agent {{text}} NOT NULL DEFAULT '',
  revoked {{bool}} NOT NULL DEFAULT {{false}}
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE api_tokens (
  id {{id}},
  token_hash {{text}} NOT NULL UNIQUE,
  user_id {{bigint}} NOT NULL REFERENCES users(id),
  name {{text}} NOT NULL,
  created_at {{bigint}} NOT NULL,
  last_used_at {{bigint}} NOT NULL DEFAULT 0,
  revoked {{bool}} NOT NULL DEFAULT {{false}}
);
