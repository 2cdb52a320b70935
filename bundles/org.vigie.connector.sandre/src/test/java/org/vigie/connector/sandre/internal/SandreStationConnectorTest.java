package org.vigie.connector.sandre.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.connector.sandre.internal.Fixtures.dropFixture;
import static org.vigie.testing.Await.awaitTrue;
import static org.vigie.testing.Await.awaitUninterruptibly;
import static org.vigie.testing.DropFolder.names;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.vigie.api.Forecast;
import org.vigie.api.Health;
import org.vigie.api.Observation;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.ForecastArchive;
import org.vigie.api.service.ObservationSink;
import org.vigie.testing.BundleContexts;
import org.vigie.testing.RecordingSink;

class SandreStationConnectorTest {

    private static final Instant NOW = Fixtures.RECEIVED;
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path home;

    private final List<SandreStationConnector> started = new ArrayList<>();

    @AfterEach
    void stopConnectors() {
        started.forEach(SandreStationConnector::deactivate);
    }

    private SandreStationConnector start(ObservationSink sink, ForecastArchive archive, ConnectorSettings settings) {
        SandreStationConnector connector = new SandreStationConnector(sink, archive, settings, home, CLOCK);
        started.add(connector);
        return connector;
    }

    private static ConnectorSettings settings(String name, String folder, List<String> stations) {
        return new ConnectorSettings(name, folder, "*.xml", 5, stations, "Europe/Paris", "sandre");
    }

    @Test
    void droppedFilesAreImportedEndToEnd() throws Exception {
        RecordingSink sink = new RecordingSink();
        RecordingArchive archive = new RecordingArchive();
        Path inbox = home.resolve("data/sandre");
        dropFixture(inbox, "observations.xml");
        dropFixture(inbox, "forecasts.xml");
        dropFixture(inbox, "meteo.xml");

        SandreStationConnector connector = start(sink, archive, settings("", "data/sandre", List.of()));
        awaitTrue("the three files are handled", () -> Files.exists(inbox.resolve("processed/observations.xml"))
                && Files.exists(inbox.resolve("processed/forecasts.xml"))
                && Files.exists(inbox.resolve("rejected/meteo.xml.errors.txt")));

        List<Observation> expected = new ArrayList<>(Fixtures.parseFixture("meteo.xml").observations());
        expected.addAll(Fixtures.parseFixture("observations.xml").observations());
        assertEquals(expected, sink.observations(), "meteo.xml comes first by name, in its own batch");
        assertEquals(2, sink.batches().size());
        assertEquals(Fixtures.parseFixture("forecasts.xml").forecasts(), archive.runs());
        assertEquals(List.of("meteo.xml: 3 observations stored, 0 duplicates, 0 forecasts archived, 0 already"
                        + " archived, 1 not imported",
                "line 37: ObsMeteo of 45055001 (TA): grandeur 'TA' (CdGrdMeteo) is not imported, only RR (rainfall)"),
                Files.readAllLines(inbox.resolve("rejected/meteo.xml.errors.txt")));
        assertEquals(List.of("processed", "rejected"), names(inbox));

        awaitTrue("health shows the three files", () -> connector.health().message().startsWith("3 files"));
        assertEquals(new Health(Health.Status.UP, "3 files (2 processed, 1 rejected): 9 observations stored,"
                + " 0 duplicates, 2 forecasts archived, 1 values not imported", NOW), connector.health());
        assertEquals("sandre:data/sandre", connector.id());
        assertEquals(List.of("45055001", "K4350010", "K435001010", "K437311001"), connector.stationCodes());
    }

    @Test
    void aStationFilterLimitsWhatIsImportedAndIsWhatTheConnectorDeclares() throws Exception {
        RecordingSink sink = new RecordingSink();
        RecordingArchive archive = new RecordingArchive();
        SandreStationConnector connector = start(sink, archive,
                settings("orleans", "inbox", List.of(" K435001010 ", "", "K435001010")));
        Path inbox = home.resolve("inbox");

        assertEquals(List.of("K435001010"), connector.stationCodes());
        dropFixture(inbox, "observations.xml");
        dropFixture(inbox, "forecasts.xml");
        awaitTrue("both files are processed", () -> Files.exists(inbox.resolve("processed/observations.xml"))
                && Files.exists(inbox.resolve("processed/forecasts.xml")));

        assertEquals(List.of("K435001010"),
                sink.observations().stream().map(Observation::stationCode).distinct().toList());
        assertEquals(4, sink.observations().size());
        assertEquals(List.of("sandre:K435001010:H"), archive.runs().stream().map(Forecast::forecastPointId).toList());
        assertEquals("sandre:orleans", connector.id());
    }

    @Test
    void withoutAForecastArchiveObservationsAreStillImported() throws Exception {
        RecordingSink sink = new RecordingSink();
        SandreStationConnector connector = start(sink, null, settings("", "inbox", List.of()));
        Path inbox = home.resolve("inbox");

        dropFixture(inbox, "forecasts.xml");
        dropFixture(inbox, "observations.xml");
        awaitTrue("the observations are processed", () -> Files.exists(inbox.resolve("processed/observations.xml")));
        awaitTrue("health says the forecasts wait",
                () -> connector.health().status() == Health.Status.DEGRADED);

        assertTrue(connector.health().message().startsWith("no forecast archive available: forecasts.xml holds"
                + " 2 forecasts and waits for one"), connector.health().message());
        assertEquals(6, sink.observations().size());
        assertTrue(Files.exists(inbox.resolve("forecasts.xml")));
    }

