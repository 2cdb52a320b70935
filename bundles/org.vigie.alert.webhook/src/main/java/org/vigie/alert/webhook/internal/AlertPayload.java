package org.vigie.alert.webhook.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.vigie.api.AlertEvent;
import org.vigie.api.Threshold;
import org.vigie.api.spi.AlertMessage;

/**
 * The JSON body of a webhook request (documented field by field in {@code docs/channels/webhook.md}). Times are
 * ISO-8601 UTC instants; {@code sentAt} repeats the {@code X-Vigie-Timestamp} header so that the signature covers it.
 */
final class AlertPayload {

    /** Bumped when a field changes meaning or disappears; new fields may appear without a bump. */
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertPayload() {
    }

    static byte[] json(AlertMessage message, Instant sentAt) {
        AlertEvent event = message.event();
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        root.put("idempotencyKey", message.idempotencyKey());
        root.put("sentAt", time(sentAt));
        root.put("alertId", event.id());
        root.put("stationCode", event.stationCode());
        root.put("transition", event.transition().name());
        root.put("level", event.level().name());
        root.put("levelName", event.level().french());
        root.put("previousLevel", event.previousLevel().name());
        root.put("basis", event.basis().name());
        if (event.quantity() == null) {
            root.putNull("quantity");
            root.putNull("unit");
        } else {
            root.put("quantity", event.quantity().name());
            root.put("unit", event.quantity().unit());
        }
        number(root, "value", event.value());
        root.put("valueTime", time(event.valueTime()));
        Threshold threshold = event.threshold();
        if (threshold == null) {
            root.putNull("threshold");
        } else {
            ObjectNode t = root.putObject("threshold");
            t.put("level", threshold.level().name());
            number(t, "value", threshold.value());
            t.put("label", threshold.label());
        }
        root.put("createdAt", time(event.createdAt()));
        root.put("subject", message.subject());
        root.put("message", message.body().isBlank() ? event.message() : message.body());
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write alert " + event.id() + " as JSON", e);
        }
    }

    /** @return e.g. {@code 2026-01-13T08:30:00Z} (whole seconds unless the instant has a fraction), or null */
    static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    /** @return {@code now} truncated to whole seconds, as sent in the timestamp header */
    static Instant timestamp(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS);
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
