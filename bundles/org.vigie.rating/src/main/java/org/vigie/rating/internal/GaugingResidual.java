package org.vigie.rating.internal;

/**
 * How a curve reproduces one gauging.
 *
 * @param level             gauged H (m)
 * @param discharge         gauged Q (m³/s)
 * @param fittedDischarge   Q given by the curve at {@code level} (m³/s)
 * @param extrapolated      whether the curve extrapolates at that level
 */
public record GaugingResidual(double level, double discharge, double fittedDischarge, boolean extrapolated) {

    /** (Q̂ − Q) / Q: positive when the curve overestimates. */
    public double relativeError() {
        return fittedDischarge / discharge - 1;
    }

    /** ln Q − ln Q̂, the residual the fit minimises. */
    public double logResidual() {
        return Math.log(discharge) - Math.log(fittedDischarge);
    }
}
