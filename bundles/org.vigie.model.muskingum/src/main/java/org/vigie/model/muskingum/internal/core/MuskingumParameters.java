package org.vigie.model.muskingum.internal.core;

/**
 * The Muskingum reach: storage S = K·(X·I + (1 − X)·O).
 *
 * @param kHours travel time K of the reach, in hours; 0 means no storage (the outflow is the inflow)
 * @param x      weighting X between inflow and outflow in the storage, 0 (linear reservoir) … 0.5 (pure
 *               translation)
 */
public record MuskingumParameters(double kHours, double x) {

    /** Largest travel time accepted: ten days. */
    public static final double MAX_K_HOURS = 240;

    public MuskingumParameters {
        if (!(kHours >= 0 && kHours <= MAX_K_HOURS)) {
            throw new IllegalArgumentException("Muskingum K = " + kHours + " h outside [0, " + MAX_K_HOURS + "] h");
        }
        if (!(x >= 0 && x <= 0.5)) {
            throw new IllegalArgumentException("Muskingum X = " + x + " outside [0, 0.5]");
        }
    }
}
