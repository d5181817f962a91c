-- Scan reports attached to a breach (service/scan_report_service.h): the JSON report of
-- `breachdesk scan --format json` (docs/scan-report.md) as uploaded, never the scanned
-- data. A report with unmasked samples (values_shown) is refused before it gets here.
-- The summary columns repeat the report's headline figures so the breach page lists
-- reports without parsing every one. Scoped by organisation like the breach itself.

CREATE TABLE scan_reports (
  id                          TEXT PRIMARY KEY,
  organisation_id             TEXT NOT NULL REFERENCES organisations (id),
  breach_id                   TEXT NOT NULL REFERENCES breaches (id) ON DELETE CASCADE,
  label                       TEXT NOT NULL,     -- file name or the uploader's label
  uploaded_by                 TEXT NOT NULL,     -- user id; '' for the operator's CLI
  uploaded_by_email           TEXT NOT NULL,     -- sealed (storage/field_cipher.h)
  uploaded_at                 BIGINT NOT NULL,
  report_bytes                BIGINT NOT NULL,
  records                     BIGINT NOT NULL,
  records_with_personal_data  BIGINT NOT NULL,
  persons_distinct            BIGINT NOT NULL,
  records_unidentified        BIGINT NOT NULL,
  categories                  TEXT NOT NULL,     -- category keys found, space-separated
  encrypted                   INTEGER NOT NULL,
  report_json                 TEXT NOT NULL      -- sealed; the report as uploaded
);
CREATE INDEX scan_reports_by_breach ON scan_reports (organisation_id, breach_id, uploaded_at);
