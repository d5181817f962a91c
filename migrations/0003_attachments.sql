-- Supporting documents of a breach (the AP form's breach.attachments, "Ondersteunende
-- documentatie"; service/attachment_service.h): the file as uploaded, its sanitised
-- name and the content type sniffed from its bytes. The breach's answer
-- breach.attachments lists the names, changed in the same transaction as the row.
-- The content is base64 text so that SQLite and PostgreSQL store it alike; name,
-- content and uploader e-mail are sealed (storage/field_cipher.h). Scoped by
-- organisation like the breach itself.

CREATE TABLE attachments (
  id                 TEXT PRIMARY KEY,
  organisation_id    TEXT NOT NULL REFERENCES organisations (id),
  breach_id          TEXT NOT NULL REFERENCES breaches (id) ON DELETE CASCADE,
  name               TEXT NOT NULL,     -- sealed; the file name as given, without path
  content_type       TEXT NOT NULL,     -- sniffed from the bytes, e.g. application/pdf
  size_bytes         BIGINT NOT NULL,
  sha256             TEXT NOT NULL,     -- hex digest of the bytes
  uploaded_by        TEXT NOT NULL,     -- user id
  uploaded_by_email  TEXT NOT NULL,     -- sealed
  uploaded_at        BIGINT NOT NULL,
  content            TEXT NOT NULL      -- sealed; base64 of the bytes
);
CREATE INDEX attachments_by_breach ON attachments (organisation_id, breach_id, uploaded_at);
