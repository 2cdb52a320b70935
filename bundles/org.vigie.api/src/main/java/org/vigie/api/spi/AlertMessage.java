package org.vigie.api.spi;

import java.util.List;
import java.util.Objects;

import org.vigie.api.AlertEvent;

/**
 * One alert to deliver through one channel.
 *
 * @param idempotencyKey the same for every attempt of this delivery; a channel that can pass it on (e.g. as a
 *                       header) must, so that a retry after an unconfirmed success is not seen twice
 * @param event          the alert
 * @param recipients     who should receive it, in the channel's own address form (may be empty: the channel's
 *                       configured default)
 * @param subject        a short title
 * @param body           the text
 */
public record AlertMessage(String idempotencyKey, AlertEvent event, List<String> recipients, String subject,
                           String body) {
    public AlertMessage {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(event, "event");
        recipients = List.copyOf(recipients);
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
    }
}
