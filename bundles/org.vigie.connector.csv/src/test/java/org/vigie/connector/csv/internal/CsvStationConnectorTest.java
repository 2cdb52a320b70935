package org.vigie.connector.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.testing.Await.awaitTrue;
import static org.vigie.testing.Await.awaitUninterruptibly;
import static org.vigie.testing.DropFolder.drop;
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
import org.vigie.api.Health;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.ObservationSink;
import org.vigie.testing.BundleContexts;
import org.vigie.testing.RecordingSink;

class CsvStationConnectorTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path home;

    private final List<CsvStationConnector> started = new ArrayList<>();

    @AfterEach
    void stopConnectors() {
        started.forEach(CsvStationConnector::deactivate);
    }

    private CsvStationConnector start(ObservationSink sink, ConnectorSettings settings) {
        CsvStationConnector connector = new CsvStationConnector(sink, settings, home, CLOCK);
        started.add(connector);
        return connector;
    }

    private static ConnectorSettings settings(String stationCode, String folder, String timeZone) {
        return new ConnectorSettings(stationCode, folder, "", 5, "csv", timeZone);
    }

    @Test
    void goodFileIsDeliveredAndMovedToProcessed() throws Exception {
        RecordingSink sink = new RecordingSink();
        CsvStationConnector connector = start(sink, settings("K435001010", "data/inbox", "Europe/Paris"));
        Path inbox = home.resolve("data/inbox");

        drop(inbox, "K435001010_20240115.csv",
                "# hourly export",
                "time;H;Q",
                "2024-01-15 10:00;1,25;12,5",
                "2024-01-15 11:00;1,30;");
        awaitTrue("the file is processed", () -> Files.exists(inbox.resolve("processed/K435001010_20240115.csv")));

        assertEquals(List.of(List.of(
                new Observation("K435001010", Quantity.H, Instant.parse("2024-01-15T09:00:00Z"), 1.25, Quality.RAW,
                        new Provenance("csv", "", "K435001010_20240115.csv:3"), NOW),
                new Observation("K435001010", Quantity.Q, Instant.parse("2024-01-15T09:00:00Z"), 12.5, Quality.RAW,
                        new Provenance("csv", "", "K435001010_20240115.csv:3"), NOW),
                new Observation("K435001010", Quantity.H, Instant.parse("2024-01-15T10:00:00Z"), 1.30, Quality.RAW,
                        new Provenance("csv", "", "K435001010_20240115.csv:4"), NOW))), sink.batches());
        assertEquals(List.of("processed"), names(inbox));
        awaitTrue("health shows the activity", () -> connector.health().lastActivity() != null);
        assertEquals(new Health(Health.Status.UP, "", NOW), connector.health());
        assertEquals("csv:K435001010", connector.id());
        assertEquals(List.of("K435001010"), connector.stationCodes());
    }

    @Test
    void fileWithMalformedLinesIsRejectedWithAReportAndEveryGoodRowDelivered() throws Exception {
        RecordingSink sink = new RecordingSink();
        start(sink, settings("K1", "inbox", "UTC"));
        Path inbox = home.resolve("inbox");

        drop(inbox, "K1_bad.csv",
                "time,H,Q",
                "2024-01-15T10:00:00Z,1.2,10",
                "2024-01-15T11:00:00Z,1.3",
                "2024-01-15T12:00:00Z,1.4,11",
                "",
                "2024-01-15T13:00:00Z,Infinity,12",
                "2024-01-15T14:00:00Z,1.5,13");
        Path report = inbox.resolve("rejected/K1_bad.csv.errors.txt");
        awaitTrue("the error report is written", () -> Files.exists(report));

        assertEquals(List.of(1.2, 10.0, 1.4, 11.0, 1.5, 13.0),
                sink.observations().stream().map(Observation::value).toList());
        assertEquals(List.of("rejected"), names(inbox));
        assertEquals(List.of(
                        "K1_bad.csv: 6 observations stored, 0 duplicates, 2 lines rejected",
                        "line 3: expected 3 columns as in the header, found 2",
                        "    2024-01-15T11:00:00Z,1.3",
                        "line 6: H value 'Infinity' is not a finite number",
                        "    2024-01-15T13:00:00Z,Infinity,12"),
                Files.readAllLines(report));
    }

    @Test
    void fileStaysWhileTheStoreIsDownAndIsDeliveredOnceItRecovers() throws Exception {
        RecordingSink sink = new RecordingSink();
        sink.setDown(true);
        CsvStationConnector connector = start(sink, settings("K1", "inbox", "UTC"));
        Path inbox = home.resolve("inbox");

        drop(inbox, "K1_a.csv", "time;H", "2024-01-15T10:00:00Z;1.2");
        awaitTrue("ingest was attempted twice", () -> sink.refusedCalls() >= 2);

        assertEquals(Health.Status.DEGRADED, connector.health().status());
        assertEquals("store unavailable, K1_a.csv kept for the next attempt: database unreachable",
                connector.health().message());
        assertNull(connector.health().lastActivity());
        assertTrue(Files.exists(inbox.resolve("K1_a.csv")));
        assertTrue(sink.batches().isEmpty());

        sink.setDown(false);
        awaitTrue("the file is processed", () -> Files.exists(inbox.resolve("processed/K1_a.csv")));

        assertEquals(1, sink.batches().size());
        assertEquals(1, sink.observations().size());
        awaitTrue("health is UP again", () -> connector.health().status() == Health.Status.UP);
        assertEquals(NOW, connector.health().lastActivity());
    }

    @Test
    void twoStationsSharingAFolderEachTakeOnlyTheirOwnFiles() throws Exception {
        RecordingSink firstSink = new RecordingSink();
        RecordingSink secondSink = new RecordingSink();
        start(firstSink, settings("K1", "shared", "UTC"));
        start(secondSink, new ConnectorSettings("K2", "shared", "station2-*.txt", 5, "csv", "UTC"));
        Path shared = home.resolve("shared");

        drop(shared, "K1_a.csv", "time;H", "2024-01-15T10:00:00Z;1");
        drop(shared, "station2-a.txt", "time;H", "2024-01-15T10:00:00Z;2");
        drop(shared, "K2_a.csv", "time;H", "2024-01-15T10:00:00Z;3");
        awaitTrue("both stations processed their file",
                () -> Files.exists(shared.resolve("processed/K1_a.csv"))
                        && Files.exists(shared.resolve("processed/station2-a.txt")));

        assertEquals(List.of(1.0), firstSink.observations().stream().map(Observation::value).toList());
        assertEquals(List.of("K1"), firstSink.observations().stream().map(Observation::stationCode).toList());
        assertEquals(List.of(2.0), secondSink.observations().stream().map(Observation::value).toList());
        assertEquals(List.of("K2"), secondSink.observations().stream().map(Observation::stationCode).toList());
        assertEquals(List.of("K2_a.csv", "processed"), names(shared));
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
        CsvStationConnector connector = new CsvStationConnector(slowSink, settings("K1", "inbox", "UTC"), home,
                CLOCK);
        Path inbox = home.resolve("inbox");
        drop(inbox, "K1_a.csv", "time;H", "2024-01-15T10:00:00Z;1.2");
        drop(inbox, "K1_b.csv", "time;H", "2024-01-15T11:00:00Z;1.3");
        assertTrue(ingestStarted.await(5, TimeUnit.SECONDS));

        CompletableFuture<Void> deactivation = CompletableFuture.runAsync(connector::deactivate);
        Thread.sleep(100);
        assertFalse(deactivation.isDone(), "deactivate returned while a file was half-handled");

        releaseIngest.countDown();
        deactivation.get(5, TimeUnit.SECONDS);

        assertEquals(List.of("K1_a.csv"), names(inbox.resolve("processed")));
        assertEquals(List.of("K1_b.csv", "processed"), names(inbox), "the next file waits for the next activation");
    }

    @Test
    void absoluteFolderIsUsedAsItIs(@TempDir Path elsewhere) throws Exception {
        RecordingSink sink = new RecordingSink();
        start(sink, settings("K1", elsewhere.toString(), "UTC"));

        drop(elsewhere, "K1_a.csv", "time;H", "2024-01-15T10:00:00Z;1.2");

        awaitTrue("the file is processed", () -> Files.exists(elsewhere.resolve("processed/K1_a.csv")));
        assertEquals(List.of(), names(home));
    }

    @Test
    void componentConstructorResolvesARelativeFolderAgainstVigieHome() throws Exception {
        RecordingSink sink = new RecordingSink();
        BundleContext context = BundleContexts.withProperty("vigie.home", home.toString());
        CsvStationConnector connector = new CsvStationConnector(sink, defaultConfigFor("K435001010"), context);
        started.add(connector);

        drop(home.resolve("data/inbox"), "K435001010.csv", "time;H", "2024-01-15T10:00:00Z;1.2");

        awaitTrue("the file is processed",
                () -> Files.exists(home.resolve("data/inbox/processed/K435001010.csv")));
        assertEquals(List.of(new Provenance("csv", "", "K435001010.csv:2")),
                sink.observations().stream().map(Observation::provenance).toList());
    }

    /** What DS hands over for a configuration that only sets the station code. */
    private static CsvConnectorConfig defaultConfigFor(String stationCode) {
        return (CsvConnectorConfig) Proxy.newProxyInstance(CsvConnectorConfig.class.getClassLoader(),
                new Class<?>[] {CsvConnectorConfig.class},
                (proxy, method, args) -> method.getName().equals("stationCode")
                        ? stationCode : method.getDefaultValue());
    }

    @Test
    void blankStationCodeMakesTheConnectorDownWithoutPolling() throws IOException {
        RecordingSink sink = new RecordingSink();
        CsvStationConnector connector = start(sink, settings("  ", "inbox", "UTC"));

        assertEquals(Health.down("configuration error in org.vigie.connector.csv for station '': stationCode is blank"),
                connector.health());
        assertEquals(List.of(), connector.stationCodes());
        assertFalse(Files.exists(home.resolve("inbox")));
    }

    @Test
    void unknownTimeZoneAndBadIntervalAreReportedTogether() {
        CsvStationConnector connector = start(new RecordingSink(),
                new ConnectorSettings("K1", "inbox", "", 0, "csv", "Europe/Pariss"));

        assertEquals(Health.Status.DOWN, connector.health().status());
        assertEquals("configuration error in org.vigie.connector.csv for station 'K1': pollIntervalMillis must be"
                + " positive, got 0; unknown timeZone 'Europe/Pariss' (expected e.g. UTC or Europe/Paris)",
                connector.health().message());
    }

    @Test
    void folderThatCannotBeCreatedMakesTheConnectorDown() throws IOException {
        Files.writeString(home.resolve("occupied"), "a file where the folder should be");

        CsvStationConnector connector = start(new RecordingSink(), settings("K1", "occupied/inbox", "UTC"));

        assertEquals(Health.Status.DOWN, connector.health().status());
        assertTrue(connector.health().message().startsWith("configuration error in org.vigie.connector.csv for"
                + " station 'K1': cannot create folder " + home.resolve("occupied/inbox")),
                connector.health().message());
    }
}
