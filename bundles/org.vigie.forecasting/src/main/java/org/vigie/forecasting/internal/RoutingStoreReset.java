package org.vigie.forecasting.internal;

/**
 * GRP's state update: the level of GR's routing store is reset so that the model reproduces the last observed
 * discharge. GR's routing store of capacity X3 and level R (before its outflow) releases
 * {@code Qr = R·(1 − (1 + (R/X3)^4)^(−1/4))} and keeps {@code R − Qr = R·(1 + (R/X3)^4)^(−1/4)}. Both are strictly
 * increasing in R, so the level that releases a wanted outflow is unique; it is found by Newton's method from
 * above, which converges monotonically because Qr(R) is convex.
 */
public final class RoutingStoreReset {

    private static final int MAX_ITERATIONS = 100;
    private static final double RELATIVE_TOLERANCE = 1e-14;

    private RoutingStoreReset() {
    }

    /** GR's routing outflow Qr(R) for a store level R before the outflow (mm). */
    public static double outflow(double level, double x3) {
        double ratio = level / x3;
        ratio *= ratio;
        ratio *= ratio;
        return level * (1.0 - 1.0 / Math.sqrt(Math.sqrt(1.0 + ratio)));
    }

    /** What the store keeps, R − Qr(R) = R·(1 + (R/X3)^4)^(−1/4) (mm), always below X3. */
    public static double remainingLevel(double level, double x3) {
        double ratio = level / x3;
        ratio *= ratio;
        ratio *= ratio;
        return level / Math.sqrt(Math.sqrt(1.0 + ratio));
    }

    /**
     * The inverse of {@link #outflow}: the level R ≥ 0 (mm) before the outflow that releases {@code outflow} mm.
     *
     * @param outflow wanted routing outflow (mm per step), ≥ 0
     */
    public static double levelForOutflow(double outflow, double x3) {
        if (!(outflow >= 0) || Double.isInfinite(outflow)) {
            throw new IllegalArgumentException("the wanted routing outflow must be finite and ≥ 0, got " + outflow);
        }
        if (outflow == 0) {
            return 0;
        }
        // Qr(R) > R − X3, so the root lies below outflow + X3: start there and let Newton descend
        double level = outflow + x3;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double ratio = level / x3;
            double u4 = ratio * ratio * ratio * ratio;
            double root = Math.sqrt(Math.sqrt(1.0 + u4));
            double value = level * (1.0 - 1.0 / root) - outflow;
            // d/dR of R·(1 − (1+u^4)^(−1/4)) = 1 − (1+u^4)^(−5/4)
            double slope = 1.0 - 1.0 / (root * root * root * root * root);
            double next = level - value / slope;
            if (!(next > 0)) {
                next = level / 2;
            }
            if (Math.abs(next - level) <= RELATIVE_TOLERANCE * level) {
                return next;
            }
            level = next;
        }
        return level;
    }
}
