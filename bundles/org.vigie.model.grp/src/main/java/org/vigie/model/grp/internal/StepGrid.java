package org.vigie.model.grp.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.vigie.api.TimeSeries;

/**
 * Puts a forecast cycle's inputs on the model's regular grid of steps [t, t + Δt), the same way as the {@code gr4h}
 * model does: a rainfall or PET value belongs to the step that <em>starts</em> at its time stamp (airGR's
 * convention); a missing past forcing is an error naming the step; beyond the issue time a missing rainfall is the
 * zero-rain scenario and a missing PET repeats the last value. A discharge observation, an instantaneous reading,
 * belongs to the step that <em>ends</em> at its time stamp: the reading at the issue time closes the last step
 * assimilated, and forecasts are stamped at the end of their step too. Stamps off the grid are ignored.
 */
final class StepGrid {

    /** How a gap beyond the issue time is filled. */
    enum FutureGap {
        ZERO, LAST_VALUE
    }

    private StepGrid() {
    }

    /**
     * @param start      first step of the grid
     * @param steps      number of steps
     * @param issueIndex index of the first step after the issue time (the steps before it are the past)
     */
    static double[] forcing(String name, TimeSeries series, Instant start, Duration step, int steps, int issueIndex,
                            FutureGap futureGap) {
        double[] values = onGrid(series, start, step, steps);
        for (int i = 0; i < steps; i++) {
            if (!Double.isNaN(values[i])) {
                continue;
            }
            if (i < issueIndex) {
                throw new IllegalArgumentException("input " + name + " has no value for the step starting "
                        + start.plus(step.multipliedBy(i)) + "; fill the gap (e.g. from a neighbouring gauge) "
                        + "or shorten the history");
            }
            if (futureGap == FutureGap.ZERO) {
                values[i] = 0.0;
            } else {
                // the last value known, which lies before the grid when the run resumes at the issue time
                values[i] = i > 0 ? values[i - 1] : lastBefore(series, start);
            }
        }
        return values;
    }

    /** @return the last value stamped before {@code time}, or 0 when there is none */
    private static double lastBefore(TimeSeries series, Instant time) {
        for (int i = series.size() - 1; i >= 0; i--) {
            if (series.time(i).isBefore(time) && Double.isFinite(series.value(i))) {
                return series.value(i);
            }
        }
        return 0.0;
    }

    /**
     * Observed discharge of the steps starting at {@code start}, … in mm per step: the reading stamped at the end of
     * each step, NaN where there is none (or it is negative or not finite).
     *
     * @param areaKm2 catchment area converting m³/s to mm per step
     */
    static double[] discharge(TimeSeries series, Instant start, Duration step, int steps, double areaKm2) {
        double[] values = onGrid(series, start.plus(step), step, steps);
        double toMillimetres = step.getSeconds() / (areaKm2 * 1e3);
        for (int i = 0; i < steps; i++) {
            values[i] = values[i] >= 0 && Double.isFinite(values[i]) ? values[i] * toMillimetres : Double.NaN;
        }
        return values;
    }

    /** Values at start + i·step, NaN where the series has none. */
    private static double[] onGrid(TimeSeries series, Instant start, Duration step, int steps) {
        double[] values = new double[steps];
        Arrays.fill(values, Double.NaN);
        long stepNanos = step.toNanos();
        for (int i = 0; i < series.size(); i++) {
            Duration offset = Duration.between(start, series.time(i));
            if (offset.isNegative()) {
                continue;
            }
            long nanos = offset.toNanos();
            if (nanos % stepNanos != 0) {
                continue;
            }
            long index = nanos / stepNanos;
            if (index < steps && Double.isNaN(values[(int) index])) {
                values[(int) index] = series.value(i);
            }
        }
        return values;
    }

    /** @return the first grid time at or after the first value of the series, or null when it is empty */
    static Instant firstStep(TimeSeries series, Instant anchor, Duration step) {
        if (series.isEmpty()) {
            return null;
        }
        long offset = Duration.between(series.time(0), anchor).toNanos();
        return anchor.minus(step.multipliedBy(Math.floorDiv(offset, step.toNanos())));
    }

    /** The grid follows the model step (whole hours, whole UTC days), whatever second the cycle was issued at. */
    static Instant alignedIssue(Instant issueTime, Duration step) {
        long stepSeconds = step.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(issueTime.getEpochSecond(), stepSeconds) * stepSeconds);
    }

    /** @return whole steps from {@code from} to {@code to} */
    static int steps(Instant from, Instant to, Duration step) {
        return (int) (Duration.between(from, to).toNanos() / step.toNanos());
    }

    /** @return whether an instant lies on the grid through {@code anchor} */
    static boolean onGrid(Instant time, Instant anchor, Duration step) {
        return Duration.between(anchor, time).toNanos() % step.toNanos() == 0;
    }

    /** Q = q · area · 1000 / Δt: mm per step over {@code areaKm2} to m³/s. */
    static double[] toCubicMetresPerSecond(double[] millimetres, double areaKm2, Duration step) {
        double factor = areaKm2 * 1e3 / step.getSeconds();
        double[] q = new double[millimetres.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = millimetres[i] * factor;
        }
        return q;
    }
}
