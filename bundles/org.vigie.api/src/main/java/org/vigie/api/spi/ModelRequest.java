package org.vigie.api.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.vigie.api.TimeSeries;

/**
 * Everything one model run needs; a run is a pure function of this request.
 *
 * @param issueTime    the forecast's "now": the first lead time is {@code issueTime + step}
 * @param step         the forecast time step
 * @param horizonSteps the number of steps to forecast
 * @param parameters   parameter values by name, already completed with defaults
 * @param initialState the state to start from, or {@code null} to use the model's default initial state
 * @param inputs       input series by name; {@link #TARGET} is the observed past of the forecast quantity.
 *                     Series may extend beyond the issue time (e.g. a rainfall scenario).
 */
public record ModelRequest(Instant issueTime, Duration step, int horizonSteps, Map<String, Double> parameters,
                           ModelState initialState, Map<String, TimeSeries> inputs) {

    /** Input name of the observed past of the forecast quantity at the forecast point. */
    public static final String TARGET = "target";

    public ModelRequest {
        Objects.requireNonNull(issueTime, "issueTime");
        Objects.requireNonNull(step, "step");
        if (horizonSteps <= 0) {
            throw new IllegalArgumentException("horizon must be at least one step");
        }
        parameters = Map.copyOf(parameters);
        inputs = Map.copyOf(inputs);
    }

    /** @return the named input, or throws a clear error naming what is missing */
    public TimeSeries input(String name) {
        TimeSeries series = inputs.get(name);
        if (series == null) {
            throw new IllegalArgumentException("model input '" + name + "' missing; given " + inputs.keySet());
        }
        return series;
    }
}
