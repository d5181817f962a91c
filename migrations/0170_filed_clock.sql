-- The 72-hour clock as it stood when the initial notification was filed with the AP
-- (model::FiledClock). From then on the breach shows these figures, whatever later
-- edits of time.discovered, time.processor_informed, time.late_reason or
-- meta.submitted_at say: lateness is frozen at filing. NULL for versions that are not
-- filed, follow-ups, and versions filed before this migration (those fall back to the
-- answers snapshot of the version with its stored submitted_at).
ALTER TABLE ap_notifications ADD COLUMN clock_awareness_id TEXT;
ALTER TABLE ap_notifications ADD COLUMN clock_awareness_at BIGINT;
ALTER TABLE ap_notifications ADD COLUMN clock_due_at BIGINT;
ALTER TABLE ap_notifications ADD COLUMN clock_hours BIGINT;
ALTER TABLE ap_notifications ADD COLUMN clock_late_reason INTEGER;
