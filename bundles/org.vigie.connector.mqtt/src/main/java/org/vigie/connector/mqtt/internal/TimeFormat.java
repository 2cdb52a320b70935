package org.vigie.connector.mqtt.internal;

import java.util.Optional;

/** How the payload writes the measurement time. */
enum TimeFormat {
    /** ISO-8601 text with an offset, e.g. {@code 2024-06-01T14:00:00+02:00} or {@code 2024-06-01T12:00:00Z}. */
    ISO("iso"),
    /** Seconds since 1970-01-01T00:00Z, as a JSON number or numeric text; a fraction is kept. */
    EPOCH_SECONDS("epoch-seconds"),
    /** Milliseconds since 1970-01-01T00:00Z, as a JSON number or numeric text. */
    EPOCH_MILLIS("epoch-millis");

    private final String code;

    TimeFormat(String code) {
        this.code = code;
    }

    /** @return the configuration value, e.g. {@code epoch-seconds} */
    String code() {
        return code;
    }

    static Optional<TimeFormat> parse(String code) {
        for (TimeFormat format : values()) {
            if (format.code.equalsIgnoreCase(code == null ? "" : code.trim())) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
