-- AP notification versions and the mail outbox.

-- Every version of a breach's notification to the AP (initial, supplements,
-- amendments, withdrawal), with the answers as they were when it was prepared.
CREATE TABLE ap_notifications (
  id              TEXT PRIMARY KEY,
  breach_id       TEXT NOT NULL REFERENCES breaches (id) ON DELETE CASCADE,
  version         BIGINT NOT NULL,          -- 1, 2, … per breach
  kind            TEXT NOT NULL,            -- initial | supplement | amendment | withdrawal
  status          TEXT NOT NULL,            -- preliminary | final
  meldnummer      TEXT NOT NULL DEFAULT '', -- the AP's number, empty until filed
  submitted_at    BIGINT,                   -- when the officer filed it with the AP
  previous_id     TEXT REFERENCES ap_notifications (id),
  breach_version  BIGINT NOT NULL,          -- the breach version the snapshot was taken from
  answers         TEXT NOT NULL,            -- JSON contract snapshot (personal answers sealed)
  created_by      TEXT NOT NULL,
  created_at      BIGINT NOT NULL,
  UNIQUE (breach_id, version)
);

-- Mail waiting to be sent (transactional outbox): written in the same transaction as
-- the change that causes it, sent by a worker that claims due rows.
CREATE TABLE outbox (
  id               TEXT PRIMARY KEY,
  organisation_id  TEXT NOT NULL REFERENCES organisations (id),
  breach_id        TEXT,
  kind             TEXT NOT NULL,             -- e.g. subject_letter, deadline_reminder
  recipient        TEXT NOT NULL,             -- sealed
  subject          TEXT NOT NULL,
  body_text        TEXT NOT NULL,             -- sealed
  body_html        TEXT NOT NULL DEFAULT '',  -- sealed
  status           TEXT NOT NULL,             -- pending | sending | sent | failed
  attempts         BIGINT NOT NULL DEFAULT 0,
  next_attempt_at  BIGINT NOT NULL,
  last_error       TEXT NOT NULL DEFAULT '',
  dedupe_key       TEXT UNIQUE,               -- optional: the same key is enqueued once
  created_at       BIGINT NOT NULL,
  sent_at          BIGINT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_by_breach ON outbox (organisation_id, breach_id, created_at);
