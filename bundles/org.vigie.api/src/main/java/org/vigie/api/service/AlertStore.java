package org.vigie.api.service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.vigie.api.AlertEvent;
import org.vigie.api.VigilanceLevel;

/**
 * Alert events, each station's current level, and the persistent outbox of deliveries.
 */
@ProviderType
public interface AlertStore {

    /**
     * Records an event, makes its level the station's current level, and queues one delivery per channel —
     * all in one transaction. Recording an event id already recorded does nothing, so a caller unsure whether
     * its call committed may simply call again.
     */
    void record(AlertEvent event, Collection<String> channelIds);

    /** @return each station's current level (stations never alerted are absent: GREEN) */
    Map<String, VigilanceLevel> currentLevels();

    /** @return the event with this id, if recorded */
    java.util.Optional<AlertEvent> event(String id);

    /** @return the most recent events first, at most {@code limit} */
    List<AlertEvent> events(int limit);

    /** @return pending deliveries due at {@code now} for the given channels, oldest first */
    List<OutboxEntry> due(Instant now, Collection<String> channelIds, int limit);

    /** @return the deliveries of one alert */
    List<OutboxEntry> deliveries(String alertId);

    /** @return the number of deliveries in each status */
    Map<OutboxEntry.Status, Long> outboxCounts();

    /** Marks a delivery confirmed. */
    void markDelivered(long entryId, Instant at, String detail);

    /** Records a failed attempt to retry at {@code nextAttempt}. */
    void markRetry(long entryId, Instant nextAttempt, String detail);

    /** Marks a delivery permanently refused. */
    void markRejected(long entryId, String detail);

    /**
     * Records that {@code by} acknowledged an alert; the first acknowledgement stands, a later one changes nothing.
     *
     * @return the acknowledgement in force
     * @throws IllegalArgumentException when no alert has this id
     * @since 1.1
     */
    Acknowledgement acknowledge(String alertId, String by, Instant at, String note);

    /** @return the alert's acknowledgement, if any; @since 1.1 */
    java.util.Optional<Acknowledgement> acknowledgement(String alertId);

    /**
     * Queues deliveries of a recorded alert to further channels (an escalation), in one transaction; a channel the
     * alert was already queued for is left as it is.
     *
     * @return the channels newly queued
     * @since 1.1
     */
    List<String> queue(String alertId, Collection<String> channelIds, Instant at, String reason);

    /** @return the alert's audit trail, oldest first; @since 1.1 */
    List<AuditEntry> audit(String alertId);
}
