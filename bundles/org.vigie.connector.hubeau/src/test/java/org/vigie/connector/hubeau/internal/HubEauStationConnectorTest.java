package org.vigie.connector.hubeau.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.connector.hubeau.internal.Fixtures.STATION;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigie.api.Health;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.connector.hubeau.internal.ScriptedHubEauServer.Answer;
import org.vigie.testing.Await;
import org.vigie.testing.RecordingSink;

class HubEauStationConnectorTest {

    private static final Instant NOW = Instant.parse("2026-08-27T09:00:00Z");

    private final ScriptedHubEauServer server = new ScriptedHubEauServer();
    private final RecordingSink sink = new RecordingSink();
    private final List<HubEauStationConnector> started = new ArrayList<>();

    HubEauStationConnectorTest() throws IOException {
    }

    @AfterEach
    void stop() {
        started.forEach(HubEauStationConnector::deactivate);
        server.close();
    }

    private HubEauStationConnector start(ConnectorSettings settings) {
        HubEauStationConnector connector = new HubEauStationConnector(sink, settings,
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMillis(5));
        started.add(connector);
        return connector;
    }

    private ConnectorSettings settings(String stationCode, String baseUrl, List<String> quantities) {
        return new ConnectorSettings(stationCode, baseUrl, quantities, 600, 1000, 48, 5, 3, "hubeau", List.of(), 60, 24);
    }

    @Test
    void firstPollDeliversStageAndDischargeOfTheStation() throws Exception {
        server.then(Answer.ok(lastPageOf(Fixtures.H_PAGE))).then(Answer.ok(lastPageOf(Fixtures.Q_PAGE)));

        HubEauStationConnector connector = start(settings(STATION, server.baseUrl(), List.of("H", "Q")));
        awaitTrue("both quantities delivered", () -> sink.observations().size() == 3);
        awaitTrue("health shows the delivery", () -> connector.health().lastActivity() != null);

        assertEquals("hubeau:" + STATION, connector.id());
        assertEquals(List.of(STATION), connector.stationCodes());
        assertEquals(new Health(Health.Status.UP, "", NOW), connector.health());
        assertEquals(List.of(Quantity.H, Quantity.Q, Quantity.Q),
                sink.observations().stream().map(Observation::quantity).toList());
        assertEquals("H", server.query(0).get("grandeur_hydro"));
        assertEquals("Q", server.query(1).get("grandeur_hydro"));
        assertEquals(2, server.requests().size(), "no elaborated quantity configured: obs_elab is not asked");
    }

    @Test
    void configuredDailyMeansAreBackFilledAfterTheFirstRealTimePoll() throws Exception {
        server.then(Answer.ok(lastPageOf(Fixtures.H_PAGE))).then(Answer.ok(lastPageOf(Fixtures.ELAB_SINCE_AUGUST)));

        HubEauStationConnector connector = start(new ConnectorSettings(STATION, server.baseUrl(), List.of("H"), 600,
                1000, 48, 5, 3, "hubeau", List.of("QmnJ"), 60, 24));
        awaitTrue("both feeds delivered", () -> sink.observations().size() == 4);
        awaitTrue("health shows the delivery", () -> connector.health().lastActivity() != null);

        assertEquals(new Health(Health.Status.UP, "", NOW), connector.health());
        assertEquals(List.of("/api/v2/hydrometrie/observations_tr", "/api/v2/hydrometrie/obs_elab"),
                server.requests().stream().map(java.net.URI::getPath).toList());
        assertEquals("2026-06-28", server.query(1).get("date_debut_obs_elab"), "60 days before 2026-08-27");
        assertEquals(List.of("hubeau", "hubeau:QmnJ", "hubeau:QmnJ", "hubeau:QmnJ"),
                sink.observations().stream().map(o -> o.provenance().source()).toList());
        assertEquals(List.of(-1.232, 48.524, 48.404, 48.233),
                sink.observations().stream().map(Observation::value).toList());
    }

    @Test
    void dailyBackFillOutageMakesTheConnectorDegradedNamingTheElaboratedFeed() throws Exception {
        server.then(Answer.ok(lastPageOf(Fixtures.H_PAGE)));

        HubEauStationConnector connector = start(new ConnectorSettings(STATION, server.baseUrl(), List.of("H"), 600,
                1000, 48, 5, 3, "hubeau", List.of("QmnJ"), 60, 24));
        awaitTrue("the elaborated run gave up", () -> connector.health().status() == Health.Status.DEGRADED);

        assertTrue(connector.health().message().startsWith("elaborated QmnJ: Hub'Eau unavailable: HTTP 503"),
                connector.health().message());
        assertEquals(NOW, connector.health().lastActivity());
        assertEquals(List.of(-1.232), sink.observations().stream().map(Observation::value).toList());
    }

    @Test
    void blankElaboratedQuantityMeansNone() {
        HubEauStationConnector connector = start(new ConnectorSettings(STATION, server.baseUrl(), List.of("H"), 600,
                1000, 48, 5, 3, "hubeau", List.of(" "), 60, 24));

        assertEquals(Health.Status.UP, connector.health().status());
    }

    @Test
    void outageLastingTheWholePollMakesTheConnectorDegradedWithTheReason() throws Exception {
        HubEauStationConnector connector = start(settings(STATION, server.baseUrl(), List.of("H")));

        awaitTrue("the poll gave up", () -> connector.health().status() == Health.Status.DEGRADED);

        assertTrue(connector.health().message().startsWith("real-time H: Hub'Eau unavailable: HTTP 503 nothing scripted"),
                connector.health().message());
        assertTrue(sink.batches().isEmpty());
    }

    @Test
    void configurationErrorsMakeTheConnectorDownWithEveryReason() {
        HubEauStationConnector connector = start(new ConnectorSettings(" ", "ftp://example.org", List.of("H", "P"),
                0, 50_000, 0, 0, -1, "", List.of("QmnJ", "QmM"), 0, 0));

        Health health = connector.health();

        assertEquals(Health.Status.DOWN, health.status());
        assertNull(health.lastActivity());
        assertEquals("configuration error in org.vigie.connector.hubeau for station '': stationCode is blank;"
                + " source is blank; baseUrl 'ftp://example.org' is not an absolute http(s) URL;"
                + " quantity 'P' is not one Hub'Eau observations_tr serves (H or Q);"
                + " pollIntervalSeconds must be positive, got 0; pageSize must be between 1 and 20000, got 50000;"
                + " lookbackHours must be positive, got 0; requestTimeoutSeconds must be positive, got 0;"
                + " maxRetries must not be negative, got -1;"
                + " elaborated quantity 'QmM' is not one this connector reads from Hub'Eau obs_elab (QmnJ);"
                + " elaboratedLookbackDays must be positive, got 0; elaboratedIntervalHours must be positive, got 0",
                health.message());
        assertEquals(List.of(), connector.stationCodes());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void emptyQuantityListIsAConfigurationError() {
        HubEauStationConnector connector = start(settings(STATION, server.baseUrl(), List.of()));

        assertEquals(Health.Status.DOWN, connector.health().status());
        assertTrue(connector.health().message().endsWith("quantities is empty, expected H and/or Q"),
                connector.health().message());
    }

    private static String lastPageOf(String fixture) {
        return Fixtures.read(fixture).replaceFirst("\"next\":\"[^\"]*\"", "\"next\":null");
    }

    /** Hub'Eau polls may spend a few (shortened) back-offs before they show. */
    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        Await.awaitTrue(what, Duration.ofSeconds(10), condition);
    }
}
