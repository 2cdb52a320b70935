package org.vigie.qc.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Missing time between two consecutive observations.
 *
 * @param lastBefore    time of the last observation before the gap
 * @param firstAfter    time of the first observation after the gap
 * @param missingSteps  expected time steps with no observation
 */
public record GapInterval(Instant lastBefore, Instant firstAfter, long missingSteps) {
    public Duration duration() {
        return Duration.between(lastBefore, firstAfter);
    }
}
