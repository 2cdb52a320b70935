package org.vigie.api.service;

import java.time.Instant;

/**
 * One delivery of one alert through one channel, as kept in the persistent outbox.
 *
 * @param id             the entry's id
 * @param alertId        the {@link org.vigie.api.AlertEvent#id()}
 * @param channelId      the channel to deliver through
 * @param idempotencyKey stable across retries and restarts
 * @param status         where the delivery stands
 * @param attempts       attempts made so far
 * @param nextAttempt    when to try next (for PENDING)
 * @param lastDetail     the channel's last answer or error; {@code null} before the first attempt
 * @param deliveredAt    when the channel confirmed it, or {@code null}
 */
public record OutboxEntry(long id, String alertId, String channelId, String idempotencyKey, Status status,
                          int attempts, Instant nextAttempt, String lastDetail, Instant deliveredAt) {

    /** Delivery states. */
    public enum Status {
        PENDING, DELIVERED, REJECTED
    }
}
