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
 * @param quantiles  the forecast's uncertainty: probability in (0, 1) → value at each lead time; empty when the
 *                   model gives none (archived with the forecast, see {@link org.vigie.api.Forecast#quantiles()})
 */
public record ModelResult(RegularTimeSeries forecast, ModelState finalState, Map<String, double[]> internals,
                          Map<Double, double[]> quantiles) {
    public ModelResult {
        Objects.requireNonNull(forecast, "forecast");
        internals = internals == null ? Map.of() : Map.copyOf(internals);
        quantiles = quantiles == null ? Map.of() : Map.copyOf(quantiles);
        for (Map.Entry<Double, double[]> q : quantiles.entrySet()) {
            if (!(q.getKey() > 0 && q.getKey() < 1) || q.getValue().length != forecast.size()) {
                throw new IllegalArgumentException("quantile " + q.getKey() + " must be in (0,1) with one value per"
                        + " lead time");
            }
        }
    }

    /** A result without quantiles. */
    public ModelResult(RegularTimeSeries forecast, ModelState finalState, Map<String, double[]> internals) {
        this(forecast, finalState, internals, Map.of());
    }
}
