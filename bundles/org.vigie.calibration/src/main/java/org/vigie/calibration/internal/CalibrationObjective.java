package org.vigie.calibration.internal;

/** One model run scored by a criterion, as seen by an optimiser. */
@FunctionalInterface
public interface CalibrationObjective {

    /**
     * Runs the model with these real (physical) parameters and returns the raw criterion value, e.g. NSE, not multiplied
     * by the orientation. NaN means the criterion could not be computed; optimisers treat such runs as never better.
     */
    double evaluate(double[] realParameters);
}
