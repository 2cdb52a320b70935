package org.vigie.connector.mqtt.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.connector.mqtt.internal.Rejection.Kind;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns one MQTT message into one observation in Vigie's units, or says why it cannot. Pure: no I/O, no clock, no
 * state between calls; thread-safe.
 *
 * <p>Checks are made in this order, the first failure naming the rejection: topic, JSON, station, quantity, value,
 * time.
 */
final class PayloadDecoder {

    /** Provenance method of an observation whose time was read from the payload. */
    static final String PAYLOAD_TIME = "payload-time";
    /** Provenance method of an observation whose time is when Vigie received it (the payload had none). */
    static final String RECEIPT_TIME = "receipt-time";

    /** Times before this are taken for a wrong {@code timeFormat} (e.g. seconds read as milliseconds). */
    static final Instant EARLIEST_TIME = Instant.parse("2000-01-01T00:00:00Z");
    /** How far after its reception a measurement time may be (sensor clock drift). */
    static final Duration MAX_AHEAD = Duration.ofHours(1);

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000L);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String source;
    private final PayloadMapping mapping;

    /**
     * @param source provenance source of every observation (the connector id)
     */
    PayloadDecoder(String source, PayloadMapping mapping) {
        this.source = source;
        this.mapping = mapping;
    }

    /**
     * @param receivedAt when the message arrived; the observation's time when the payload has none
     * @throws Rejection saying why the message cannot become an observation
     */
    Observation decode(String topic, byte[] payload, Instant receivedAt) throws Rejection {
        if (!mapping.topicFilter().matches(topic)) {
            throw new Rejection(Kind.UNEXPECTED_TOPIC, "topic '" + topic + "' does not match topicFilter '"
                    + mapping.topicFilter() + "' (a subscription left in this client id's persistent session?)");
        }
        JsonNode root = parse(payload);
        String station = station(topic, root);
        Quantity quantity = quantity(root);
        ValueUnit unit = mapping.unitOf(quantity);
        double value = unit.toVigie(number(root));
        if (!Double.isFinite(value)) {
            throw new Rejection(Kind.BAD_NUMBER, "value at " + pointerText(mapping.valuePointer())
                    + " is out of range");
        }
        Optional<Instant> time = time(root, receivedAt);
        return new Observation(station, quantity, time.orElse(receivedAt), value, quality(root),
                new Provenance(source, time.isPresent() ? PAYLOAD_TIME : RECEIPT_TIME, topic), receivedAt);
    }

    private static JsonNode parse(byte[] payload) throws Rejection {
        if (payload.length == 0) {
            throw new Rejection(Kind.NOT_JSON, "empty payload");
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new Rejection(Kind.NOT_JSON, "not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Rejection(Kind.NOT_JSON, "not JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new Rejection(Kind.NOT_JSON, "not JSON: the payload holds only blanks");
        }
        return root;
    }

    private String station(String topic, JsonNode root) throws Rejection {
        if (mapping.fixedStation().isPresent()) {
            return mapping.fixedStation().get();
        }
        String raw;
        String where;
        if (mapping.stationPointer().isPresent()) {
            JsonPointer pointer = mapping.stationPointer().get();
            where = "at " + pointerText(pointer);
            JsonNode node = root.at(pointer);
            if (node.isMissingNode() || node.isNull()) {
                throw new Rejection(Kind.UNKNOWN_STATION, "no station code " + where);
            }
            if (!node.isValueNode()) {
                throw new Rejection(Kind.UNKNOWN_STATION, "station " + where + " is " + describe(node)
                        + ", not a code");
            }
            raw = node.asText();
        } else {
            where = "in topic level " + mapping.stationTopicLevel();
            raw = TopicFilter.levelOf(topic, mapping.stationTopicLevel()).orElse("");
        }
        String code = raw.trim();
        if (code.isEmpty()) {
            throw new Rejection(Kind.UNKNOWN_STATION, "no station code " + where);
        }
        if (mapping.stations().isEmpty()) {
            return code;
        }
        String mapped = mapping.stations().get(code);
        if (mapped == null) {
            throw new Rejection(Kind.UNKNOWN_STATION, "unknown station '" + code + "' " + where
                    + " (not listed in stations)");
        }
        return mapped;
    }

    private Quantity quantity(JsonNode root) throws Rejection {
        if (mapping.fixedQuantity().isPresent()) {
            return mapping.fixedQuantity().get();
        }
        JsonPointer pointer = mapping.quantityPointer().orElseThrow();
        JsonNode node = root.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            throw new Rejection(Kind.UNKNOWN_QUANTITY, "no quantity at " + pointerText(pointer));
        }
        try {
            return Quantity.parse(node.isTextual() ? node.textValue() : node.toString());
        } catch (IllegalArgumentException e) {
            throw new Rejection(Kind.UNKNOWN_QUANTITY, e.getMessage() + " at " + pointerText(pointer));
        }
    }

    private double number(JsonNode root) throws Rejection {
        JsonPointer pointer = mapping.valuePointer();
        JsonNode node = root.at(pointer);
        String where = "at " + pointerText(pointer);
        if (node.isMissingNode() || node.isNull()) {
            throw new Rejection(Kind.MISSING_VALUE, "no value " + where);
        }
        double value;
        if (node.isNumber()) {
            value = node.doubleValue();
        } else if (node.isTextual()) {
            String text = node.textValue().trim();
            if (text.isEmpty()) {
                throw new Rejection(Kind.MISSING_VALUE, "empty value " + where);
            }
            if (!DECIMAL.matcher(text).matches()) {
                throw new Rejection(Kind.BAD_NUMBER, "value '" + node.textValue() + "' " + where + " is not a number");
            }
            value = Double.parseDouble(text);
        } else {
            throw new Rejection(Kind.BAD_NUMBER, "value " + where + " is " + describe(node) + ", not a number");
        }
        if (!Double.isFinite(value)) {
            throw new Rejection(Kind.BAD_NUMBER, "value " + node + " " + where + " is not a finite number");
        }
        return value;
    }

    /** @return the time in the payload, or empty when it has none (the caller then uses the time of reception) */
    private Optional<Instant> time(JsonNode root, Instant receivedAt) throws Rejection {
        if (mapping.timePointer().isEmpty()) {
            return Optional.empty();
        }
        JsonPointer pointer = mapping.timePointer().get();
        JsonNode node = root.at(pointer);
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        String where = "at " + pointerText(pointer);
        Instant time = switch (mapping.timeFormat()) {
            case ISO -> isoTime(node, where);
            case EPOCH_SECONDS -> epochTime(node, where, NANOS_PER_SECOND, "epoch seconds");
            case EPOCH_MILLIS -> epochTime(node, where, NANOS_PER_MILLI, "epoch milliseconds");
        };
        if (time.isBefore(EARLIEST_TIME)) {
            throw new Rejection(Kind.BAD_TIME, "time " + node + " " + where + " is " + time + ", before "
                    + EARLIEST_TIME + (mapping.timeFormat() == TimeFormat.EPOCH_MILLIS
                    ? " (epoch seconds sent where timeFormat is epoch-millis?)" : ""));
        }
        if (time.isAfter(receivedAt.plus(MAX_AHEAD))) {
            throw new Rejection(Kind.BAD_TIME, "time " + node + " " + where + " is " + time
                    + ", more than 1 h after its reception at " + receivedAt
                    + (mapping.timeFormat() == TimeFormat.EPOCH_SECONDS
                    ? " (epoch milliseconds sent where timeFormat is epoch-seconds?)"
                    : " (sensor clock wrong, or local time written with a Z?)"));
        }
        return Optional.of(time);
    }

    private static Instant isoTime(JsonNode node, String where) throws Rejection {
        if (node.isNumber()) {
            throw new Rejection(Kind.BAD_TIME, "time " + node + " " + where + " is a number, expected ISO-8601 text"
                    + " (set timeFormat to epoch-seconds or epoch-millis?)");
        }
        if (!node.isTextual()) {
            throw new Rejection(Kind.BAD_TIME, "time " + where + " is " + describe(node) + ", expected ISO-8601 text");
        }
        String text = node.textValue().trim();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            if (isLocalDateTime(text)) {
                throw new Rejection(Kind.BAD_TIME, "time '" + node.textValue() + "' " + where
                        + " has no UTC offset; expected e.g. 2024-06-01T14:00:00+02:00 or 2024-06-01T12:00:00Z");
            }
            throw new Rejection(Kind.BAD_TIME, "cannot read time '" + node.textValue() + "' " + where
                    + " as ISO-8601 with an offset, e.g. 2024-06-01T14:00:00+02:00 or 2024-06-01T12:00:00Z");
        }
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Instant epochTime(JsonNode node, String where, BigDecimal nanosPerUnit, String unit)
            throws Rejection {
        BigDecimal amount;
        if (node.isNumber()) {
            amount = node.decimalValue();
        } else if (node.isTextual() && DECIMAL.matcher(node.textValue().trim()).matches()) {
            amount = new BigDecimal(node.textValue().trim());
        } else {
            throw new Rejection(Kind.BAD_TIME, "cannot read time " + node + " " + where + " as " + unit);
        }
        try {
            BigInteger nanos = amount.multiply(nanosPerUnit).toBigInteger();
            BigInteger[] secondsAndNanos = nanos.divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
            return Instant.ofEpochSecond(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue());
        } catch (ArithmeticException | DateTimeException e) {
            throw new Rejection(Kind.BAD_TIME, "time " + node + " " + where + " is out of range for " + unit);
        }
    }

    private Quality quality(JsonNode root) {
        if (mapping.qualityPointer().isEmpty()) {
            return Quality.RAW;
        }
        JsonNode node = root.at(mapping.qualityPointer().get());
        if (node.isMissingNode() || node.isNull()) {
            return Quality.RAW;
        }
        String code = node.isValueNode() ? node.asText().trim() : node.toString();
        Quality mapped = mapping.qualityMap().get(code);
        if (mapped != null) {
            return mapped;
        }
        try {
            return Quality.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Quality.UNKNOWN;
        }
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case BOOLEAN -> "a boolean (" + node + ")";
            default -> node.toString();
        };
    }

    private static String pointerText(JsonPointer pointer) {
        String text = pointer.toString();
        return text.isEmpty() ? "the payload root" : text;
    }
}
