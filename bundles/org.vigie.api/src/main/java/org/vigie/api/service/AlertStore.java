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
}
