-- Per-user secret tokens of the deadline calendar feed (/calendar/{token}.ics). Only
-- the token's hash is stored, so a copy of the database does not reveal feed URLs.
-- One token per user; rotating replaces it.

CREATE TABLE calendar_tokens (
  user_id     TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  token_hash  TEXT NOT NULL UNIQUE,
  created_at  BIGINT NOT NULL
);
