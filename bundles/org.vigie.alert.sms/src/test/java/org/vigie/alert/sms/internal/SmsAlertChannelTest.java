package org.vigie.alert.sms.internal;

import org.vigie.testing.ReceivingServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

class SmsAlertChannelTest {

    static final String API_KEY = "gw-k3y-0123456789";
    static final String ALICE = "+33612345678";
    static final String BOB = "+33698765432";
    static final String CAROL = "+33700000001";
    static final Instant NOW = Instant.parse("2026-01-13T08:05:00Z");
    static final String JSON_BODY =
            "{\"to\":\"{to}\",\"from\":\"{from}\",\"text\":\"{text}\",\"reference\":\"{key}\"}";
    static final String TEXT = "Vigilance orange — La Loire à Orléans (K435001010) : hauteur observée 4,35 m le"
            + " 13/01/2026 à 09:00 (heure de Paris), seuil orange 4,00 m (crue débordante). Niveau précédent : vert.";

    private final ReceivingServer server = new ReceivingServer();
    private final ObjectMapper json = new ObjectMapper();

    SmsAlertChannelTest() throws IOException {
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static AlertMessage message(String key, String body, List<String> recipients) {
        AlertEvent event = new AlertEvent("alert-1", "K435001010", AlertEvent.Transition.RAISED,
                VigilanceLevel.ORANGE, VigilanceLevel.GREEN, AlertEvent.Basis.OBSERVED, Quantity.H, 4.35,
                Instant.parse("2026-01-13T08:00:00Z"),
                new Threshold("K435001010", Quantity.H, VigilanceLevel.ORANGE, 4.0, "crue débordante"), NOW, body);
        return new AlertMessage(key, event, recipients, "Vigilance orange — La Loire à Orléans (K435001010)", body);
    }

    static AlertMessage message(String key) {
        return message(key, TEXT, List.of());
    }

    /** Settings to change in each test: JSON POST to /sms with a bearer key. */
    private final class Builder {
        List<String> recipients = List.of(ALICE, BOB);
        String method = "POST";
        String url = server.origin() + "/sms";
        String body = JSON_BODY;
        String contentType = "application/json; charset=utf-8";
        List<String> headers = List.of("Authorization: Bearer {apiKey}");
        String apiKey = API_KEY;
        int maxLength = 160;
        boolean transliterate = true;
        Duration requestTimeout = Duration.ofSeconds(2);

        SmsSettings settings() {
            return new SmsSettings("sms", recipients, method, url, body, contentType, headers, apiKey, "Vigie",
                    maxLength, 70, transliterate, Duration.ofSeconds(1), requestTimeout);
        }

        SmsAlertChannel channel() {
            return new SmsAlertChannel(settings(), Clock.fixed(NOW, ZoneOffset.UTC));
        }
    }

    @Test
    void sendsOneJsonRequestPerRecipientWithItsOwnKey() throws Exception {
        server.then(Answer.ok()).then(Answer.ok());

        SmsAlertChannel channel = new Builder().channel();
        DeliveryResult result = channel.deliver(message("alert-1:sms"));

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        List<Received> requests = server.requests();
        assertEquals(2, requests.size());
        for (int i = 0; i < 2; i++) {
            String to = List.of(ALICE, BOB).get(i);
            Received request = requests.get(i);
            assertEquals("POST", request.method());
            assertEquals("/sms", request.uri().getPath());
            assertEquals("Bearer " + API_KEY, request.header("Authorization"));
            assertTrue(request.header("Content-Type").startsWith("application/json"));
            assertEquals("alert-1:sms-" + to.substring(1), request.header("Idempotency-Key"));
            JsonNode body = json.readTree(request.body());
            assertEquals(to, body.get("to").asText());
            assertEquals("Vigie", body.get("from").asText());
            assertEquals(request.header("Idempotency-Key"), body.get("reference").asText());
            String text = body.get("text").asText();
            assertTrue(text.startsWith("Vigilance orange - La Loire à Orléans (K435001010) : hauteur observée"),
                    "accents arrive as UTF-8, the dash folded to GSM-7: " + text);
            assertTrue(text.length() <= 160 && text.endsWith("..."), text);
        }
        assertEquals(2, server.accepted().size());
        assertTrue(result.detail().contains("accepted for 2 of 2"), result.detail());
        assertEquals(new Health(Health.Status.UP, "", NOW), channel.health());
    }

    @Test
    void formBodyAndUrlPlaceholdersAreEncodedForTheirPosition() throws Exception {
        server.then(Answer.ok());
        Builder b = new Builder();
        b.recipients = List.of(ALICE);
        b.url = server.origin() + "/api/{station}/send?to={to}&level={level}&key={apiKey}";
        b.contentType = "application/x-www-form-urlencoded; charset=UTF-8";
        b.body = "msisdn={msisdn}&text={text}&ref={key}&code={levelCode}";
        b.headers = List.of("X-Api-Key: {apiKey}");

        String text = "Crue à Orléans : 4,35 m & hausse";
        assertEquals(Outcome.DELIVERED, b.channel().deliver(message("k1", text, List.of())).outcome());

        Received request = server.requests().get(0);
        assertEquals("/api/K435001010/send", request.uri().getPath());
        assertEquals("to=%2B33612345678&level=orange&key=gw-k3y-0123456789", request.uri().getRawQuery());
        assertEquals(API_KEY, request.header("X-Api-Key"));
        assertEquals("msisdn=33612345678&text=Crue+%C3%A0+Orl%C3%A9ans+%3A+4%2C35+m+%26+hausse&ref=k1-33612345678"
                + "&code=ORANGE", request.text());
        Map<String, String> form = new HashMap<>();
        for (String pair : request.text().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertEquals(text, form.get("text"));
    }

    @Test
    void getRequestCarriesTheTextInItsQuery() {
        server.then(Answer.ok());
        Builder b = new Builder();
        b.recipients = List.of(ALICE);
        b.method = "GET";
        b.body = "";
        b.url = server.origin() + "/send?user=vigie&to={to}&msg={text}";

        assertEquals(Outcome.DELIVERED, b.channel().deliver(message("k1", "Fenêtre : crue à Orléans", List.of()))
                .outcome());

        Received request = server.requests().get(0);
        assertEquals("GET", request.method());
        assertEquals("user=vigie&to=%2B33612345678&msg=Fenetre%20%3A%20crue%20%C3%A0%20Orl%C3%A9ans",
                request.uri().getRawQuery());
        assertEquals("Fenetre : crue à Orléans", request.uri().getQuery().split("msg=")[1]);
        assertEquals(0, request.body().length);
    }

    @Test
    void withoutTransliterationAccentsOutsideGsm7AreKeptAndTheTextCutTo70() throws Exception {
        server.then(Answer.ok());
        Builder b = new Builder();
        b.recipients = List.of(ALICE);
        b.transliterate = false;

        b.channel().deliver(message("k1", "Crue : fenêtres de l'Hôtel de ville inondées, évacuation du quai"
                + " du Châtelet en cours", List.of()));

        String text = json.readTree(server.requests().get(0).body()).get("text").asText();
        assertTrue(text.length() <= 70, text);
        assertTrue(text.startsWith("Crue : fenêtres de l'Hôtel"), text);
        assertTrue(text.endsWith("…"), text);
    }

    @Test
    void partialFailureIsRetriedOnlyForTheRecipientsNotYetAccepted() throws Exception {
        Builder b = new Builder();
        b.recipients = List.of(ALICE, BOB, CAROL);
        server.then(Answer.ok()).then(Answer.status(503, "{\"error\":\"queue full\"}")).then(Answer.ok())
                .then(Answer.ok());
        SmsAlertChannel channel = b.channel();

        DeliveryResult first = channel.deliver(message("alert-1:sms"));
        assertEquals(Outcome.RETRY, first.outcome());
        assertTrue(first.detail().contains("accepted for 2 of 3"), first.detail());
        assertTrue(first.detail().contains(BOB + ": HTTP 503 {\"error\":\"queue full\"}"), first.detail());
        assertEquals(Health.Status.DEGRADED, channel.health().status());

        DeliveryResult second = channel.deliver(message("alert-1:sms"));
        assertEquals(Outcome.DELIVERED, second.outcome(), second.detail());
        assertEquals(Health.Status.UP, channel.health().status());

        List<Received> requests = server.requests();
        assertEquals(4, requests.size(), "three first sends and one retry, to Bob only");
        assertEquals(BOB, json.readTree(requests.get(3).body()).get("to").asText());
        assertEquals("alert-1:sms-" + BOB.substring(1), requests.get(3).header("Idempotency-Key"));
        assertEquals(List.of("alert-1:sms-" + ALICE.substring(1), "alert-1:sms-" + CAROL.substring(1),
                "alert-1:sms-" + BOB.substring(1)), server.accepted());
        server.okAnswers().forEach((key, count) -> assertEquals(1, count, key + " sent once"));

        // the outbox would not call again, but if it did (say its store update failed) nothing is re-sent
        assertEquals(Outcome.DELIVERED, channel.deliver(message("alert-1:sms")).outcome());
        assertEquals(4, server.requests().size());
    }

    @Test
    void aRecipientRefusedForGoodMakesTheDeliveryRejectedOnceTheOthersAreDone() {
        Builder b = new Builder();
        server.then(Answer.status(400, "{\"error\":\"number not allowed\"}")).then(Answer.ok());
        SmsAlertChannel channel = b.channel();

        DeliveryResult result = channel.deliver(message("k"));

        assertEquals(Outcome.REJECTED, result.outcome());
        assertTrue(result.detail().contains("accepted for 1 of 2 recipient(s) [" + BOB + "]"), result.detail());
        assertTrue(result.detail().contains(ALICE + ": HTTP 400 {\"error\":\"number not allowed\"}"),
                result.detail());
        assertEquals(2, server.requests().size());
    }

    @Test
    void badRequestForTheOnlyRecipientIsRejected() {
        Builder b = new Builder();
        b.recipients = List.of(ALICE);
        server.then(Answer.status(422, "invalid sender"));

        DeliveryResult result = b.channel().deliver(message("k"));

        assertEquals(Outcome.REJECTED, result.outcome());
        assertTrue(result.detail().contains("HTTP 422 invalid sender"), result.detail());
    }

    @Test
    void aTimeoutIsRetriedWithinTheBoundWithoutWaitingForEveryRecipient() {
        Builder b = new Builder();
        b.recipients = List.of(ALICE, BOB, CAROL);
        b.requestTimeout = Duration.ofMillis(400);
        server.then(new Answer(200, "late", 5000));

        long start = System.nanoTime();
        DeliveryResult result = b.channel().deliver(message("k"));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertEquals(Outcome.RETRY, result.outcome());
        assertTrue(result.detail().contains(ALICE + ": no answer within 400 ms"), result.detail());
        assertTrue(result.detail().contains(BOB + ": not tried, gateway unreachable"), result.detail());
        assertTrue(elapsedMillis < 2000, "gave up after " + elapsedMillis + " ms");
        assertEquals(1, server.requests().size());
    }

    @Test
    void tooManyRequestsIsRetried() {
        Builder b = new Builder();
        server.then(Answer.status(429, "slow down")).then(Answer.ok()).then(Answer.ok());
        SmsAlertChannel channel = b.channel();

        assertEquals(Outcome.RETRY, channel.deliver(message("k")).outcome());
        assertEquals(1, server.requests().size(), "a rate limit holds back the other recipients too");
        assertEquals(Outcome.DELIVERED, channel.deliver(message("k")).outcome());
        assertEquals(3, server.requests().size());
    }

    @Test
    void refusedConnectionIsRetried() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Builder b = new Builder();
        b.url = "http://127.0.0.1:" + port + "/sms";

        DeliveryResult result = b.channel().deliver(message("k"));

        assertEquals(Outcome.RETRY, result.outcome());
        assertTrue(result.detail().contains("not tried, gateway unreachable"), result.detail());
    }

    @Test
    void recipientsOfTheAlertReplaceTheConfiguredOnesAndInvalidOnesAreRefused() throws Exception {
        server.then(Answer.ok());

        DeliveryResult result = new Builder().channel().deliver(message("k", TEXT, List.of("+33 7 00 00 00 01",
                "0612345678")));

        assertEquals(Outcome.REJECTED, result.outcome());
        assertTrue(result.detail().contains("0612345678: not an E.164 number"), result.detail());
        assertEquals(1, server.requests().size());
        assertEquals(CAROL, json.readTree(server.requests().get(0).body()).get("to").asText());
    }

    @Test
    void invalidRecipientsAreAConfigurationErrorAndAlertsWait() {
        Builder b = new Builder();
        b.recipients = List.of("+33 6 12 34 56 78", "06 98 76 54 32", "+0612");

        SmsAlertChannel channel = b.channel();

        Health health = channel.health();
        assertEquals(Health.Status.DOWN, health.status());
        assertTrue(health.message().contains("recipient '0698765432' is not an E.164 number (+, country code and"
                + " number, up to 15 digits, e.g. +33612345678 for 06 12 34 56 78)"), health.message());
        assertTrue(health.message().contains("recipient '+0612' is not an E.164 number"), health.message());
        assertFalse(health.message().contains("'+33612345678'"), "spaces are allowed: " + health.message());
        assertEquals(Outcome.RETRY, channel.deliver(message("k")).outcome());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void templateMistakesAreConfigurationErrors() {
        Builder b = new Builder();
        b.recipients = List.of();
        b.method = "GET";
        b.body = "{\"to\":\"{recipient}\"}";
        b.apiKey = "";
        b.headers = List.of("Authorization Bearer {apiKey}", "Content-Length: 3");

        String message = b.channel().health().message();

        assertTrue(message.contains("no recipients"), message);
        assertTrue(message.contains("method GET sends no body"), message);
        assertTrue(message.contains("unknown placeholder(s) {recipient}"), message);
        assertTrue(message.contains("headers[0] is not 'Name: value'"), message);
        assertTrue(message.contains("header 'Content-Length' cannot be set"), message);
        b.headers = List.of("Authorization: Bearer {apiKey}");
        assertTrue(b.channel().health().message().contains("uses {apiKey} but .apiKey is not set"));
    }

    @Test
    void theApiKeyNeverShows() {
        Builder b = new Builder();
        b.recipients = List.of("bad");

        assertFalse(b.settings().toString().contains(API_KEY));
        assertFalse(b.channel().health().message().contains(API_KEY));
        assertNull(new Builder().channel().health().lastActivity());
    }
}
