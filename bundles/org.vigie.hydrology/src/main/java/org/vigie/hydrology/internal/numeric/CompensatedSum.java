package org.vigie.hydrology.internal.numeric;

/**
 * A double-double accumulator (Neumaier's compensated summation). R accumulates {@code sum}, {@code mean} and
 * {@code var} in 80-bit long doubles; a compensated sum is at least as accurate, so the rounded results agree with
 * R's to the last bit in all but rare ties, while staying fast enough for calibration loops (unlike
 * {@link X87Extended}). Mutable and single-use: create one per accumulation.
 */
public final class CompensatedSum {

    private double high;
    private double low;
    private int count;

    public void add(double value) {
        double sum = high + value;
        double error = Math.abs(high) >= Math.abs(value)
                ? (high - sum) + value
                : (value - sum) + high;
        high = sum;
        low += error;
        count++;
    }

    public int count() {
        return count;
    }

    /** The accumulated sum rounded to double. */
    public double value() {
        return high + low;
    }

    /** The accumulated sum divided by {@code divisor}, with a single final rounding in practice. */
    public double dividedBy(double divisor) {
        double total = high + low;
        double totalLow = low - (total - high);
        double quotient = total / divisor;
        double remainder = Math.fma(-quotient, divisor, total) + totalLow;
        return quotient + remainder / divisor;
    }

    /** Accurate arithmetic mean of the values, equal to R's {@code mean()} save for rare last-bit ties. */
    public static double mean(double[] values, int from, int to) {
        CompensatedSum sum = new CompensatedSum();
        for (int i = from; i < to; i++) {
            sum.add(values[i]);
        }
        return sum.dividedBy(to - from);
    }
}
