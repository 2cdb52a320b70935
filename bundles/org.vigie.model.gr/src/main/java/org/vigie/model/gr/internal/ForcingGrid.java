package org.vigie.model.gr.internal;

import java.time.Duration;
import java.time.Instant;

import org.vigie.api.TimeSeries;

/**
 * Puts stored forcing series (rainfall, PET) on the model's regular time grid. A value belongs to the step that
 * starts at its time stamp (airGR's convention). In the past a missing step is an error naming it — a model fed
 * with invented rain would forecast invented floods; beyond the issue time, a missing rainfall is the zero-rain
 * scenario and a missing PET repeats the last known value.
 */
final class ForcingGrid {

    /** How a gap beyond the issue time is filled. */
    enum FutureGap {
        ZERO, LAST_VALUE
    }

    private ForcingGrid() {
    }

    /**
     * @param series     the stored values
     * @param start      first step of the grid
     * @param step       grid step
     * @param steps      number of steps
     * @param issueIndex index of the first step after the issue time (steps before it are the past)
     * @param futureGap  how to fill missing values from {@code issueIndex} on
     */
    static double[] onGrid(String name, TimeSeries series, Instant start, Duration step, int steps, int issueIndex,
                           FutureGap futureGap) {
        double[] values = new double[steps];
        java.util.Arrays.fill(values, Double.NaN);
        long stepNanos = step.toNanos();
        // a run resuming at the issue time has no past step on its grid: PET then carries on from the last value known
        double lastBeforeStart = 0.0;
        for (int i = 0; i < series.size(); i++) {
            Duration offset = Duration.between(start, series.time(i));
            if (offset.isNegative()) {
                if (!Double.isNaN(series.value(i))) {
                    lastBeforeStart = series.value(i);
                }
                continue;
            }
            long nanos = offset.toNanos();
            if (nanos % stepNanos != 0) {
                continue; // off-grid stamps belong to another time step convention
            }
            long index = nanos / stepNanos;
            if (index < steps) {
                values[(int) index] = series.value(i);
            }
        }
        for (int i = 0; i < steps; i++) {
            if (!Double.isNaN(values[i])) {
                continue;
            }
            if (i < issueIndex) {
                throw new IllegalArgumentException("input " + name + " has no value for the step starting "
                        + start.plus(step.multipliedBy(i)) + "; fill the gap (e.g. from a neighbouring gauge) "
                        + "or shorten the history");
            }
            values[i] = futureGap == FutureGap.ZERO ? 0.0 : i == 0 ? lastBeforeStart : values[i - 1];
        }
        return values;
    }

    /** @return the first grid time at or after the first value of the series, or {@code null} when it is empty */
    static Instant firstStep(TimeSeries series, Instant anchor, Duration step) {
        if (series.isEmpty()) {
            return null;
        }
        long stepNanos = step.toNanos();
        long offset = Duration.between(series.time(0), anchor).toNanos();
        long stepsBack = Math.floorDiv(offset, stepNanos);
        return anchor.minus(step.multipliedBy(stepsBack));
    }

    /** The grid follows the model step (whole hours, whole UTC days), whatever second the cycle was issued at. */
    static Instant alignedIssue(Instant issueTime, Duration step) {
        long stepSeconds = step.getSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(issueTime.getEpochSecond(), stepSeconds) * stepSeconds);
    }

    /** Q = q · area · 1000 / step seconds: mm per step over a catchment of {@code areaKm2} to m³/s. */
    static double[] toCubicMetresPerSecond(double[] millimetresPerStep, double areaKm2, Duration step) {
        double factor = areaKm2 * 1e3 / step.getSeconds();
        double[] q = new double[millimetresPerStep.length];
        for (int i = 0; i < q.length; i++) {
            q[i] = millimetresPerStep[i] * factor;
        }
        return q;
    }
}
