-- The officer's decisions and the status transitions of a breach (model/lifecycle.h).

CREATE TABLE breach_decisions (
  id               TEXT PRIMARY KEY,
  breach_id        TEXT NOT NULL REFERENCES breaches (id) ON DELETE CASCADE,
  outcome          TEXT NOT NULL,     -- accepted | overridden
  notify_ap        INTEGER NOT NULL,
  inform_subjects  INTEGER NOT NULL,
  reason           TEXT NOT NULL DEFAULT '',
  user_id          TEXT NOT NULL,
  at               BIGINT NOT NULL,
  proposal         TEXT NOT NULL      -- the engine's assessment as JSON (json/assessment_codec.h)
);
CREATE INDEX breach_decisions_by_breach ON breach_decisions (breach_id, at);

CREATE TABLE breach_transitions (
  id           TEXT PRIMARY KEY,
  breach_id    TEXT NOT NULL REFERENCES breaches (id) ON DELETE CASCADE,
  from_status  TEXT NOT NULL,
  to_status    TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  at           BIGINT NOT NULL,
  reason       TEXT NOT NULL DEFAULT '',
  decision_id  TEXT REFERENCES breach_decisions (id)
);
CREATE INDEX breach_transitions_by_breach ON breach_transitions (breach_id, at);
