package org.vigie.connector.mqtt.internal;

import org.vigie.testing.RecordingSink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.connector.mqtt.internal.Await.awaitTrue;
import static org.vigie.connector.mqtt.internal.TestSettings.settings;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.vigie.api.Health;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The connector against a real Mosquitto broker (skipped when mosquitto is not installed).
 */
class MqttStationConnectorTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** Short reconnection and redelivery delays: 100 ms, doubling up to 1 s (maxReconnectDelaySeconds). */
    private static final Duration INITIAL_DELAY = Duration.ofMillis(100);
    private static final String LEVELS = "vigie/sensors/+/level";

    @TempDir
    Path home;

    private MosquittoBroker broker;
    private final List<MqttStationConnector> started = new ArrayList<>();

    @BeforeEach
    void startBroker() throws Exception {
        MosquittoBroker.assumeInstalled();
        broker = new MosquittoBroker(home.resolve("broker")).start();
    }

    @AfterEach
    void stopEverything() throws Exception {
        started.forEach(MqttStationConnector::deactivate);
        if (broker != null) {
            broker.close();
        }
    }

    private MqttStationConnector start(RecordingSink sink, ConnectorSettings settings) {
        MqttStationConnector connector = new MqttStationConnector(sink, settings, home, CLOCK, INITIAL_DELAY);
        started.add(connector);
        return connector;
    }

    private MqttStationConnector startConnected(RecordingSink sink, ConnectorSettings settings)
            throws InterruptedException {
        MqttStationConnector connector = start(sink, settings);
        awaitUp(connector);
        return connector;
    }

    private static void awaitUp(MqttStationConnector connector) throws InterruptedException {
        awaitTrue(connector.id() + " is connected", () -> connector.health().status() == Health.Status.UP,
                connector::health);
    }

    /** A level sensor per topic vigie/sensors/<station>/level, in cm, ISO times. */
    private ConnectorSettings levels(String name, Object... more) {
        List<Object> keyValues = new ArrayList<>(List.of("brokerUri", broker.uri(), "topicFilter", LEVELS,
                "stationTopicLevel", 2, "quantity", "H", "unit", "cm", "maxReconnectDelaySeconds", 1));
        keyValues.addAll(List.of(more));
        return settings(name, keyValues.toArray());
    }

    private static String level(double centimetres, String time) {
        return "{\"value\": " + centimetres + ", \"time\": \"" + time + "\"}";
    }

    private static Set<Double> values(RecordingSink sink) {
        return sink.observations().stream().map(Observation::value).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void levelInMillimetresWithTheStationInTheTopicIsDeliveredInMetres() throws Exception {
        RecordingSink sink = new RecordingSink();
        MqttStationConnector connector = startConnected(sink, levels("levels", "unit", "mm"));

        Sensor.publishOnce(broker.uri(), "vigie/sensors/K435001010/level",
                "{\"value\": 1234, \"time\": \"2024-06-01T13:50:00+02:00\"}");
        awaitTrue("the reading is delivered", () -> sink.observations().size() == 1);

        assertEquals(List.of(new Observation("K435001010", Quantity.H, Instant.parse("2024-06-01T11:50:00Z"), 1.234,
                Quality.RAW, new Provenance("mqtt:levels", "payload-time", "vigie/sensors/K435001010/level"), NOW)),
                sink.observations());
        assertEquals("mqtt:levels", connector.id());
        assertEquals(List.of("K435001010"), connector.stationCodes());
        assertEquals(new Health(Health.Status.UP, "1 delivered, 0 rejected", NOW), connector.health());
    }

    @Test
    void dischargeInLitresPerSecondWithTheStationAndEpochMillisInThePayload() throws Exception {
        RecordingSink sink = new RecordingSink();
        MqttStationConnector connector = startConnected(sink, settings("discharge", "brokerUri", broker.uri(),
                "topicFilter", "city/discharge", "stationPointer", "/station", "quantity", "Q", "unit", "l/s",
                "valuePointer", "/q/value", "timePointer", "/ts", "timeFormat", "epoch-millis"));

        Sensor.publishOnce(broker.uri(), "city/discharge",
                "{\"station\": \"K437311001\", \"q\": {\"value\": 12500}, \"ts\": 1717239600000}",
                "{\"station\": \"K439000101\", \"q\": {\"value\": 800}, \"ts\": 1717239600000}");
        awaitTrue("both readings are delivered", () -> sink.observations().size() == 2);

        assertEquals(List.of(new Observation("K437311001", Quantity.Q, Instant.parse("2024-06-01T11:00:00Z"), 12.5,
                        Quality.RAW, new Provenance("mqtt:discharge", "payload-time", "city/discharge"), NOW),
                new Observation("K439000101", Quantity.Q, Instant.parse("2024-06-01T11:00:00Z"), 0.8,
                        Quality.RAW, new Provenance("mqtt:discharge", "payload-time", "city/discharge"), NOW)),
                sink.observations());
        assertEquals(List.of("K437311001", "K439000101"), connector.stationCodes());
    }

    @Test
    void rainGaugesArriveTheSameWayAndAReadingWithoutTimeTakesTheTimeOfReception() throws Exception {
        RecordingSink sink = new RecordingSink();
        startConnected(sink, settings("rain", "brokerUri", broker.uri(), "topicFilter", "city/rain/+",
                "stationTopicLevel", 2, "stations", new String[] {"pluvio-7=K4350010"}, "quantity", "P",
                "valuePointer", "/mm", "timePointer", "/t", "timeFormat", "epoch-seconds"));

        Sensor.publishOnce(broker.uri(), "city/rain/pluvio-7", "{\"mm\": 0.2, \"t\": 1717239600}", "{\"mm\": 0.4}");
        awaitTrue("both readings are delivered", () -> sink.observations().size() == 2);

        assertEquals(List.of(new Observation("K4350010", Quantity.P, Instant.parse("2024-06-01T11:00:00Z"), 0.2,
                        Quality.RAW, new Provenance("mqtt:rain", "payload-time", "city/rain/pluvio-7"), NOW),
                new Observation("K4350010", Quantity.P, NOW, 0.4,
                        Quality.RAW, new Provenance("mqtt:rain", "receipt-time", "city/rain/pluvio-7"), NOW)),
                sink.observations());
    }

    @Test
    void badMessagesOfEveryKindGoToTheRejectedFileAndNothingIsLost() throws Exception {
        RecordingSink sink = new RecordingSink();
        ConnectorSettings settings = levels("levels", "stations", new String[] {"K1", "K2"});
        MqttStationConnector connector = startConnected(sink, settings);
        String k1 = "vigie/sensors/K1/level";
        List<String> payloads = List.of(
                "12,5 cm",
                "{\"time\": \"2024-06-01T11:05:00Z\"}",
                "{\"value\": \"douze\", \"time\": \"2024-06-01T11:05:00Z\"}",
                "{\"value\": 121, \"time\": \"01/06/2024 11:10\"}");

        try (Sensor sensor = new Sensor(broker.uri())) {
            sensor.publish(k1, level(120, "2024-06-01T11:00:00Z"));
            for (String payload : payloads) {
                sensor.publish(k1, payload);
            }
            sensor.publish("vigie/sensors/K9/level", level(122, "2024-06-01T11:10:00Z"));
            sensor.publish("vigie/sensors/K2/level", new byte[] {(byte) 0xff, (byte) 0xfe});
            sensor.publish("vigie/sensors/K2/level", level(130, "2024-06-01T11:15:00Z"));
        }
        Path rejected = home.resolve("data/mqtt-rejected/levels.jsonl");
        awaitTrue("every message is handled", () -> connector.health().message().startsWith("2 delivered, 6 rejected"),
                connector::health);

        assertEquals(Set.of(1.2, 1.3), values(sink));
        assertEquals(new Health(Health.Status.UP, "2 delivered, 6 rejected (see " + rejected + ")", NOW),
                connector.health());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(rejected)) {
            lines.add(json.readTree(line));
        }
        assertEquals(List.of("not-json", "missing-value", "bad-number", "bad-time", "unknown-station", "not-json"),
                lines.stream().map(line -> line.get("kind").asText()).toList());
        assertEquals(payloads, lines.subList(0, 4).stream().map(line -> line.get("payload").asText()).toList());
        assertEquals(List.of(k1, k1, k1, k1, "vigie/sensors/K9/level", "vigie/sensors/K2/level"),
                lines.stream().map(line -> line.get("topic").asText()).toList());
        assertEquals("unknown station 'K9' in topic level 2 (not listed in stations)",
                lines.get(4).get("reason").asText());
        assertEquals("//4=", lines.get(5).get("payloadBase64").asText());
        assertTrue(lines.stream().allMatch(line -> line.get("receivedAt").asText().equals(NOW.toString())));

        // every message was acknowledged: a restart with the same session receives none of them again
        connector.deactivate();
        RecordingSink afterRestart = new RecordingSink();
        MqttStationConnector restarted = startConnected(afterRestart, settings);
        Sensor.publishOnce(broker.uri(), k1, level(140, "2024-06-01T11:20:00Z"));
        awaitTrue("the new reading is delivered", () -> afterRestart.observations().size() == 1);
        assertEquals(Set.of(1.4), values(afterRestart));
        assertEquals(6, Files.readAllLines(rejected).size());
        assertEquals("1 delivered, 0 rejected", restarted.health().message());
    }

    @Test
    void readingsSentWhileVigieIsAwayAreDeliveredOnTheNextStartAndDeactivationDisconnectsPromptly()
            throws Exception {
        RecordingSink before = new RecordingSink();
        MqttStationConnector first = startConnected(before, levels("levels"));
        Sensor.publishOnce(broker.uri(), "vigie/sensors/K1/level", level(100, "2024-06-01T10:00:00Z"));
        awaitTrue("the first reading is delivered", () -> before.observations().size() == 1);

        long start = System.nanoTime();
        first.deactivate();
        Duration stopping = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(stopping.compareTo(Duration.ofSeconds(2)) < 0, "deactivation took " + stopping);
        assertFalse(first.isConnected());
        assertEquals(Health.Status.DOWN, first.health().status());

        Sensor.publishOnce(broker.uri(), "vigie/sensors/K1/level", level(110, "2024-06-01T10:15:00Z"),
                level(120, "2024-06-01T10:30:00Z"));
        RecordingSink after = new RecordingSink();
        start(after, levels("levels"));

        awaitTrue("the readings sent while Vigie was away are delivered", () -> after.observations().size() == 2);
        assertEquals(Set.of(1.1, 1.2), values(after));
        assertEquals(Set.of(1.0), values(before));
    }

    @Test
    void afterABrokerCrashTheConnectorReconnectsAndGetsEveryReadingSentMeanwhileOnce() throws Exception {
        RecordingSink sink = new RecordingSink();
        MqttStationConnector connector = startConnected(sink, levels("levels"));
        String topic = "vigie/sensors/K1/level";
        Sensor.publishOnce(broker.uri(), topic, level(100, "2024-06-01T10:00:00Z"));
        awaitTrue("the first reading is delivered", () -> sink.observations().size() == 1);
        awaitTrue("the broker saved the session", () -> Files.exists(broker.persistenceFile()));

        broker.kill();
        awaitTrue("the connector notices", () -> connector.health().status() == Health.Status.DEGRADED,
                connector::health);
        assertTrue(connector.health().message().startsWith("connection to " + broker.uri() + " lost"),
                connector.health().message());

        // the broker comes back where only the sensors reach it, and they publish while Vigie is disconnected
        int sensorsOnly = MosquittoBroker.freePort();
        broker.startOn(sensorsOnly);
        Sensor.publishOnce(MosquittoBroker.uri(sensorsOnly), topic, level(110, "2024-06-01T10:15:00Z"),
                level(120, "2024-06-01T10:30:00Z"), level(130, "2024-06-01T10:45:00Z"));
        broker.stop();
        assertEquals(Set.of(1.0), values(sink));
        assertEquals(Health.Status.DEGRADED, connector.health().status());

        // back on its usual port
        broker.start();
        awaitTrue("the queued readings are delivered", () -> sink.storedCount() == 4, () -> values(sink));
        awaitUp(connector);
        Sensor.publishOnce(broker.uri(), topic, level(140, "2024-06-01T11:00:00Z"));
        awaitTrue("a new reading is delivered", () -> sink.storedCount() == 5, () -> values(sink));

        assertEquals(Set.of(1.0, 1.1, 1.2, 1.3, 1.4), values(sink));
        // the first reading may come again if the broker died before saving its acknowledgement (the store ignores
        // it); every other one was acknowledged on a live connection and is handed over exactly once
        Map<Double, Long> handedOver = sink.observations().stream()
                .collect(Collectors.groupingBy(Observation::value, Collectors.counting()));
        assertEquals(Map.of(1.1, 1L, 1.2, 1L, 1.3, 1L, 1.4, 1L),
                Map.of(1.1, handedOver.get(1.1), 1.2, handedOver.get(1.2), 1.3, handedOver.get(1.3),
                        1.4, handedOver.get(1.4)), sink.observations()::toString);
    }

    @Test
    void brokerThatLostItsSessionsGetsTheSubscriptionBack() throws Exception {
        RecordingSink sink = new RecordingSink();
        MqttStationConnector connector = startConnected(sink, levels("levels"));

        broker.kill();
        awaitTrue("the connector notices", () -> connector.health().status() == Health.Status.DEGRADED);
        broker = new MosquittoBroker(home.resolve("fresh-broker"), broker.port()).start();
        awaitUp(connector);
        Sensor.publishOnce(broker.uri(), "vigie/sensors/K1/level", level(100, "2024-06-01T10:00:00Z"));

        awaitTrue("the reading is delivered", () -> sink.observations().size() == 1);
    }

    @Test
    void readingRefusedByTheStoreIsLeftUnacknowledgedAndRedeliveredUntilTheStoreTakesIt() throws Exception {
        RecordingSink sink = new RecordingSink();
        ConnectorSettings settings = levels("levels");
        MqttStationConnector connector = startConnected(sink, settings);
        sink.setDown(true);

        Sensor.publishOnce(broker.uri(), "vigie/sensors/K1/level", level(100, "2024-06-01T10:00:00Z"));
        awaitTrue("the broker delivered it again", () -> sink.refusedCalls() >= 3);
        Health health = connector.health();
        assertEquals(Health.Status.DEGRADED, health.status());
        assertTrue(health.message().startsWith("store unavailable: database unreachable; the message is left"
                + " unacknowledged with the broker, which delivers it again when Vigie reconnects in"),
                health.message());
        assertTrue(health.message().endsWith("; 0 delivered, 0 rejected"), health.message());

        Sensor.publishOnce(broker.uri(), "vigie/sensors/K2/level", level(200, "2024-06-01T10:00:00Z"));
        sink.setDown(false);
        awaitTrue("both readings are stored", () -> sink.storedCount() == 2, () -> values(sink));
        awaitTrue("the connector is up again", () -> connector.health().status() == Health.Status.UP,
                connector::health);

        assertEquals(Set.of(1.0, 2.0), values(sink));
        assertEquals("2 delivered, 0 rejected", connector.health().message());
        assertFalse(Files.exists(home.resolve("data/mqtt-rejected/levels.jsonl")));

        // once stored they were acknowledged: the session holds nothing more
        connector.deactivate();
        RecordingSink afterRestart = new RecordingSink();
        startConnected(afterRestart, settings);
        Sensor.publishOnce(broker.uri(), "vigie/sensors/K3/level", level(300, "2024-06-01T10:00:00Z"));
        awaitTrue("the new reading is delivered", () -> afterRestart.observations().size() == 1);
        assertEquals(Set.of(3.0), values(afterRestart));
    }

    @Test
    void configurationErrorMakesTheConnectorDownWithoutConnecting() {
        MqttStationConnector connector = start(new RecordingSink(), settings("bad", "brokerUri", broker.uri(),
                "topicFilter", "vigie/#/level", "qos", 2, "stationCode", "K1", "quantity", "H", "unit", "ft"));

        assertEquals(Health.down("configuration error in org.vigie.connector.mqtt for 'bad': topicFilter"
                + " 'vigie/#/level' is not a valid MQTT topic filter: '#' must be a whole level and the last one;"
                + " qos must be 0 or 1, got 2 (QoS 2 is not supported: its redelivery after a restart needs"
                + " client-side persistence; 1 is as safe here, the store ignores duplicates); unit 'ft' is not a"
                + " unit of H, expected one of m, cm, mm"), connector.health());
        assertEquals(List.of("K1"), connector.stationCodes());
        assertFalse(connector.isConnected());
        connector.deactivate();
    }

    @Test
    void unreachableBrokerMakesTheConnectorDegradedUntilItCanConnect() throws Exception {
        int port = MosquittoBroker.freePort();
        RecordingSink sink = new RecordingSink();
        MqttStationConnector connector = start(sink, levels("levels", "brokerUri", MosquittoBroker.uri(port)));

        awaitTrue("the first attempt failed",
                () -> connector.health().message().startsWith("cannot connect to " + MosquittoBroker.uri(port) + ": "),
                connector::health);
        assertEquals(Health.Status.DEGRADED, connector.health().status());

        broker.close();
        broker = new MosquittoBroker(home.resolve("late-broker"), port).start();
        awaitUp(connector);
        Sensor.publishOnce(broker.uri(), "vigie/sensors/K1/level", level(100, "2024-06-01T10:00:00Z"));
        awaitTrue("the reading is delivered", () -> sink.observations().size() == 1);
    }

    @Test
    void brokerRefusingTheCredentialsMakesTheConnectorDownWithoutShowingThePassword() throws Exception {
        broker.close();
        broker = new MosquittoBroker(home.resolve("secure-broker")).requireLogin("vigie", "s3cret").start();

        MqttStationConnector refused = start(new RecordingSink(), levels("refused", "username", "vigie",
                "_password", "wrong-one"));
        awaitTrue("the broker refused", () -> refused.health().status() == Health.Status.DOWN, refused::health);
        assertTrue(refused.health().message().startsWith("refused by " + broker.uri() + ": Not authorized to connect"
                + " (5) (check username and password); next attempt in "), refused.health().message());
        assertFalse(refused.health().message().contains("wrong-one"));

        RecordingSink sink = new RecordingSink();
        startConnected(sink, levels("accepted", "username", "vigie", "_password", "s3cret"));
        try (Sensor sensor = new Sensor(broker.uri(), "vigie", "s3cret")) {
            sensor.publish("vigie/sensors/K1/level", level(100, "2024-06-01T10:00:00Z"));
        }
        awaitTrue("the reading is delivered", () -> sink.observations().size() == 1);
    }

    @Test
    void componentTakesItsNameFromTheConfigurationAndItsFoldersFromVigieHome() throws Exception {
        BundleContext context = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> method.getName().equals("getProperty") && "vigie.home".equals(args[0])
                        ? home.toString() : null);
        MqttConnectorConfig config = TestSettings.config("brokerUri", broker.uri(), "topicFilter", LEVELS,
                "stationTopicLevel", 2, "quantity", "H");
        MqttStationConnector connector = new MqttStationConnector(new RecordingSink(), config,
                Map.of("service.pid", "org.vigie.connector.mqtt~riverside"), context);
        started.add(connector);
        awaitUp(connector);

        Sensor.publishOnce(broker.uri(), "vigie/sensors/K1/level", "not json");

        Path rejected = home.resolve("data/mqtt-rejected/riverside.jsonl");
        awaitTrue("the message is rejected", () -> connector.health().message().contains("1 rejected"),
                connector::health);
        assertEquals("mqtt:riverside", connector.id());
        assertTrue(Files.readString(rejected, StandardCharsets.UTF_8).contains("\"payload\":\"not json\""));
        assertTrue(Files.readString(broker.log()).contains(" as vigie-riverside "),
                "the broker log names the client id");
    }
}
