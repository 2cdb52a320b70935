-- Vigie store schema, version 6: what kind of threshold an alert crossed (a level, or a rate of rise over a window),
-- so that an event read back says "0,12 m/h over 3 h" and not "0,12 m". Older events are levels.
ALTER TABLE alert_event ADD COLUMN IF NOT EXISTS threshold_kind VARCHAR;
ALTER TABLE alert_event ADD COLUMN IF NOT EXISTS threshold_rate_window_seconds BIGINT;
