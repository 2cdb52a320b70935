package org.vigie.api.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Calibrates forecast points' models on their stations' stored history, in the background, and stores the
 * parameters found as a new {@link ParameterSet} version that the next forecast cycles use.
 */
@ProviderType
public interface CalibrationService {

    /**
     * Starts a calibration and returns at once.
     *
     * @param from      first time step of the calibration period (the year before it is the warm-up)
     * @param to        end of the period (exclusive)
     * @param criterion NSE, KGE, KGE2 or RMSE
     * @param method    michel or cmaes
     * @throws IllegalArgumentException when the forecast point, its model or the options are unknown
     */
    CalibrationJob start(String forecastPointId, Instant from, Instant to, String criterion, String method);

    /** @return a job by id */
    Optional<CalibrationJob> job(String id);

    /** @return every job since start, newest first */
    List<CalibrationJob> jobs();
}
