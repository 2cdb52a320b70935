package org.vigie.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A plug-in's own account of its state, shown in the registry view and used by monitoring.
 *
 * @param status       overall state
 * @param message      what an operator should know, e.g. "folder data/inbox not readable"; "" when all is well
 * @param lastActivity when it last did useful work (received data, ran, delivered), or {@code null} if never
 */
public record Health(Status status, String message, Instant lastActivity) {
    public Health {
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    /** The states a plug-in can be in. */
    public enum Status {
        /** Working. */
        UP,
        /** Working partly (e.g. retrying after a source outage). */
        DEGRADED,
        /** Not working; {@link Health#message()} says why (a configuration error, an unreachable source…). */
        DOWN
    }

    public static Health up(Instant lastActivity) {
        return new Health(Status.UP, "", lastActivity);
    }

    public static Health down(String why) {
        return new Health(Status.DOWN, why, null);
    }
}
