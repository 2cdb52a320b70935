package org.vigie.connector.hubeau.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.connector.hubeau.internal.Fixtures.STATION;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.api.Health;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.connector.hubeau.internal.ScriptedHubEauServer.Answer;
import org.vigie.testing.RecordingSink;

/** Both feeds of one station in one poll: which runs when, the shared retry budget, the combined health. */
class PollCycleTest {

    private static final Instant NOW = Instant.parse("2026-09-13T06:00:00Z");
    private static final int MAX_RETRIES = 3;
    private static final String REAL_TIME = "/api/v2/hydrometrie/observations_tr";
    private static final String ELABORATED = "/api/v2/hydrometrie/obs_elab";

    private final ScriptedHubEauServer server = new ScriptedHubEauServer();
    private final RecordingSink sink = new RecordingSink();
    private final MutableClock clock = new MutableClock(NOW);
    private final HubEauClient client = new HubEauClient(Duration.ofMillis(500), Duration.ofMillis(5),
            Duration.ofMillis(20), new CountDownLatch(1));

    PollCycleTest() throws IOException {
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private PollCycle cycle(boolean elaborated) {
        URI base = URI.create(server.baseUrl());
        HubEauPoller realTime = new HubEauPoller(STATION, base, List.of(Quantity.H), 1000, Duration.ofHours(48),
                MAX_RETRIES, client, new HubEauResponseParser(STATION, "hubeau"), sink, clock, () -> false);
        return new PollCycle(realTime, elaborated ? Optional.of(new ElaboratedPoller(STATION, base,
                List.of(ElaboratedQuantity.QMNJ), 1000, 43, Duration.ofHours(24), client,
                new ElaboratedResponseParser(STATION, "hubeau"), sink, clock, () -> false)) : Optional.empty(),
                MAX_RETRIES);
    }

    @Test
    void elaboratedFeedRunsAfterTheRealTimeOneOnTheFirstPollThenOnceADay() throws Exception {
        PollCycle cycle = cycle(true);
        server.then(Answer.ok(lastPage(Fixtures.H_PAGE))).then(Answer.ok(lastPage(Fixtures.ELAB_SINCE_AUGUST)));

        assertEquals(new Health(Health.Status.UP, "", NOW), cycle.runOnce());
        assertEquals(List.of(REAL_TIME, ELABORATED), paths());
        assertEquals(List.of("hubeau", "hubeau:QmnJ", "hubeau:QmnJ", "hubeau:QmnJ"),
                sink.observations().stream().map(o -> o.provenance().source()).toList());
        assertEquals(List.of(-1.232, 48.524, 48.404, 48.233),
                sink.observations().stream().map(Observation::value).toList());

        clock.advance(Duration.ofMinutes(10));
        server.then(Answer.ok(lastPage(Fixtures.H_PAGE)));
        assertEquals(Health.Status.UP, cycle.runOnce().status());
        assertEquals(List.of(REAL_TIME, ELABORATED, REAL_TIME), paths());

        clock.advance(Duration.ofHours(24));
        server.then(Answer.ok(lastPage(Fixtures.H_PAGE))).then(Answer.ok(lastPage(Fixtures.ELAB_SINCE_AUGUST)));
        assertEquals(Health.Status.UP, cycle.runOnce().status());
        assertEquals(List.of(REAL_TIME, ELABORATED, REAL_TIME, REAL_TIME, ELABORATED), paths());
        assertEquals(0, server.scriptLeft());
    }

    @Test
    void anOutageSpendsOneRetryBudgetPerPollAndTheHealthNamesBothFeeds() throws Exception {
        PollCycle cycle = cycle(true);

        Health health = cycle.runOnce();

        assertEquals(Health.Status.DEGRADED, health.status());
        assertTrue(health.message().startsWith("real-time H: Hub'Eau unavailable: HTTP 503 "), health.message());
        assertTrue(health.message().contains("; elaborated QmnJ: Hub'Eau unavailable: HTTP 503 "), health.message());
        // the real-time feed spent the budget: the elaborated feed gets a single attempt in this poll
        assertEquals(MAX_RETRIES + 1 + 1, server.requests().size());
        assertEquals(ELABORATED, paths().get(MAX_RETRIES + 1));
    }

    @Test
    void aFailedElaboratedRunKeepsTheConnectorDegradedUntilTheNextPollBackFillsIt() throws Exception {
        PollCycle cycle = cycle(true);
        server.then(Answer.ok(lastPage(Fixtures.H_PAGE)));
        // then nothing scripted: obs_elab answers 503 until the budget is spent

        Health during = cycle.runOnce();

        assertEquals(Health.Status.DEGRADED, during.status());
        assertTrue(during.message().startsWith("elaborated QmnJ: Hub'Eau unavailable: HTTP 503 nothing scripted for "
                + server.baseUrl() + "/obs_elab?code_entite=K447001001&grandeur_hydro_elab=QmnJ"
                + "&date_debut_obs_elab=2026-08-01&size=1000"), during.message());
        assertEquals(NOW, during.lastActivity(), "the real-time delivery counts");

        clock.advance(Duration.ofMinutes(10));
        server.then(Answer.ok(lastPage(Fixtures.H_PAGE))).then(Answer.ok(lastPage(Fixtures.ELAB_SINCE_AUGUST)));
        Health after = cycle.runOnce();

        assertEquals(new Health(Health.Status.UP, "", NOW.plus(Duration.ofMinutes(10))), after);
        assertEquals(ELABORATED, paths().get(paths().size() - 1));
        assertEquals("2026-08-01", server.query(server.requests().size() - 1).get("date_debut_obs_elab"));
        assertEquals(3, sink.observations().stream().filter(o -> o.provenance().source().equals("hubeau:QmnJ"))
                .count());
    }

    @Test
    void aRealTimeOutageBetweenElaboratedRunsNamesOnlyTheRealTimeFeed() throws Exception {
        PollCycle cycle = cycle(true);
        server.then(Answer.ok(lastPage(Fixtures.H_PAGE))).then(Answer.ok(lastPage(Fixtures.ELAB_SINCE_AUGUST)));
        cycle.runOnce();

        clock.advance(Duration.ofMinutes(10));
        Health health = cycle.runOnce();

        assertEquals(Health.Status.DEGRADED, health.status());
        assertTrue(health.message().startsWith("real-time H: Hub'Eau unavailable: HTTP 503 "), health.message());
        assertTrue(!health.message().contains("elaborated"), health.message());
        assertEquals(NOW, health.lastActivity());
    }

    @Test
    void withoutElaboratedQuantitiesOnlyTheRealTimeFeedIsPolled() throws Exception {
        PollCycle cycle = cycle(false);
        server.then(Answer.ok(lastPage(Fixtures.H_PAGE)));

        assertEquals(new Health(Health.Status.UP, "", NOW), cycle.runOnce());
        assertEquals(List.of(REAL_TIME), paths());
    }

    @Test
    void combinedHealthIsTheWorseStatusWithBothMessagesAndTheLaterActivity() {
        Instant earlier = NOW.minusSeconds(60);
        assertEquals(new Health(Health.Status.DEGRADED, "real-time H: x; elaborated QmnJ: y", NOW),
                PollCycle.combine(new Health(Health.Status.DEGRADED, "real-time H: x", earlier),
                        new Health(Health.Status.DEGRADED, "elaborated QmnJ: y", NOW)));
        assertEquals(new Health(Health.Status.DEGRADED, "elaborated QmnJ: y", NOW),
                PollCycle.combine(new Health(Health.Status.UP, "", NOW),
                        new Health(Health.Status.DEGRADED, "elaborated QmnJ: y", null)));
        assertEquals(new Health(Health.Status.UP, "", null),
                PollCycle.combine(new Health(Health.Status.UP, "", null), new Health(Health.Status.UP, "", null)));
    }

    private List<String> paths() {
        return server.requests().stream().map(URI::getPath).toList();
    }

    private static String lastPage(String fixture) {
        return Fixtures.read(fixture).replaceFirst("\"next\":\"[^\"]*\"", "\"next\":null");
    }
}
