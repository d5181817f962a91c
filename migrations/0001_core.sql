-- Core schema: organisations, users, sessions, API tokens, login throttling, and the
-- breach register with its revision history (GDPR Art. 33(5)).
-- Portable between SQLite and PostgreSQL: TEXT/BIGINT/INTEGER, booleans as INTEGER
-- 0/1, instants as BIGINT seconds since the Unix epoch (UTC), application-generated
-- text ids. Personal-data columns hold what storage/field_cipher.h sealed.

CREATE TABLE organisations (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  kvk         TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL,
  created_at  BIGINT NOT NULL
);

CREATE TABLE users (
  id              TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  email           TEXT NOT NULL,           -- sealed
  email_key       TEXT NOT NULL UNIQUE,    -- blind index of the lower-cased e-mail
  display_name    TEXT NOT NULL,           -- sealed
  role            TEXT NOT NULL,
  password_hash   TEXT NOT NULL DEFAULT '',
  locale          TEXT NOT NULL DEFAULT 'nl',
  disabled        INTEGER NOT NULL DEFAULT 0,
  created_at      BIGINT NOT NULL
);
CREATE INDEX users_by_organisation ON users (organisation_id, email_key);

CREATE TABLE sessions (
  token_hash    TEXT PRIMARY KEY,
  user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token    TEXT NOT NULL,
  created_at    BIGINT NOT NULL,
  last_seen_at  BIGINT NOT NULL,
  expires_at    BIGINT NOT NULL,
  remote        TEXT NOT NULL DEFAULT ''  -- sealed
);
CREATE INDEX sessions_by_user ON sessions (user_id);
CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
  id            TEXT PRIMARY KEY,
  user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name          TEXT NOT NULL,
  token_hash    TEXT NOT NULL UNIQUE,
  created_at    BIGINT NOT NULL,
  last_used_at  BIGINT,
  revoked       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX api_tokens_by_user ON api_tokens (user_id, created_at);

CREATE TABLE login_throttle (
  throttle_key     TEXT PRIMARY KEY,
  failures         BIGINT NOT NULL,
  last_failure_at  BIGINT,
  locked_until     BIGINT
);

-- One row per breach at its current version; the register columns are derived from
-- the answers on every write so the register never parses JSON.
CREATE TABLE breaches (
  id               TEXT PRIMARY KEY,
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  reference        TEXT NOT NULL,
  version          BIGINT NOT NULL,
  status           TEXT NOT NULL,
  title            TEXT NOT NULL,
  answers          TEXT NOT NULL,             -- JSON contract: flat id -> value
  reported_by      TEXT NOT NULL DEFAULT '',
  incident_type    TEXT NOT NULL DEFAULT '',  -- breach.incident_type
  discovered_at    BIGINT,                    -- time.discovered
  search_text      TEXT NOT NULL DEFAULT '',  -- lower-cased reference, title, summary
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL,
  UNIQUE (organisation_id, reference)
);
CREATE INDEX breaches_by_updated ON breaches (organisation_id, updated_at, id);
CREATE INDEX breaches_by_status ON breaches (organisation_id, status, updated_at);
CREATE INDEX breaches_by_type ON breaches (organisation_id, incident_type, updated_at);
CREATE INDEX breaches_by_discovered ON breaches (organisation_id, discovered_at);
CREATE INDEX breaches_by_reporter ON breaches (organisation_id, reported_by, updated_at);
CREATE INDEX breaches_by_title ON breaches (organisation_id, title);

-- The Art. 33(5) history: one row per saved version.
CREATE TABLE breach_revisions (
  breach_id   TEXT NOT NULL REFERENCES breaches (id) ON DELETE CASCADE,
  version     BIGINT NOT NULL,
  user_id     TEXT NOT NULL,
  user_email  TEXT NOT NULL,   -- sealed
  at          BIGINT NOT NULL,
  changes     TEXT NOT NULL,   -- JSON: [{"id":…, "old":…, "new":…}]
  note        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (breach_id, version)
);
