package org.vigie.connector.hubeau.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.connector.hubeau.internal.Fixtures.STATION;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.api.Health;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.connector.hubeau.internal.ScriptedHubEauServer.Answer;
import org.vigie.testing.RecordingSink;

class HubEauPollerTest {

    private static final Instant NOW = Instant.parse("2026-08-27T09:00:00Z");
    private static final int MAX_RETRIES = 3;

    private final ScriptedHubEauServer server = new ScriptedHubEauServer();
    private final RecordingSink sink = new RecordingSink();

    HubEauPollerTest() throws IOException {
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private HubEauPoller poller(Quantity quantity) {
        HubEauClient client = new HubEauClient(Duration.ofMillis(500), Duration.ofMillis(5), Duration.ofMillis(20),
                new CountDownLatch(1));
        return new HubEauPoller(STATION, URI.create(server.baseUrl()), List.of(quantity), 1000, Duration.ofHours(48),
                MAX_RETRIES, client, new HubEauResponseParser(STATION, "hubeau"), sink,
                Clock.fixed(NOW, ZoneOffset.UTC), () -> false);
    }

    @Test
    void firstPollReadsTheLookBackOfTheStationAndQuantity() throws Exception {
        server.then(Answer.ok(Fixtures.read(Fixtures.H_PAGE).replaceFirst("\"next\":\"[^\"]*\"", "\"next\":null")));

        Health health = poller(Quantity.H).pollOnce();

        assertEquals(new Health(Health.Status.UP, "", NOW), health);
        assertEquals("/api/v2/hydrometrie/observations_tr", server.requests().get(0).getPath());
        assertEquals(Map.of("code_entite", STATION, "grandeur_hydro", "H", "date_debut_obs", "2026-08-25T09:00:00Z",
                "size", "1000"), server.query(0));
        assertEquals(List.of(-1.232), values());
    }

    @Test
    void followsTheNextCursorAcrossPagesAndAdvancesTheWatermarkAtTheEnd() throws Exception {
        // page 1: the recorded Q page, 206 with its next link pointed here; page 2: the recorded site page as last one
        String lastPage = Fixtures.read(Fixtures.SITE_PAGE).replaceFirst("\"next\":\"[^\"]*\"", "\"next\":null");
        server.then(Answer.partial(server.pointedHere(Fixtures.read(Fixtures.Q_PAGE)))).then(Answer.ok(lastPage));
        HubEauPoller poller = poller(Quantity.Q);

        Health health = poller.pollOnce();

        assertEquals(Health.Status.UP, health.status());
        assertEquals(2, server.requests().size());
        assertEquals("AoJwrbyHoaADPwpLNDQ3MDAxMF9LNDQ3MDAxMDAxX1FfMjAyNi0wOC0yN1QwNzoyNzozMA==",
                server.query(1).get("cursor").replace("%3D", "="));
        assertEquals(2, sink.batches().size());
        assertEquals(List.of(47.8, 47.8, 47.8), values());
        assertEquals(Optional.of(Instant.parse("2026-08-27T08:00:00Z")), poller.watermark(Quantity.Q));
        assertEquals(Instant.parse("2026-08-27T07:00:00Z"), poller.since(Quantity.Q));
    }

    @Test
    void nextPollReReadsFromAnHourBeforeTheLatestDeliveredTime() throws Exception {
        String onlyPage = Fixtures.read(Fixtures.H_PAGE).replaceFirst("\"next\":\"[^\"]*\"", "\"next\":null");
        server.then(Answer.ok(onlyPage)).then(Answer.ok(onlyPage));
        HubEauPoller poller = poller(Quantity.H);

        poller.pollOnce();
        poller.pollOnce();

        assertEquals("2026-08-27T07:00:00Z", server.query(1).get("date_debut_obs"));
        assertEquals(1, sink.batches().get(1).size());
    }

    @Test
    void serviceUnavailableTwiceThenOkDeliversTheValuesOnceAndStaysUp() throws Exception {
        server.then(Answer.status(503)).then(Answer.status(503)).then(Answer.ok(lastPageOf(Fixtures.H_PAGE)));

        Health health = poller(Quantity.H).pollOnce();

        assertEquals(new Health(Health.Status.UP, "", NOW), health);
        assertEquals(1, sink.batches().size());
        assertEquals(List.of(-1.232), values());
    }

    @Test
    void truncatedBodyThenOkDeliversTheValues() throws Exception {
        String page = lastPageOf(Fixtures.Q_PAGE);
        server.then(Answer.ok(page.substring(0, page.length() - 40))).then(Answer.ok(page));

        Health health = poller(Quantity.Q).pollOnce();

        assertEquals(Health.Status.UP, health.status());
        assertEquals(List.of(47.8, 47.8), values());
    }

    @Test
    void timeoutThenOkDeliversTheValues() throws Exception {
        String page = lastPageOf(Fixtures.H_PAGE);
        server.then(Answer.late(page, 1_500)).then(Answer.ok(page));

        Health health = poller(Quantity.H).pollOnce();

        assertEquals(Health.Status.UP, health.status());
        assertEquals(List.of(-1.232), values());
        assertEquals(1, sink.batches().size());
    }

    @Test
    void outageLongerThanThePollLeavesTheWatermarkAndTheNextPollBackFillsTheGap() throws Exception {
        String page = lastPageOf(Fixtures.H_PAGE);
        HubEauPoller poller = poller(Quantity.H);
        server.then(Answer.ok(page));
        poller.pollOnce();
        for (int attempt = 0; attempt <= MAX_RETRIES; attempt++) {
            server.then(Answer.status(503));
        }

        Health during = poller.pollOnce();

        assertEquals(Health.Status.DEGRADED, during.status());
        assertTrue(during.message().startsWith("real-time H: Hub'Eau unavailable: HTTP 503 "), during.message());
        assertEquals(NOW, during.lastActivity());
        assertEquals(Optional.of(Instant.parse("2026-08-27T08:00:00Z")), poller.watermark(Quantity.H));
        assertEquals(1 + MAX_RETRIES + 1, server.requests().size());

        server.then(Answer.ok(page));
        Health after = poller.pollOnce();

        assertEquals(Health.Status.UP, after.status());
        assertEquals("2026-08-27T07:00:00Z", server.query(server.requests().size() - 1).get("date_debut_obs"));
        assertEquals(2, sink.batches().size());
    }

    @Test
    void storeFailureKeepsTheWatermarkSoTheNextPollFetchesTheGapAgain() throws Exception {
        String firstPage = server.pointedHere(Fixtures.read(Fixtures.Q_PAGE));
        String lastPage = lastPageOf(Fixtures.SITE_PAGE);
        HubEauPoller poller = poller(Quantity.Q);
        server.then(Answer.partial(firstPage));
        sink.setDown(true);

        Health during = poller.pollOnce();

        assertEquals(Health.Status.DEGRADED, during.status());
        assertEquals("real-time Q: store unavailable, will read again from 2026-08-25T09:00:00Z: database unreachable",
                during.message());
        assertEquals(Optional.empty(), poller.watermark(Quantity.Q));
        assertEquals(1, sink.refusedCalls());
        assertEquals(1, server.requests().size(), "paging stops at the page the store refused");

        sink.setDown(false);
        server.then(Answer.partial(firstPage)).then(Answer.ok(lastPage));
        Health after = poller.pollOnce();

        assertEquals(new Health(Health.Status.UP, "", NOW), after);
        assertEquals("2026-08-25T09:00:00Z", server.query(1).get("date_debut_obs"));
        assertEquals(List.of(47.8, 47.8, 47.8), values());
        assertEquals(Optional.of(Instant.parse("2026-08-27T08:00:00Z")), poller.watermark(Quantity.Q));
    }

    @Test
    void failureOnALaterPageDoesNotAdvanceTheWatermarkPastTheMissingPage() throws Exception {
        HubEauPoller poller = poller(Quantity.Q);
        server.then(Answer.partial(server.pointedHere(Fixtures.read(Fixtures.Q_PAGE))));
        for (int attempt = 0; attempt <= MAX_RETRIES; attempt++) {
            server.then(Answer.status(500));
        }

        Health health = poller.pollOnce();

        assertEquals(Health.Status.DEGRADED, health.status());
        assertEquals(List.of(47.8, 47.8), values());
        assertEquals(Optional.empty(), poller.watermark(Quantity.Q));
    }

    private static String lastPageOf(String fixture) {
        return Fixtures.read(fixture).replaceFirst("\"next\":\"[^\"]*\"", "\"next\":null");
    }

    private List<Double> values() {
        return sink.observations().stream().map(Observation::value).toList();
    }
}
