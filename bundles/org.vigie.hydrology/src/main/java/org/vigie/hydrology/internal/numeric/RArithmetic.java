package org.vigie.hydrology.internal.numeric;

import java.util.Arrays;

/**
 * Bit-exact reproductions of the R primitives whose results feed airGR's models, where plain double arithmetic
 * would differ in the last bits: {@code mean()}, {@code rowMeans()} (long-double accumulations on x86-64) and
 * {@code ^} ({@code R_pow}). Elementary functions are in {@link CorrectlyRoundedMath}.
 */
public final class RArithmetic {

    private RArithmetic() {
    }

    /**
     * R's {@code mean(x)} for a double vector (summary.c {@code real_mean}): long-double sum divided by n, then one
     * long-double correction pass {@code s += sum(x - s) / n}. Returns NaN if any element is NaN, as R returns NA.
     */
    public static double mean(double[] values) {
        int n = values.length;
        if (n == 0) {
            return Double.NaN;
        }
        for (double value : values) {
            if (!Double.isFinite(value)) {
                return plainMeanOfNonFinite(values);
            }
        }
        X87Extended sum = X87Extended.ZERO;
        for (double value : values) {
            sum = sum.plus(value);
        }
        X87Extended mean = sum.dividedBy(n);
        if (!Double.isFinite(mean.toDouble())) {
            return mean.toDouble();
        }
        X87Extended correction = X87Extended.ZERO;
        for (double value : values) {
            correction = correction.plus(X87Extended.of(value).minus(mean));
        }
        return mean.plus(correction.dividedBy(n)).toDouble();
    }

    /** R's {@code mean(x, na.rm = TRUE)}: NaN elements are removed before {@link #mean(double[])}. */
    public static double meanIgnoringNaN(double[] values) {
        return mean(Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray());
    }

    /**
     * One row of R's {@code rowMeans(m)} (array.c {@code do_colsum}): the row is accumulated column by column in a
     * long double, divided by the column count in long double, then narrowed to double.
     */
    public static double rowMean(double... row) {
        for (double value : row) {
            if (!Double.isFinite(value)) {
                return plainMeanOfNonFinite(row);
            }
        }
        X87Extended sum = X87Extended.ZERO;
        for (double value : row) {
            sum = sum.plus(value);
        }
        return sum.dividedBy(row.length).toDouble();
    }

    /**
     * R's {@code x ^ y} ({@code R_POW}/{@code R_pow} in arithmetic.c) for a finite exponent: squaring is done by
     * multiplication, {@code 1^y} and {@code x^0} are 1, {@code 0^y} is 0 or +Inf, otherwise libm {@code pow}.
     */
    public static double power(double base, double exponent) {
        if (exponent == 2.0) {
            return base * base;
        }
        if (base == 1.0 || exponent == 0.0) {
            return 1.0;
        }
        if (base == 0.0) {
            if (exponent > 0.0) {
                return 0.0;
            }
            return exponent < 0.0 ? Double.POSITIVE_INFINITY : exponent;
        }
        return StrictMath.pow(base, exponent);
    }

    private static double plainMeanOfNonFinite(double[] values) {
        double sum = 0.0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
