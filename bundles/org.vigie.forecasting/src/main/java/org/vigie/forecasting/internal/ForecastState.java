package org.vigie.forecasting.internal;

import java.util.Arrays;
import java.util.Objects;

import org.vigie.model.gr.internal.core.GrState;

/**
 * What a GRP-style forecaster carries from one issue time to the next: the GR state after the last observed step
 * (with its routing store already reset to the observation) and the latest one-step output errors, most recent
 * first, in the transformed space of the error model. Immutable.
 *
 * @param model        GR state at the issue time
 * @param recentErrors e(t), e(t−1), … (transformed observed − transformed simulated; 0 where unknown)
 */
public record ForecastState(GrState model, double[] recentErrors) {

    public ForecastState {
        Objects.requireNonNull(model, "model");
        recentErrors = recentErrors.clone();
    }

    /** A state before any observation has been assimilated: no error known yet. */
    public static ForecastState initial(GrState model, int errorMemory) {
        return new ForecastState(model, new double[errorMemory]);
    }

    @Override
    public double[] recentErrors() {
        return recentErrors.clone();
    }

    /** e(t − lag), 0 beyond the memory. */
    public double error(int lag) {
        return lag < recentErrors.length ? recentErrors[lag] : 0;
    }

    int errorMemory() {
        return recentErrors.length;
    }

    /** The same errors pushed back by one step with {@code latest} in front. */
    double[] shiftedErrors(double latest) {
        double[] shifted = new double[recentErrors.length];
        if (shifted.length > 0) {
            System.arraycopy(recentErrors, 0, shifted, 1, shifted.length - 1);
            shifted[0] = latest;
        }
        return shifted;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ForecastState that && model.equals(that.model)
                && Arrays.equals(recentErrors, that.recentErrors);
    }

    @Override
    public int hashCode() {
        return 31 * model.hashCode() + Arrays.hashCode(recentErrors);
    }

    @Override
    public String toString() {
        return "ForecastState[" + model + ", errors " + Arrays.toString(recentErrors) + "]";
    }
}
