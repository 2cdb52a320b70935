package org.vigie.api.service;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator's acknowledgement of an alert: who took it in hand, and when.
 *
 * @param alertId the alert event acknowledged
 * @param by      who acknowledged it (a name or login)
 * @param at      when
 * @param note    what they said, or ""
 * @since 1.1
 */
public record Acknowledgement(String alertId, String by, Instant at, String note) {
    public Acknowledgement {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(at, "at");
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("an acknowledgement says who made it");
        }
        note = note == null ? "" : note;
    }
}
