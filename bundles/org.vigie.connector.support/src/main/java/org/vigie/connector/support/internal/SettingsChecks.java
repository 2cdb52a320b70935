package org.vigie.connector.support.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * Checks of the configuration values the connectors have in common. Each adds what is wrong to {@code problems}
 * instead of throwing, so that an operator sees every problem of a configuration at once rather than one per
 * restart; {@link #throwIfAny} then refuses the configuration. A check that resolves a value returns null when it
 * cannot.
 */
public final class SettingsChecks {

    private SettingsChecks() {
    }

    public static void requireNonBlank(String key, String value, List<String> problems) {
        if (value.isEmpty()) {
            problems.add(key + " is blank");
        }
    }

    public static void requirePositive(String key, long value, List<String> problems) {
        if (value <= 0) {
            problems.add(key + " must be positive, got " + value);
        }
    }

    /** @param examples zones an operator would write here, most likely first, e.g. {@code UTC or Europe/Paris} */
    public static ZoneId zone(String timeZone, String examples, List<String> problems) {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            problems.add("unknown timeZone '" + timeZone + "' (expected e.g. " + examples + ")");
            return null;
        }
    }

    /** @throws InvalidSettingsException listing every problem found */
    public static void throwIfAny(List<String> problems) throws InvalidSettingsException {
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(String.join("; ", problems));
        }
    }
}
