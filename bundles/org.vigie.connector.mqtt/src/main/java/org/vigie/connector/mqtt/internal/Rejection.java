package org.vigie.connector.mqtt.internal;

/**
 * A message that cannot become an observation. It is acknowledged (asking again cannot help) after being appended to
 * the rejected-messages file; the message says why, worded for whoever fixes the sensor or the configuration.
 */
final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a message was refused; each kind is logged once at WARN, then at DEBUG. */
    enum Kind {
        /** The topic does not match the configured filter (a subscription left in a persistent session). */
        UNEXPECTED_TOPIC("unexpected-topic"),
        /** The payload is not one JSON value (or not UTF-8, or empty). */
        NOT_JSON("not-json"),
        /** No station code, or one the configuration does not accept. */
        UNKNOWN_STATION("unknown-station"),
        /** No quantity code, or one that is not H, Q, P, E, T. */
        UNKNOWN_QUANTITY("unknown-quantity"),
        /** Nothing at the value pointer. */
        MISSING_VALUE("missing-value"),
        /** The value is not a finite number. */
        BAD_NUMBER("bad-number"),
        /** The time cannot be read in the configured format, or is implausible. */
        BAD_TIME("bad-time"),
        /** The store refused the observation itself, the same way, several times in a row. */
        REFUSED_BY_STORE("refused-by-store");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** @return the kind as written in the rejected-messages file, e.g. {@code bad-time} */
        String code() {
            return code;
        }
    }

    private final Kind kind;

    Rejection(Kind kind, String reason) {
        super(reason, null, false, false);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** @return why, e.g. {@code "time '2024-06-01 14:00' has no UTC offset"} */
    String reason() {
        return getMessage();
    }
}
