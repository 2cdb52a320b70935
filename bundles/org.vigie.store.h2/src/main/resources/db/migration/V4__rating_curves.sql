-- Vigie store schema, version 4: stage-discharge curves with their validity. Segments are text, one
-- "fromLevel a h0 b" per line, each number written so that it reads back to the same double.
CREATE TABLE IF NOT EXISTS rating_curve (
    station_code     VARCHAR NOT NULL,
    valid_from       BIGINT NOT NULL,
    segments         VARCHAR NOT NULL,
    max_gauged_level DOUBLE PRECISION NOT NULL,
    origin           VARCHAR NOT NULL,
    saved_at         BIGINT NOT NULL,
    PRIMARY KEY (station_code, valid_from)
);
