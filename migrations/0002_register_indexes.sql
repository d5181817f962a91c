-- Indexes that keep every register page a few milliseconds at 100,000 breaches per
-- organisation (measured with storage::seed_breaches; see src/storage/bulk_seed.h):
-- - the updated-order index also carries search_text, so a free-text search scans one
--   index instead of looking up every row;
-- - discovery-order indexes put unknown instants last in both directions, the same on
--   SQLite and PostgreSQL (whose NULL ordering differs);
-- - title and status orders end in id, the register's tie-breaker.

DROP INDEX breaches_by_updated;
CREATE INDEX breaches_by_updated ON breaches (organisation_id, updated_at, id, search_text);

CREATE INDEX breaches_by_discovered_first ON breaches (organisation_id, (discovered_at IS NULL), discovered_at, id);
CREATE INDEX breaches_by_discovered_last ON breaches (organisation_id, (discovered_at IS NOT NULL), discovered_at, id);

DROP INDEX breaches_by_title;
CREATE INDEX breaches_by_title ON breaches (organisation_id, title, id);

DROP INDEX breaches_by_status;
CREATE INDEX breaches_by_status ON breaches (organisation_id, status, updated_at DESC, id DESC);
