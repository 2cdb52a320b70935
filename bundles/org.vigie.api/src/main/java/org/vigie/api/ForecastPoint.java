package org.vigie.api;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A place where a catchment asks for forecasts: which station's quantity, which model, with which inputs, how
 * far ahead.
 *
 * @param id           unique within Vigie, e.g. "orleans-loire-H"
 * @param stationCode  the station whose quantity is forecast
 * @param quantity     the forecast quantity
 * @param modelId      the {@link org.vigie.api.spi.RiverModel#id() id} of the model to run
 * @param step         the forecast time step
 * @param horizonSteps how many steps ahead
 * @param history      how much observed past the model receives as input
 * @param parameters   model parameters by name (may be empty)
 * @param inputs       further model inputs by the name the model reads them under (e.g. "P", "E"), each the
 *                     series of a station's quantity; the observed target is always given as
 *                     {@link org.vigie.api.spi.ModelRequest#TARGET}
 */
public record ForecastPoint(String id, String stationCode, Quantity quantity, String modelId, Duration step,
                            int horizonSteps, Duration history, Map<String, Double> parameters,
                            Map<String, SeriesRef> inputs) {

    /** The series of one station's quantity. */
    public record SeriesRef(String stationCode, Quantity quantity) {
        public SeriesRef {
            Objects.requireNonNull(stationCode, "stationCode");
            Objects.requireNonNull(quantity, "quantity");
        }
    }

    public ForecastPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stationCode, "stationCode");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(history, "history");
        if (step.isZero() || step.isNegative() || horizonSteps <= 0 || history.isNegative()) {
            throw new IllegalArgumentException("forecast point " + id + ": step and horizon must be positive");
        }
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
        if (inputs.containsKey(org.vigie.api.spi.ModelRequest.TARGET)) {
            throw new IllegalArgumentException("forecast point " + id + ": the input name '"
                    + org.vigie.api.spi.ModelRequest.TARGET + "' is reserved for the observed target");
        }
    }

    /** A forecast point whose model reads only the observed target. */
    public ForecastPoint(String id, String stationCode, Quantity quantity, String modelId, Duration step,
                         int horizonSteps, Duration history, Map<String, Double> parameters) {
        this(id, stationCode, quantity, modelId, step, horizonSteps, history, parameters, Map.of());
    }
}
