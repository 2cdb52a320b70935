-- Vigie store schema, version 7: the named local level (e.g. "N2 – caves à vider") of the threshold an alert
-- crossed, so that a LOCAL_STEP read back still names it. Older events, and thresholds without one, keep NULL.
ALTER TABLE alert_event ADD COLUMN IF NOT EXISTS threshold_local_level VARCHAR;
