-- Vigie store schema, version 3: data-diagnostic flags beside the raw observations, which stay untouched.
-- One row per checked observation (same identity as table observation); flags are DiagnosticFlag names joined
-- by ',' and '' for an observation checked and found clean.
CREATE TABLE IF NOT EXISTS observation_flag (
    station_id INT NOT NULL,
    quantity   TINYINT NOT NULL,
    t          BIGINT NOT NULL,
    source_id  INT NOT NULL,
    flags      VARCHAR NOT NULL,
    checked_at BIGINT NOT NULL,
    PRIMARY KEY (station_id, quantity, t, source_id)
);
