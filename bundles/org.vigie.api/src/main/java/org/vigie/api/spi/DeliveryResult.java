package org.vigie.api.spi;

import java.util.Objects;

/**
 * What a channel reports after one delivery attempt.
 *
 * @param outcome the outcome
 * @param detail  a message for the delivery log (e.g. the server's answer), "" if none
 */
public record DeliveryResult(Outcome outcome, String detail) {
    public DeliveryResult {
        Objects.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
    }

    /** The possible outcomes. */
    public enum Outcome {
        /** The receiving end confirmed it. */
        DELIVERED,
        /** A transient failure: try again later. */
        RETRY,
        /** A permanent failure (bad address, refused content): do not retry. */
        REJECTED
    }

    public static DeliveryResult delivered(String detail) {
        return new DeliveryResult(Outcome.DELIVERED, detail);
    }

    public static DeliveryResult retry(String detail) {
        return new DeliveryResult(Outcome.RETRY, detail);
    }
}
