package org.vigie.api.service;

import java.time.Instant;

/**
 * One line of an alert's audit trail: its transition, each acknowledgement and escalation, in time order.
 *
 * @param alertId the alert event
 * @param at      when it happened
 * @param action  what happened, e.g. RAISED, ESCALATED, ACKNOWLEDGED, QUEUED_FOR_ESCALATION
 * @param by      who did it ("vigie" for the platform itself)
 * @param detail  the rest, readable by a person
 * @since 1.1
 */
public record AuditEntry(String alertId, Instant at, String action, String by, String detail) {
}
