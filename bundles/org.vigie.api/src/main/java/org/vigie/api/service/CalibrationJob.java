package org.vigie.api.service;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A calibration of a forecast point's model on its station's stored history, running or finished.
 *
 * @param id              the job's id
 * @param forecastPointId the forecast point
 * @param modelId         the model calibrated
 * @param status          where it stands
 * @param runs            model runs made so far
 * @param bestCriterion   the best criterion value so far (NaN before the first run)
 * @param parameters      the best parameters so far (empty before the first run)
 * @param message         what happened (the error when FAILED, the stored parameter version when DONE)
 * @param startedAt       when it started
 * @param finishedAt      when it finished, or {@code null}
 */
public record CalibrationJob(String id, String forecastPointId, String modelId, Status status, int runs,
                             double bestCriterion, Map<String, Double> parameters, String message, Instant startedAt,
                             Instant finishedAt) {

    /** Job states. */
    public enum Status {
        RUNNING, DONE, FAILED
    }

    public CalibrationJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        parameters = Map.copyOf(parameters);
        message = message == null ? "" : message;
    }
}
