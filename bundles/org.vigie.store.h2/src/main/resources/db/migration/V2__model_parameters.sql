-- Vigie store schema, version 2: versioned model parameters per forecast point (e.g. calibration results).
-- Values in the BinaryLayout of model states (name -> one value).
CREATE TABLE IF NOT EXISTS model_parameters (
    forecast_point VARCHAR NOT NULL,
    model_id       VARCHAR NOT NULL,
    version        INT NOT NULL,
    vals           VARBINARY NOT NULL,
    saved_at       BIGINT NOT NULL,
    origin         VARCHAR NOT NULL,
    PRIMARY KEY (forecast_point, model_id, version)
);