    @Test
    void theStoreBeingDownKeepsTheFileUntilItRecovers() throws Exception {
        RecordingSink sink = new RecordingSink();
        sink.setDown(true);
        SandreStationConnector connector = start(sink, new RecordingArchive(), settings("", "inbox", List.of()));
        Path inbox = home.resolve("inbox");

        dropFixture(inbox, "observations.xml");
        awaitTrue("ingest was attempted twice", () -> sink.refusedCalls() >= 2);

        assertEquals(Health.Status.DEGRADED, connector.health().status());
        assertEquals("store unavailable, observations.xml kept for the next attempt: database unreachable",
                connector.health().message());
        assertTrue(Files.exists(inbox.resolve("observations.xml")));

        sink.setDown(false);
        awaitTrue("the file is processed", () -> Files.exists(inbox.resolve("processed/observations.xml")));
        awaitTrue("health is UP again", () -> connector.health().status() == Health.Status.UP);
        assertEquals(6, sink.observations().size());
    }

    @Test
    void deactivationWaitsForTheFileInProgress() throws Exception {
        CountDownLatch ingestStarted = new CountDownLatch(1);
        CountDownLatch releaseIngest = new CountDownLatch(1);
        ObservationSink slowSink = observations -> {
            ingestStarted.countDown();
            awaitUninterruptibly(releaseIngest);
            return new AppendResult(observations.size(), 0);
        };
        SandreStationConnector connector = new SandreStationConnector(slowSink, new RecordingArchive(),
                settings("", "inbox", List.of()), home, CLOCK);
        Path inbox = home.resolve("inbox");
        dropFixture(inbox, "elaborated.xml");
        dropFixture(inbox, "observations.xml");
        assertTrue(ingestStarted.await(5, TimeUnit.SECONDS));

        CompletableFuture<Void> deactivation = CompletableFuture.runAsync(connector::deactivate);
        Thread.sleep(100);
        assertFalse(deactivation.isDone(), "deactivate returned while a file was half-handled");

        releaseIngest.countDown();
        deactivation.get(5, TimeUnit.SECONDS);

        assertEquals(List.of("elaborated.xml"), names(inbox.resolve("processed")));
        assertEquals(List.of("observations.xml", "processed"), names(inbox),
                "the next file waits for the next activation");
    }

    @Test
    void componentConstructorResolvesARelativeFolderAgainstVigieHomeAndUsesTheDefaults() throws Exception {
        RecordingSink sink = new RecordingSink();
        BundleContext context = BundleContexts.withProperty("vigie.home", home.toString());
        SandreConnectorConfig defaults = (SandreConnectorConfig) Proxy.newProxyInstance(
                SandreConnectorConfig.class.getClassLoader(), new Class<?>[] {SandreConnectorConfig.class},
                (proxy, method, args) -> method.getDefaultValue());
        SandreStationConnector connector = new SandreStationConnector(sink, null, defaults, context);
        started.add(connector);

        dropFixture(home.resolve("data/sandre"), "observations.xml");

        awaitTrue("the file is processed",
                () -> Files.exists(home.resolve("data/sandre/processed/observations.xml")));
        assertEquals(Fixtures.parseFixture("observations.xml").observations().stream()
                        .map(o -> new Observation(o.stationCode(), o.quantity(), o.time(), o.value(), o.quality(),
                                o.provenance(), sink.observations().get(0).receivedAt())).toList(),
                sink.observations(), "defaults: source sandre, Europe/Paris, every station");
        assertEquals("sandre:data/sandre", connector.id());
    }

    @Test
    void configurationErrorsAreReportedTogetherAndTheInstanceDoesNotPoll() {
        SandreStationConnector connector = start(new RecordingSink(), null,
                new ConnectorSettings("x", "inbox", "[", 0, List.of(), "Europe/Pariss", " "));

        assertEquals(Health.down("configuration error in org.vigie.connector.sandre 'x': source is blank;"
                + " pollIntervalMillis must be positive, got 0; unknown timeZone 'Europe/Pariss' (expected e.g."
                + " Europe/Paris or UTC); invalid filePattern '[': Missing ']"), connector.health());
        assertFalse(Files.exists(home.resolve("inbox")));
        assertEquals(List.of(), connector.stationCodes());
    }

    @Test
    void aFolderThatCannotBeCreatedMakesTheInstanceDown() throws IOException {
        Files.writeString(home.resolve("occupied"), "a file where the folder should be");

        SandreStationConnector connector = start(new RecordingSink(), null,
                settings("", "occupied/inbox", List.of()));

        assertEquals(Health.Status.DOWN, connector.health().status());
        assertTrue(connector.health().message().startsWith("configuration error in org.vigie.connector.sandre"
                + " 'occupied/inbox': cannot create folder " + home.resolve("occupied/inbox")),
                connector.health().message());
    }
}
