package org.vigie.api.spi;

import java.util.Map;
import java.util.Objects;

import org.vigie.api.RegularTimeSeries;

/**
 * The outcome of one model run.
 *
 * @param forecast   the simulated quantity at each lead time (first value at issue time + step)
 * @param finalState the state at the issue time to start the next run from, or {@code null} for stateless models
 * @param internals  internal fluxes and states per step (for diagnostics), possibly empty
 */
public record ModelResult(RegularTimeSeries forecast, ModelState finalState, Map<String, double[]> internals) {
    public ModelResult {
        Objects.requireNonNull(forecast, "forecast");
        internals = internals == null ? Map.of() : Map.copyOf(internals);
    }
}
