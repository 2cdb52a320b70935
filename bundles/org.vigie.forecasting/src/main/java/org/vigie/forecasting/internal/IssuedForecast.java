package org.vigie.forecasting.internal;

/**
 * One forecast of a hindcast, as handed to a {@link Hindcast.Sink} while the replay runs.
 *
 * @param issueIndex   index of the last observed step (the forecast is issued at its end); lead k targets index
 *                     issueIndex + k
 * @param lastObserved observed discharge of that step (the persistence forecast), NaN when missing
 * @param state        forecaster state at the issue time (routing store reset, recent errors)
 * @param forecast     updated model forecast and its output-corrected version, index 0 = lead 1
 * @param openLoop     the same model without any updating over the same forcings (the "no update" reference)
 */
public record IssuedForecast(int issueIndex, double lastObserved, ForecastState state, Forecast forecast,
                             double[] openLoop) {

    /** @return the number of leads forecast (fewer than asked near the end of the inputs) */
    public int leads() {
        return openLoop.length;
    }
}
