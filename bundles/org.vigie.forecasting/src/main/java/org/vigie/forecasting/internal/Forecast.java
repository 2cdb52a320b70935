package org.vigie.forecasting.internal;

/**
 * One forecast from an issue time: for leads 1…n (index 0 is lead 1), the model run from the updated state and the
 * same after the output-error correction. Arrays are owned by the record's holder.
 *
 * @param model     GR discharge from the updated state (flow unit of the model, mm per step)
 * @param corrected discharge after the autoregressive output correction (equal to {@code model} without one)
 */
public record Forecast(double[] model, double[] corrected) {

    public int leads() {
        return corrected.length;
    }
}
