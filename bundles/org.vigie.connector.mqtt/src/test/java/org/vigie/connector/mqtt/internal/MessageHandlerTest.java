package org.vigie.connector.mqtt.internal;

import org.vigie.testing.RecordingSink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.connector.mqtt.internal.TestSettings.settings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.api.Observation;
import org.vigie.api.service.ObservationSink;
import org.vigie.connector.mqtt.internal.MessageHandler.Handled;
import org.vigie.connector.mqtt.internal.MessageHandler.Outcome;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class MessageHandlerTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private static final String TOPIC = "vigie/sensors/K1/level";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private MessageHandler handler(ObservationSink sink) throws Exception {
        ConnectorSettings.Resolved resolved = settings("levels", "brokerUri", "tcp://127.0.0.1:1883",
                "topicFilter", "vigie/sensors/+/level", "stationTopicLevel", 2, "quantity", "H", "unit", "cm")
                .resolve(home);
        return new MessageHandler("mqtt:levels", new PayloadDecoder("mqtt:levels", resolved.mapping()), sink,
                new RejectedMessageFile(resolved.rejectedFile()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path rejectedFile() {
        return home.resolve("data/mqtt-rejected/levels.jsonl");
    }

    private List<JsonNode> rejectedLines() throws Exception {
        return Files.readAllLines(rejectedFile()).stream().map(line -> {
            try {
                return JSON.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }

    private static Handled handle(MessageHandler handler, String payload) {
        return handler.handle(TOPIC, payload.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void goodMessageIsStoredAndCounted() throws Exception {
        RecordingSink sink = new RecordingSink();
        MessageHandler handler = handler(sink);

        assertEquals(Handled.DELIVERED, handle(handler, "{\"value\": 120, \"time\": \"2024-06-01T11:00:00Z\"}"));

        assertEquals(List.of(1.2), sink.observations().stream().map(Observation::value).toList());
        assertEquals(1, handler.delivered());
        assertEquals(0, handler.rejected());
        assertEquals(NOW, handler.lastDelivery());
        assertEquals(List.of("K1"), handler.stationsSeen());
        assertFalse(Files.exists(rejectedFile()));
    }

    @Test
    void rejectedMessageIsAppendedAsOneJsonLineWithThePayloadAsItWas() throws Exception {
        MessageHandler handler = handler(new RecordingSink());

        assertEquals(Handled.REJECTED, handle(handler, "{\"value\": \"douze\"}"));
        assertEquals(Handled.REJECTED, handle(handler, "{\"value\": 1, \"time\": \"hier\"}"));
        assertEquals(Handled.REJECTED, handler.handle(TOPIC, new byte[] {(byte) 0xff, 0x31}));

        List<JsonNode> lines = rejectedLines();
        assertEquals(3, lines.size());
        JsonNode first = lines.get(0);
        assertEquals("2024-06-01T12:00:00Z", first.get("receivedAt").asText());
        assertEquals(TOPIC, first.get("topic").asText());
        assertEquals("bad-number", first.get("kind").asText());
        assertEquals("value 'douze' at /value is not a number", first.get("reason").asText());
        assertEquals("{\"value\": \"douze\"}", first.get("payload").asText());
        assertEquals("bad-time", lines.get(1).get("kind").asText());
        assertEquals("not-json", lines.get(2).get("kind").asText());
        assertFalse(lines.get(2).has("payload"));
        assertEquals(Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, 0x31}),
                lines.get(2).get("payloadBase64").asText());
        assertEquals(3, handler.rejected());
        assertEquals(0, handler.delivered());
    }

    @Test
    void hugePayloadIsCutInTheRejectedFile() throws Exception {
        MessageHandler handler = handler(new RecordingSink());
        byte[] payload = new byte[RejectedMessageFile.MAX_PAYLOAD_BYTES + 10];
        Arrays.fill(payload, (byte) 'x');

        assertEquals(Handled.REJECTED, handler.handle(TOPIC, payload));

        JsonNode line = rejectedLines().get(0);
        assertEquals(RejectedMessageFile.MAX_PAYLOAD_BYTES, line.get("payload").asText().length());
        assertTrue(line.get("payloadTruncated").asBoolean());
        assertEquals(payload.length, line.get("payloadBytes").asInt());
    }

    @Test
    void storeDownMeansRetryLaterWithoutRecordingAnything() throws Exception {
        RecordingSink sink = new RecordingSink();
        sink.setDown(true);
        MessageHandler handler = handler(sink);

        for (int attempt = 0; attempt < 5; attempt++) {
            assertEquals(new Handled(Outcome.RETRY_LATER, "store unavailable: database unreachable"),
                    handle(handler, "{\"value\": 120}"));
        }

        assertEquals(0, handler.delivered());
        assertEquals(0, handler.rejected());
        assertFalse(Files.exists(rejectedFile()));
    }

    @Test
    void messageTheStoreKeepsFailingOnUnexpectedlyIsRejectedAfterSomeAttempts() throws Exception {
        ObservationSink failing = observations -> {
            throw new IllegalArgumentException("station code too long for column");
        };
        MessageHandler handler = handler(failing);
        String poison = "{\"value\": 120}";

        assertEquals(new Handled(Outcome.RETRY_LATER, "store failed: station code too long for column"),
                handle(handler, poison));
        assertEquals(Outcome.RETRY_LATER, handle(handler, poison).outcome());
        assertEquals(Outcome.REJECTED, handle(handler, poison).outcome());

        JsonNode line = rejectedLines().get(0);
        assertEquals("refused-by-store", line.get("kind").asText());
        assertEquals("the store failed 3 times in a row on this message: station code too long for column",
                line.get("reason").asText());
        assertEquals(poison, line.get("payload").asText());
    }

    @Test
    void rejectedFileThatCannotBeWrittenMeansRetryLater() throws Exception {
        MessageHandler handler = handler(new RecordingSink());
        Files.createDirectories(rejectedFile());

        Handled handled = handle(handler, "not json");

        assertEquals(Outcome.RETRY_LATER, handled.outcome());
        assertTrue(handled.problem().startsWith("cannot write the rejected message to " + rejectedFile()),
                handled.problem());
        assertEquals(0, handler.rejected());
    }
}
