package org.vigie.api.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.vigie.api.Forecast;

/**
 * Every forecast run ever made, with its issue time, lead times, values and quantiles.
 */
@ProviderType
public interface ForecastArchive {

    /**
     * Archives a run. Saving a run again with the same forecast point, model and issue time stores nothing.
     *
     * @return whether it was new
     */
    boolean save(Forecast forecast);

    /** @return the run with the latest issue time for a forecast point, if any */
    Optional<Forecast> latest(String forecastPointId);

    /** @return the runs of a forecast point issued in {@code [from, to)}, oldest first */
    List<Forecast> runs(String forecastPointId, Instant from, Instant to);
}
