package org.vigie.qc.internal;

import java.util.Arrays;

/** Robust statistics shared by the cross-series checks. */
final class RollingMedian {

    /** Scales a median absolute deviation to a standard deviation for normally distributed noise. */
    static final double MAD_TO_SIGMA = 1.4826;

    private RollingMedian() {
    }

    /** Median of {@code values[from..to]} (inclusive bounds, clamped), skipping {@code excluded} (−1 for none). */
    static double of(double[] values, int from, int to, int excluded) {
        int lo = Math.max(0, from);
        int hi = Math.min(values.length - 1, to);
        double[] window = new double[hi - lo + 1];
        int n = 0;
        for (int k = lo; k <= hi; k++) {
            if (k != excluded && !Double.isNaN(values[k])) {
                window[n++] = values[k];
            }
        }
        return n == 0 ? Double.NaN : SeriesDiagnostics.median(Arrays.copyOf(window, n));
    }
}
