package org.vigie.store.h2.internal;

import java.time.Instant;

/**
 * Instants as BIGINT nanoseconds since the epoch: exact for every {@link Instant} from 1677-09-21 to
 * 2262-04-11, compact, and compared as plain integers in indexes. Instants outside that span cannot be stored.
 */
final class EpochNanos {
    static final Instant MIN = Instant.ofEpochSecond(0, Long.MIN_VALUE);
    static final Instant MAX = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private EpochNanos() {
    }

    /** @throws IllegalArgumentException when {@code instant} is outside the storable span */
    static long of(Instant instant) {
        if (instant.isBefore(MIN) || instant.isAfter(MAX)) {
            throw new IllegalArgumentException(instant + " is outside the storable span " + MIN + " .. " + MAX);
        }
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }

    /** Like {@link #of} but saturating, for the bounds of a query: everything storable lies within. */
    static long clamped(Instant instant) {
        return instant.isBefore(MIN) ? Long.MIN_VALUE : instant.isAfter(MAX) ? Long.MAX_VALUE : of(instant);
    }

    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /** @return the instant of a nullable column read with {@code getObject(i, Long.class)} */
    static Instant toInstantOrNull(Long nanos) {
        return nanos == null ? null : toInstant(nanos);
    }
}
