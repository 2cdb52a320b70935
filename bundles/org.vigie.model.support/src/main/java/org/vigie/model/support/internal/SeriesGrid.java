package org.vigie.model.support.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.vigie.api.Quantity;
import org.vigie.api.TimeSeries;

/**
 * Puts a stored series on the model's regular grid. Rainfall (and PET) values are totals over the step starting at
 * their time stamp, so only values stamped exactly on a grid time count. Levels, discharges and temperatures are
 * instantaneous: a grid time takes the value stamped there, else the linear interpolation between the values just
 * before and after it when these are at most {@link #MAX_INTERPOLATED_STEPS} steps apart, else NaN.
 */
public final class SeriesGrid {

    /** Widest span between two observations that is interpolated across, in steps. */
    public static final int MAX_INTERPOLATED_STEPS = 3;

    private SeriesGrid() {
    }

    /** The grid follows the model step (whole hours, whole UTC days…), whatever second a cycle was issued at. */
    public static Instant aligned(Instant time, Duration step) {
        long stepSeconds = step.getSeconds();
        if (stepSeconds == 0 || step.getNano() != 0) {
            throw new IllegalArgumentException("the step must be a whole number of seconds, got " + step);
        }
        return Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), stepSeconds) * stepSeconds);
    }

    /** @return the first grid time at or after the series' first value, or {@code null} for an empty series */
    public static Instant firstGridTime(TimeSeries series, Duration step) {
        if (series.isEmpty()) {
            return null;
        }
        Instant first = series.time(0);
        Instant floor = aligned(first, step);
        return floor.equals(first) ? floor : floor.plus(step);
    }

    /** @return the values at {@code start + i·step}, i = 0…steps − 1, NaN where there is none */
    public static double[] sample(TimeSeries series, Instant start, Duration step, int steps) {
        double[] values = new double[steps];
        Arrays.fill(values, Double.NaN);
        boolean accumulated = series.quantity() == Quantity.P || series.quantity() == Quantity.E;
        long stepNanos = step.toNanos();
        long maxSpan = stepNanos * MAX_INTERPOLATED_STEPS;
        int j = 0; // index of the first stored value after the grid time
        for (int i = 0; i < steps; i++) {
            Instant t = start.plus(step.multipliedBy(i));
            while (j < series.size() && !series.time(j).isAfter(t)) {
                j++;
            }
            int before = j - 1;
            if (before >= 0 && series.time(before).equals(t) && !Double.isNaN(series.value(before))) {
                values[i] = series.value(before);
                continue;
            }
            if (accumulated || before < 0 || j >= series.size()) {
                continue;
            }
            int b = before;
            while (b >= 0 && Double.isNaN(series.value(b))) {
                b--;
            }
            int a = j;
            while (a < series.size() && Double.isNaN(series.value(a))) {
                a++;
            }
            if (b < 0 || a >= series.size()) {
                continue;
            }
            long span = Duration.between(series.time(b), series.time(a)).toNanos();
            if (span > maxSpan) {
                continue;
            }
            double w = (double) Duration.between(series.time(b), t).toNanos() / span;
            values[i] = series.value(b) + w * (series.value(a) - series.value(b));
        }
        return values;
    }

    /**
     * A sensor seldom reports exactly on the grid: when the grid time {@code index} has no value (nothing after it
     * to interpolate with yet), the latest observation of the step before it stands for it.
     */
    public static void fillFromLatest(double[] values, TimeSeries series, Instant start, Duration step, int index) {
        if (series.quantity() == Quantity.P || series.quantity() == Quantity.E || !Double.isNaN(values[index])) {
            return;
        }
        Instant t = start.plus(step.multipliedBy(index));
        for (int i = series.size() - 1; i >= 0; i--) {
            if (series.time(i).isAfter(t)) {
                continue;
            }
            if (!series.time(i).isAfter(t.minus(step))) {
                return;
            }
            if (!Double.isNaN(series.value(i))) {
                values[index] = series.value(i);
                return;
            }
        }
    }

    /** Beyond {@code lastPast}, a missing value is 0 (the zero-rain scenario). */
    public static void zeroBeyond(double[] values, int lastPast) {
        for (int i = lastPast + 1; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                values[i] = 0;
            }
        }
    }

    /** Beyond {@code lastPast}, a missing value repeats the previous one (persistence of the last known value). */
    public static void holdLast(double[] values, int lastPast) {
        for (int i = Math.max(1, lastPast + 1); i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                values[i] = values[i - 1];
            }
        }
    }
}
