package org.vigie.alert.webhook.internal;

import org.vigie.testing.ReceivingServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.testing.ReceivingServer.Answer;
import org.vigie.testing.ReceivingServer.Received;
import org.vigie.api.AlertEvent;
import org.vigie.api.Health;
import org.vigie.api.Quantity;
import org.vigie.api.Threshold;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.spi.AlertMessage;
import org.vigie.api.spi.DeliveryResult;
import org.vigie.api.spi.DeliveryResult.Outcome;

class WebhookAlertChannelTest {

    static final String SECRET = "c0rrect-h0rse-battery-staple";
    static final Instant NOW = Instant.parse("2026-01-13T08:05:17.123Z");
    static final String TEXT = "Vigilance orange — La Loire à Orléans (K435001010) : hauteur observée 4,35 m le"
            + " 13/01/2026 à 09:00 (heure de Paris), seuil orange 4,00 m (crue débordante). Niveau précédent : vert.";

    private final ReceivingServer server = new ReceivingServer();
    private final ObjectMapper json = new ObjectMapper();

    WebhookAlertChannelTest() throws IOException {
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static AlertMessage message(String key) {
        AlertEvent event = new AlertEvent("alert-1", "K435001010", AlertEvent.Transition.RAISED,
                VigilanceLevel.ORANGE, VigilanceLevel.GREEN, AlertEvent.Basis.OBSERVED, Quantity.H, 4.35,
                Instant.parse("2026-01-13T08:00:00Z"),
                new Threshold("K435001010", Quantity.H, VigilanceLevel.ORANGE, 4.0, "crue débordante"),
                Instant.parse("2026-01-13T08:01:00Z"), TEXT);
        return new AlertMessage(key, event, List.of(), "Vigilance orange — La Loire à Orléans (K435001010)", TEXT);
    }

    private WebhookAlertChannel channel(String path, Duration requestTimeout) {
        return new WebhookAlertChannel(new WebhookSettings("webhook", server.origin() + path, SECRET,
                Duration.ofSeconds(2), requestTimeout), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private WebhookAlertChannel channel() {
        return channel("/hooks/vigie", Duration.ofSeconds(2));
    }

    /** What a receiver does: HMAC-SHA256 of the exact bytes received, compared in constant time. */
    static boolean verify(String secret, byte[] body, String signatureHeader) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        return signatureHeader != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signatureHeader.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void postsSignedJsonTheReceiverCanVerify() throws Exception {
        server.then(Answer.ok());

        DeliveryResult result = channel().deliver(message("alert-1:webhook"));

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        Received request = server.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals("/hooks/vigie", request.uri().getPath());
        assertTrue(request.header("Content-Type").startsWith("application/json"));
        assertEquals("alert-1:webhook", request.header("Idempotency-Key"));
        assertEquals("2026-01-13T08:05:17Z", request.header("X-Vigie-Timestamp"));
        assertTrue(verify(SECRET, request.body(), request.header("X-Vigie-Signature")), "signature verifies");
        assertFalse(verify("another-secret-of-some-length", request.body(), request.header("X-Vigie-Signature")));
        byte[] tampered = request.text().replace("4.35", "1.35").getBytes(StandardCharsets.UTF_8);
        assertFalse(verify(SECRET, tampered, request.header("X-Vigie-Signature")), "a changed body does not verify");

        JsonNode body = json.readTree(request.body());
        assertEquals(1, body.get("version").asInt());
        assertEquals("alert-1:webhook", body.get("idempotencyKey").asText());
        assertEquals(request.header("X-Vigie-Timestamp"), body.get("sentAt").asText(), "the timestamp is signed");
        assertEquals("alert-1", body.get("alertId").asText());
        assertEquals("K435001010", body.get("stationCode").asText());
        assertEquals("RAISED", body.get("transition").asText());
        assertEquals("ORANGE", body.get("level").asText());
        assertEquals("orange", body.get("levelName").asText());
        assertEquals("GREEN", body.get("previousLevel").asText());
        assertEquals("OBSERVED", body.get("basis").asText());
        assertEquals("H", body.get("quantity").asText());
        assertEquals("m", body.get("unit").asText());
        assertEquals(4.35, body.get("value").asDouble(), 0.0);
        assertEquals("2026-01-13T08:00:00Z", body.get("valueTime").asText());
        assertEquals("2026-01-13T08:01:00Z", body.get("createdAt").asText());
        assertEquals("ORANGE", body.get("threshold").get("level").asText());
        assertEquals(4.0, body.get("threshold").get("value").asDouble(), 0.0);
        assertEquals("crue débordante", body.get("threshold").get("label").asText());
        assertEquals(TEXT, body.get("message").asText(), "UTF-8 text arrives intact");
        assertTrue(body.get("subject").asText().startsWith("Vigilance orange — La Loire à Orléans"));
        assertEquals(Health.Status.UP, channel().health().status());
    }

    @Test
    void endOfVigilanceHasNoThreshold() throws Exception {
        server.then(Answer.ok());
        AlertMessage raised = message("k");
        AlertEvent e = raised.event();
        AlertEvent ended = new AlertEvent("alert-2", e.stationCode(), AlertEvent.Transition.ENDED,
                VigilanceLevel.GREEN, VigilanceLevel.ORANGE, AlertEvent.Basis.FORECAST, Quantity.Q, Double.NaN,
                null, null, e.createdAt(), "Fin de vigilance");

        channel().deliver(new AlertMessage("alert-2:webhook", ended, List.of(), "Fin", ""));

        JsonNode body = json.readTree(server.requests().get(0).body());
        assertTrue(body.get("threshold").isNull());
        assertTrue(body.get("value").isNull(), "NaN is not JSON");
        assertTrue(body.get("valueTime").isNull());
        assertEquals("m3/s", body.get("unit").asText());
        assertEquals("Fin de vigilance", body.get("message").asText(), "the event's text when the body is empty");
    }

    @Test
    void unavailableThenAcceptedIsRetriedThenDeliveredOnce() {
        server.then(Answer.status(503, "{\"error\":\"maintenance\"}")).then(Answer.ok());
        WebhookAlertChannel channel = channel();

        DeliveryResult first = channel.deliver(message("alert-1:webhook"));
        assertEquals(Outcome.RETRY, first.outcome());
        assertTrue(first.detail().contains("503") && first.detail().contains("maintenance"), first.detail());
        assertEquals(Health.Status.DEGRADED, channel.health().status());

        DeliveryResult second = channel.deliver(message("alert-1:webhook"));
        assertEquals(Outcome.DELIVERED, second.outcome(), second.detail());
        assertEquals(Health.Status.UP, channel.health().status());
        assertEquals(NOW, channel.health().lastActivity());

        List<Received> requests = server.requests();
        assertEquals(2, requests.size());
        assertEquals(requests.get(0).header("Idempotency-Key"), requests.get(1).header("Idempotency-Key"));
        assertEquals(List.of("alert-1:webhook"), server.accepted());
        assertEquals(Map.of("alert-1:webhook", 1), server.okAnswers(), "exactly one accepted delivery per key");
    }

    @Test
    void successUnconfirmedByTimeoutIsRetriedWithTheSameKeySoTheReceiverAcceptsItOnce() {
        server.then(Answer.acceptedLate(1500)).then(Answer.ok());
        WebhookAlertChannel channel = channel("/hooks/vigie", Duration.ofMillis(300));

        assertEquals(Outcome.RETRY, channel.deliver(message("alert-1:webhook")).outcome());
        assertEquals(Outcome.DELIVERED, channel.deliver(message("alert-1:webhook")).outcome());

        assertEquals(List.of("alert-1:webhook"), server.accepted());
    }

    @Test
    void badRequestIsRejectedWithStatusAndExcerpt() {
        String answer = "{\"error\":\"unknown field levelName\"," + "\"padding\":\"" + "x".repeat(400) + "\"}";
        server.then(Answer.status(400, answer));

        DeliveryResult result = channel().deliver(message("k"));

        assertEquals(Outcome.REJECTED, result.outcome());
        assertTrue(result.detail().startsWith("HTTP 400 {\"error\":\"unknown field levelName\""), result.detail());
        assertTrue(result.detail().length() < 250, "an excerpt, not the whole body");
    }

    @Test
    void statusesMapToOutcomes() {
        Map<Integer, Outcome> expected = new java.util.LinkedHashMap<>();
        expected.put(200, Outcome.DELIVERED);
        expected.put(202, Outcome.DELIVERED);
        expected.put(204, Outcome.DELIVERED);
        expected.put(408, Outcome.RETRY);
        expected.put(429, Outcome.RETRY);
        expected.put(500, Outcome.RETRY);
        expected.put(502, Outcome.RETRY);
        expected.put(504, Outcome.RETRY);
        expected.put(401, Outcome.REJECTED);
        expected.put(403, Outcome.REJECTED);
        expected.put(404, Outcome.REJECTED);
        expected.put(422, Outcome.REJECTED);
        expected.put(301, Outcome.REJECTED);
        expected.forEach((status, outcome) -> server.then(Answer.status(status, status == 204 ? "" : "answer")));
        WebhookAlertChannel channel = channel();
        int i = 0;
        for (var entry : expected.entrySet()) {
            DeliveryResult result = channel.deliver(message("key-" + i++));
            assertEquals(entry.getValue(), result.outcome(), "HTTP " + entry.getKey() + ": " + result.detail());
            assertTrue(result.detail().startsWith("HTTP " + entry.getKey()), result.detail());
        }
    }

    @Test
    void noAnswerInTimeIsRetriedWithinTheBound() {
        server.then(new Answer(200, "late", 5000));
        WebhookAlertChannel channel = channel("/slow", Duration.ofMillis(400));

        long start = System.nanoTime();
        DeliveryResult result = channel.deliver(message("k"));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(Outcome.RETRY, result.outcome());
        assertTrue(result.detail().contains("no answer within 400 ms"), result.detail());
        assertTrue(elapsedMillis < 2000, "gave up after " + elapsedMillis + " ms");
    }

    @Test
    void refusedConnectionIsRetried() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        WebhookAlertChannel channel = new WebhookAlertChannel(new WebhookSettings("webhook",
                "http://127.0.0.1:" + port + "/hook", SECRET, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                Clock.systemUTC());

        DeliveryResult result = channel.deliver(message("k"));

        assertEquals(Outcome.RETRY, result.outcome());
        assertTrue(result.detail().startsWith("cannot connect") || result.detail().startsWith("connection failed"),
                result.detail());
    }

    @Test
    void configurationErrorsAreShownAndAlertsWait() {
        WebhookAlertChannel channel = new WebhookAlertChannel(new WebhookSettings("webhook:astreinte",
                "ftp://example.org/x", "tiny-s3cr3t", Duration.ofSeconds(1), Duration.ofSeconds(1)), Clock.systemUTC());

        Health health = channel.health();
        assertEquals(Health.Status.DOWN, health.status());
        assertTrue(health.message().contains("url 'ftp://example.org/x' is not an absolute http(s) URL"),
                health.message());
        assertTrue(health.message().contains(".secret is shorter than 16"), health.message());
        assertFalse(health.message().contains("tiny-s3cr3t"), "the secret itself never appears: " + health.message());
        DeliveryResult result = channel.deliver(message("k"));
        assertEquals(Outcome.RETRY, result.outcome());
        assertEquals("webhook:astreinte", channel.id());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void missingSecretIsAConfigurationError() {
        WebhookAlertChannel channel = new WebhookAlertChannel(new WebhookSettings("webhook",
                server.origin() + "/h", "", Duration.ofSeconds(1), Duration.ofSeconds(1)), Clock.systemUTC());

        assertTrue(channel.health().message().contains(".secret is missing"), channel.health().message());
    }

    @Test
    void settingsNeverShowTheSecret() {
        WebhookSettings settings = new WebhookSettings("webhook", "https://example.org/h", SECRET,
                Duration.ofSeconds(1), Duration.ofSeconds(1));

        assertFalse(settings.toString().contains(SECRET));
        assertNotNull(settings.check());
    }
}
