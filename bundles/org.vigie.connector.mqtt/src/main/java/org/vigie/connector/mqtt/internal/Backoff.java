package org.vigie.connector.mqtt.internal;

import java.time.Duration;

/**
 * Delays between attempts: the initial delay, then doubling up to a maximum. Not thread-safe.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max.compareTo(initial) < 0 ? initial : max;
        this.next = initial;
    }

    /** @return the delay before the next attempt, doubling the one after */
    Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    /** Starts again from the initial delay, after a success. */
    void reset() {
        next = initial;
    }
}
