package org.vigie.model.gr.internal.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.IntFunction;

/**
 * airGR's default warm-up period ({@code CreateRunOptions} without {@code IndPeriod_WarmUp}): the year before the
 * run, as long as the data go back that far. The year is 365 days, one day more when that lands on another day of
 * the month (a 29 February in between); the rule is the same for daily and hourly series. Use the returned index
 * as {@code warmUpFrom} and the run start as {@code warmUpTo} of {@link GrModel#runAfterWarmUp}.
 */
public final class WarmUp {

    private static final Duration YEAR_OF_365_DAYS = Duration.ofDays(365);
    private static final Duration DAY = Duration.ofDays(1);

    private WarmUp() {
    }

    /**
     * @param times    time stamps of the input series (UTC, increasing)
     * @param runStart index of the first step of the run
     * @return index of the first warm-up step; equal to {@code runStart} when there is no data before the run
     */
    public static int defaultStart(Instant[] times, int runStart) {
        if (runStart < 0 || runStart >= times.length) {
            throw new IllegalArgumentException("run start " + runStart + " outside the " + times.length
                    + " time stamps");
        }
        return defaultStart(i -> times[i], runStart);
    }

    /**
     * The same rule on a regular series described by its first time stamp and step.
     */
    public static int defaultStart(Instant firstTime, Duration step, int runStart) {
        if (runStart < 0 || step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("need a non-negative run start and a positive step, got " + runStart
                    + " and " + step);
        }
        return defaultStart(i -> firstTime.plus(step.multipliedBy(i)), runStart);
    }

    private static int defaultStart(IntFunction<Instant> timeAt, int runStart) {
        if (runStart == 0) {
            return 0;
        }
        Instant runTime = timeAt.apply(runStart);
        Instant yearBefore = runTime.minus(YEAR_OF_365_DAYS);
        if (dayOfMonth(yearBefore) != dayOfMonth(runTime)) {
            yearBefore = yearBefore.minus(DAY);
        }
        // the first stamp at or after that instant: airGR looks for an exact match, which a regular series has
        int low = 0;
        int high = runStart;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (timeAt.apply(middle).isBefore(yearBefore)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static int dayOfMonth(Instant time) {
        return time.atOffset(ZoneOffset.UTC).getDayOfMonth();
    }
}
