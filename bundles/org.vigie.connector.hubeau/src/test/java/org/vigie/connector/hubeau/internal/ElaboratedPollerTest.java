package org.vigie.connector.hubeau.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.connector.hubeau.internal.Fixtures.STATION;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.api.Health;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.connector.hubeau.internal.ScriptedHubEauServer.Answer;
import org.vigie.testing.RecordingSink;

/**
 * The elaborated back-fill against the recorded obs_elab answers served by a real local HTTP server. The recordings
 * were captured on 2026-09-13; with a 43-day look-back the first run asks exactly what produced the first one.
 */
class ElaboratedPollerTest {

    private static final Instant NOW = Instant.parse("2026-09-13T06:00:00Z");
    private static final int LOOKBACK_DAYS = 43;
    private static final int MAX_RETRIES = 3;
    private static final Instant AUGUST_3 = Instant.parse("2026-08-03T00:00:00Z");

    private final ScriptedHubEauServer server = new ScriptedHubEauServer();
    private final RecordingSink sink = new RecordingSink();
    private final MutableClock clock = new MutableClock(NOW);

    ElaboratedPollerTest() throws IOException {
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private ElaboratedPoller poller() {
        HubEauClient client = new HubEauClient(Duration.ofMillis(500), Duration.ofMillis(5), Duration.ofMillis(20),
                new CountDownLatch(1));
        return new ElaboratedPoller(STATION, URI.create(server.baseUrl()), List.of(ElaboratedQuantity.QMNJ), 1000,
                LOOKBACK_DAYS, Duration.ofHours(24), client, new ElaboratedResponseParser(STATION, "hubeau"), sink,
                clock, () -> false);
    }

    private static RetryBudget budget() {
        return new RetryBudget(MAX_RETRIES);
    }

    @Test
    void firstRunAsksForTheLookBackOfTheStationAsTheRecordingWasAskedForAndStoresCubicMetresPerSecond()
            throws Exception {
        String recorded = Fixtures.read(Fixtures.ELAB_SINCE_AUGUST);
        server.then(Answer.ok(lastPage(recorded)));
        ElaboratedPoller poller = poller();

        Health health = poller.pollOnce(budget());

        assertEquals(new Health(Health.Status.UP, "", NOW), health);
        assertEquals("/api/v2/hydrometrie/obs_elab", server.requests().get(0).getPath());
        assertEquals(Map.of("code_entite", STATION, "grandeur_hydro_elab", "QmnJ",
                "date_debut_obs_elab", "2026-08-01", "size", "1000"), server.query(0));
        Map<String, String> recordedRequest = queryOf(firstLink(recorded));
        recordedRequest.remove("cursor");
        recordedRequest.put("size", "1000");
        assertEquals(recordedRequest, server.query(0), "the request that produced the recording, with our page size");
        assertEquals(List.of(48.524, 48.404, 48.233), values());
        assertEquals(List.of(Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-08-02T00:00:00Z"), AUGUST_3),
                sink.observations().stream().map(Observation::time).toList());
        assertTrue(sink.observations().stream().allMatch(o -> o.quantity() == Quantity.Q
                && o.provenance().source().equals("hubeau:QmnJ") && o.quality() == Quality.GOOD));
        assertEquals(Optional.of(AUGUST_3), poller.watermark(ElaboratedQuantity.QMNJ));
        assertEquals(Optional.of(NOW), poller.lastCompleteRun());
    }

    @Test
    void followsTheNextCursorAcrossPagesUntilTheEmptyPage() throws Exception {
        // page 1: 2026-08-01..03 (206); page 2: the recorded 1900 page (206); page 3: the recorded empty answer (200)
        server.then(Answer.partial(server.pointedHere(Fixtures.read(Fixtures.ELAB_SINCE_AUGUST))))
                .then(Answer.partial(server.pointedHere(Fixtures.read(Fixtures.ELAB_FROM_1900))))
                .then(Answer.ok(Fixtures.read(Fixtures.ELAB_EMPTY)));
        ElaboratedPoller poller = poller();

        Health health = poller.pollOnce(budget());

        assertEquals(Health.Status.UP, health.status());
        assertEquals(3, server.requests().size());
        assertEquals("AoQkUW1uSipLNDQ3MDAxMDAxcIDyuuKfAz8NUW1uSi1LNDQ3MDAxMC1LNDQ3MDAxMDAxLTIwMjYtMDgtMDNUMDA6MDA6MDA=",
                server.query(1).get("cursor").replace("%3D", "="));
        assertEquals("AoQkUW1uSipLNDQ3MDAxMDAxB////f2zKDgAPw1RbW5KLUs0NDcwMDEwLUs0NDcwMDEwMDEtMTkwMC0wMS0wMlQwMDowMDowMA==",
                server.query(2).get("cursor").replace("%3D", "="));
        assertEquals(2, sink.batches().size(), "the empty page delivers nothing");
        assertEquals(List.of(48.524, 48.404, 48.233, 155.0, 155.0), values());
        assertEquals(Optional.of(AUGUST_3), poller.watermark(ElaboratedQuantity.QMNJ));
    }

    @Test
    void serviceUnavailableTwiceThenOkDeliversTheDailyMeansOnce() throws Exception {
        server.then(Answer.status(503)).then(Answer.status(503))
                .then(Answer.ok(lastPage(Fixtures.read(Fixtures.ELAB_SINCE_AUGUST))));
        RetryBudget budget = budget();

        Health health = poller().pollOnce(budget);

        assertEquals(new Health(Health.Status.UP, "", NOW), health);
        assertEquals(2, budget.used());
        assertEquals(1, sink.batches().size());
        assertEquals(List.of(48.524, 48.404, 48.233), values());
    }

    @Test
    void truncatedBodyIsRetriedAndTheValuesDeliveredOnce() throws Exception {
        String page = lastPage(Fixtures.read(Fixtures.ELAB_SINCE_AUGUST));
        server.then(Answer.ok(page.substring(0, page.length() - 40))).then(Answer.ok(page));
        RetryBudget budget = budget();

        Health health = poller().pollOnce(budget);

        assertEquals(Health.Status.UP, health.status());
        assertEquals(1, budget.used());
        assertEquals(List.of(48.524, 48.404, 48.233), values());
    }

    @Test
    void outageLongerThanTheRunLeavesNoWatermarkAndTheNextRunBackFillsTheSameDays() throws Exception {
        ElaboratedPoller poller = poller();
        for (int attempt = 0; attempt <= MAX_RETRIES; attempt++) {
            server.then(Answer.status(503));
        }

        Health during = poller.pollOnce(budget());

        assertEquals(Health.Status.DEGRADED, during.status());
        assertTrue(during.message().startsWith("elaborated QmnJ: Hub'Eau unavailable: HTTP 503 "), during.message());
        assertTrue(sink.batches().isEmpty());
        assertEquals(Optional.empty(), poller.watermark(ElaboratedQuantity.QMNJ));
        assertEquals(Optional.empty(), poller.lastCompleteRun());
        assertTrue(poller.due(), "a failed run is due again at the next poll");

        server.then(Answer.ok(lastPage(Fixtures.read(Fixtures.ELAB_SINCE_AUGUST))));
        Health after = poller.pollOnce(budget());

        assertEquals(new Health(Health.Status.UP, "", NOW), after);
        assertEquals("2026-08-01", server.query(server.requests().size() - 1).get("date_debut_obs_elab"));
        assertEquals(List.of(48.524, 48.404, 48.233), values());
        assertEquals(Optional.of(AUGUST_3), poller.watermark(ElaboratedQuantity.QMNJ));
    }

    @Test
    void outageLongerThanTheLookBackIsBackFilledFromTheLastDeliveredDay() throws Exception {
        ElaboratedPoller poller = poller();
        server.then(Answer.ok(lastPage(Fixtures.read(Fixtures.ELAB_SINCE_AUGUST))));
        poller.pollOnce(budget());
        clock.advance(Duration.ofDays(90));
        for (int attempt = 0; attempt <= MAX_RETRIES; attempt++) {
            server.then(Answer.status(503));
        }

        assertTrue(poller.due());
        assertEquals(Health.Status.DEGRADED, poller.pollOnce(budget()).status());
        assertEquals(Optional.of(AUGUST_3), poller.watermark(ElaboratedQuantity.QMNJ));

        server.then(Answer.ok(lastPage(Fixtures.read(Fixtures.ELAB_SINCE_AUGUST))));
        Health after = poller.pollOnce(budget());

        assertEquals(Health.Status.UP, after.status());
        // 90 days later the look-back alone would start on 2026-10-30: the gap since 2026-08-03 would be lost
        assertEquals("2026-08-03", server.query(server.requests().size() - 1).get("date_debut_obs_elab"));
        assertEquals(LocalDate.parse("2026-08-03"), poller.since(ElaboratedQuantity.QMNJ));
        assertEquals(6, sink.observations().size());
        assertEquals(3, sink.storedCount(), "the days delivered before the outage are duplicates");
    }

    @Test
    void storeFailureKeepsTheWatermarkSoTheNextRunFetchesTheDaysAgain() throws Exception {
        String firstPage = server.pointedHere(Fixtures.read(Fixtures.ELAB_SINCE_AUGUST));
        ElaboratedPoller poller = poller();
        server.then(Answer.partial(firstPage));
        sink.setDown(true);

        Health during = poller.pollOnce(budget());

        assertEquals(Health.Status.DEGRADED, during.status());
        assertEquals("elaborated QmnJ: store unavailable, will read again from 2026-08-01: database unreachable",
                during.message());
        assertEquals(Optional.empty(), poller.watermark(ElaboratedQuantity.QMNJ));
        assertEquals(1, server.requests().size(), "paging stops at the page the store refused");

        sink.setDown(false);
        server.then(Answer.partial(firstPage)).then(Answer.ok(Fixtures.read(Fixtures.ELAB_EMPTY)));
        Health after = poller.pollOnce(budget());

        assertEquals(new Health(Health.Status.UP, "", NOW), after);
        assertEquals("2026-08-01", server.query(1).get("date_debut_obs_elab"));
        assertEquals(List.of(48.524, 48.404, 48.233), values());
        assertEquals(Optional.of(AUGUST_3), poller.watermark(ElaboratedQuantity.QMNJ));
    }

    @Test
    void failureOnALaterPageDoesNotAdvanceTheWatermarkOverTheDeliveredPages() throws Exception {
        ElaboratedPoller poller = poller();
        server.then(Answer.partial(server.pointedHere(Fixtures.read(Fixtures.ELAB_SINCE_AUGUST))));
        for (int attempt = 0; attempt <= MAX_RETRIES; attempt++) {
            server.then(Answer.status(500));
        }

        Health health = poller.pollOnce(budget());

        assertEquals(Health.Status.DEGRADED, health.status());
        assertEquals(List.of(48.524, 48.404, 48.233), values(), "committed pages stay committed");
        assertEquals(Optional.empty(), poller.watermark(ElaboratedQuantity.QMNJ));
        assertTrue(poller.due());
    }

    @Test
    void reReadDaysAreDuplicatesAndNeverCollideWithRealTimeValuesAtTheSameInstant() throws Exception {
        Observation realTime = new Observation(STATION, Quantity.Q, Instant.parse("2026-08-01T00:00:00Z"), 48.0,
                Quality.GOOD, new Provenance("hubeau", "10", "observations_tr:2026-08-01T00:00:00Z"), NOW);
        sink.ingest(List.of(realTime));
        String page = lastPage(Fixtures.read(Fixtures.ELAB_SINCE_AUGUST));
        server.then(Answer.ok(page)).then(Answer.ok(page));
        ElaboratedPoller poller = poller();

        poller.pollOnce(budget());
        assertEquals(4, sink.storedCount(), "the daily mean of 2026-08-01 is stored beside the real-time value");

        poller.pollOnce(budget());
        assertEquals(4, sink.storedCount(), "the second run only re-read days already stored");
        assertEquals(3, sink.batches().get(2).size());
    }

    @Test
    void runsAreDueOnTheFirstPollThenAfterTheInterval() throws Exception {
        ElaboratedPoller poller = poller();
        assertTrue(poller.due());
        server.then(Answer.ok(Fixtures.read(Fixtures.ELAB_EMPTY)));

        assertEquals(Health.Status.UP, poller.pollOnce(budget()).status());

        assertFalse(poller.due());
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertFalse(poller.due());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(poller.due());
        assertEquals(Optional.empty(), poller.watermark(ElaboratedQuantity.QMNJ), "nothing delivered yet");
    }

    private static String lastPage(String recorded) {
        return recorded.replaceFirst("\"next\":\"[^\"]*\"", "\"next\":null");
    }

    private static String firstLink(String recorded) {
        Matcher first = Pattern.compile("\"first\":\"([^\"]*)\"").matcher(recorded);
        assertTrue(first.find());
        return first.group(1);
    }

    private static Map<String, String> queryOf(String link) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(link).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return parameters;
    }

    private List<Double> values() {
        return sink.observations().stream().map(Observation::value).toList();
    }
}
