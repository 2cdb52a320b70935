package org.vigie.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of a station's vigilance level — or, with {@link Transition#LOCAL_STEP}, of its named local stage within
 * an unchanged level — the unit of alerting: stored once, then delivered through every routed channel via the
 * outbox.
 *
 * @param id            unique and stable; channels use it (with their own id) as an idempotency key
 * @param stationCode   the station
 * @param transition    what happened to the level
 * @param level         the level after the change
 * @param previousLevel the level before the change (equal to {@code level} for a LOCAL_STEP)
 * @param basis         whether an observation or a forecast caused it
 * @param quantity      the quantity that crossed a threshold
 * @param value         the value that caused the change
 * @param valueTime     when that value applies (observation time or forecast valid time)
 * @param threshold     the threshold reached, or {@code null} when back to GREEN; for a LOCAL_STEP the local
 *                      threshold crossed (reached when rising, left when falling)
 * @param createdAt     when Vigie decided the change
 * @param message       a human-readable summary (French by default)
 */
public record AlertEvent(String id, String stationCode, Transition transition, VigilanceLevel level,
                         VigilanceLevel previousLevel, Basis basis, Quantity quantity, double value,
                         Instant valueTime, Threshold threshold, Instant createdAt, String message) {

    public AlertEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stationCode, "stationCode");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(previousLevel, "previousLevel");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(createdAt, "createdAt");
        message = message == null ? "" : message;
        if (transition == Transition.LOCAL_STEP && level != previousLevel) {
            throw new IllegalArgumentException("a LOCAL_STEP keeps the level: " + previousLevel + " -> " + level);
        }
    }

    /** How the level moved. */
    public enum Transition {
        /** From GREEN to a higher level. */
        RAISED,
        /** To a higher, non-GREEN level. */
        ESCALATED,
        /** To a lower, non-GREEN level. */
        DEESCALATED,
        /** Back to GREEN. */
        ENDED,
        /**
         * The station's named local stage changed (a threshold with a {@link Threshold#localLevel()} was reached
         * going up, or left going down past {@code value − hysteresis}) while its vigilance level stayed the same:
         * {@code level == previousLevel}, {@code threshold} is the local threshold crossed.
         *
         * @since 1.2
         */
        LOCAL_STEP;

        /**
         * @return the transition from {@code before} to {@code after}, which must differ; never {@link #LOCAL_STEP},
         *         which is no change of level
         */
        public static Transition between(VigilanceLevel before, VigilanceLevel after) {
            if (before == after) {
                throw new IllegalArgumentException("no transition: level stays " + after);
            }
            if (after == VigilanceLevel.GREEN) {
                return ENDED;
            }
            if (before == VigilanceLevel.GREEN) {
                return RAISED;
            }
            return after.isAbove(before) ? ESCALATED : DEESCALATED;
        }
    }

    /** What the level was computed from. */
    public enum Basis {
        OBSERVED, FORECAST
    }
}
