package org.vigie.api.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Replays a forecast point's stored history as if in real time (one forecast per step, using only what was known
 * then), learns the forecast chain's updating and uncertainty on a calibration period, verifies the forecasts of a
 * later period, and makes what was learnt the forecast point's from then on. Runs in the background.
 *
 * @since 1.1
 */
@ProviderType
public interface HindcastService {

    /**
     * Starts a hindcast and returns at once.
     *
     * @param calibrateFrom first time of the learning period (its first year warms the model up)
     * @param calibrateTo   end of the learning period (exclusive)
     * @param from          first issue time of the verified period
     * @param to            end of the verified period (exclusive)
     * @throws IllegalArgumentException when the forecast point, its model or the periods are unusable
     */
    HindcastJob start(String forecastPointId, Instant calibrateFrom, Instant calibrateTo, Instant from, Instant to);

    /** @return a job by id */
    Optional<HindcastJob> job(String id);

    /** @return every job since start, newest first */
    List<HindcastJob> jobs();

    /** @return the finished job's report, a standalone HTML page with its plots, if there is one */
    Optional<String> report(String id);
}
