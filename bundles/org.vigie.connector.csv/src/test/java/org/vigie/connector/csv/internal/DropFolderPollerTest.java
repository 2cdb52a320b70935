package org.vigie.connector.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.testing.DropFolder.drop;
import static org.vigie.testing.DropFolder.names;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.api.Health;
import org.vigie.api.Observation;
import org.vigie.connector.support.internal.dropfolder.NoOverwrite;
import org.vigie.testing.RecordingSink;

class DropFolderPollerTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    @TempDir
    Path folder;

    private final RecordingSink sink = new RecordingSink();

    private DropFolderPoller poller(String glob) {
        return new DropFolderPoller(folder, FileSystems.getDefault().getPathMatcher("glob:" + glob),
                new CsvObservationParser("K1", "csv", ZoneId.of("UTC")), sink, Clock.fixed(NOW, ZoneOffset.UTC),
                () -> false);
    }

    @Test
    void goodFileIsDeliveredInOneBatchThenMovedToProcessed() throws IOException {
        drop(folder, "K1_a.csv", "time;H;Q", "2024-01-15T10:00:00Z;1.2;10", "2024-01-15T11:00:00Z;1.3;11");

        Health health = poller("K1*.csv").pollOnce();

        assertEquals(new Health(Health.Status.UP, "", NOW), health);
        assertEquals(1, sink.batches().size());
        assertEquals(4, sink.batches().get(0).size());
        assertEquals(List.of("processed"), names(folder));
        assertEquals(List.of("K1_a.csv"), names(folder.resolve("processed")));
    }

    @Test
    void fileWithBadLinesGoesToRejectedWithAReportAndItsGoodRowsAreDelivered() throws IOException {
        drop(folder, "K1_b.csv",
                "time;H",
                "2024-01-15T10:00:00Z;1.2",
                "2024-13-01 10:00;1.3",
                "2024-01-15T12:00:00Z;1.4",
                "2024-01-15T13:00:00Z;x");

        poller("K1*.csv").pollOnce();

        assertEquals(List.of(1.2, 1.4), sink.observations().stream().map(Observation::value).toList());
        assertEquals(List.of("K1_b.csv", "K1_b.csv.errors.txt"), names(folder.resolve("rejected")));
        assertEquals("""
                K1_b.csv: 2 observations stored, 0 duplicates, 2 lines rejected
                line 3: cannot parse time '2024-13-01 10:00' — expected e.g. 2024-01-15T10:00:00Z,\
                 2024-01-15T11:00:00+01:00, or a local time in UTC written 2024-01-15 10:00[:ss],\
                 2024-01-15T10:00[:ss] or 15/01/2024 10:00[:ss]
                    2024-13-01 10:00;1.3
                line 5: cannot parse H value 'x' as a number
                    2024-01-15T13:00:00Z;x
                """, Files.readString(folder.resolve("rejected/K1_b.csv.errors.txt")));
    }

    @Test
    void fileWithAnUnusableHeaderIsRejectedWithoutCallingTheStore() throws IOException {
        drop(folder, "K1_c.csv", "time;H;X", "2024-01-15T10:00:00Z;1.2;3");

        Health health = poller("K1*.csv").pollOnce();

        assertEquals(Health.Status.UP, health.status());
        assertTrue(sink.batches().isEmpty());
        assertEquals("""
                K1_c.csv: file rejected, nothing stored
                line 1: unknown column 'X' in header (column 3), expected one of H, Q, P, E, T, or configure this station's columns
                """, Files.readString(folder.resolve("rejected/K1_c.csv.errors.txt")));
    }

    @Test
    void summaryCountsDuplicatesReportedByTheStore() throws IOException {
        DropFolderPoller poller = poller("K1*.csv");
        drop(folder, "K1_d.csv", "time;H", "2024-01-15T10:00:00Z;1.2");
        poller.pollOnce();
        drop(folder, "K1_e.csv", "time;H", "2024-01-15T10:00:00Z;1.2", "2024-01-15T11:00:00Z;1.3", "bad;1");
        poller.pollOnce();

        assertTrue(Files.readString(folder.resolve("rejected/K1_e.csv.errors.txt"))
                .startsWith("K1_e.csv: 1 observations stored, 1 duplicates, 1 lines rejected\n"));
    }

    @Test
    void storeOutageLeavesTheFileInPlaceUntilTheStoreRecovers() throws IOException {
        DropFolderPoller poller = poller("K1*.csv");
        drop(folder, "K1_f.csv", "time;H", "2024-01-15T10:00:00Z;1.2");
        sink.setDown(true);

        Health whileDown = poller.pollOnce();

        assertEquals(Health.Status.DEGRADED, whileDown.status());
        assertEquals("store unavailable, K1_f.csv kept for the next attempt: database unreachable",
                whileDown.message());
        assertEquals(List.of("K1_f.csv"), names(folder));

        sink.setDown(false);
        Health recovered = poller.pollOnce();

        assertEquals(new Health(Health.Status.UP, "", NOW), recovered);
        assertEquals(1, sink.observations().size());
        assertEquals(List.of("K1_f.csv"), names(folder.resolve("processed")));
    }

    @Test
    void filesAreHandledInNameOrderAndAnOutageStopsAtTheFirst() throws IOException {
        DropFolderPoller poller = poller("K1*.csv");
        drop(folder, "K1_20240102.csv", "time;H", "2024-01-02T00:00:00Z;2");
        drop(folder, "K1_20240101.csv", "time;H", "2024-01-01T00:00:00Z;1");
        sink.setDown(true);

        poller.pollOnce();

        assertEquals(1, sink.refusedCalls());
        sink.setDown(false);
        poller.pollOnce();

        assertEquals(List.of(1.0, 2.0), sink.batches().stream().map(batch -> batch.get(0).value()).toList());
    }

    @Test
    void aFileThatCannotBeMovedStaysWithoutHoldingBackTheOthers() throws IOException {
        Files.writeString(folder.resolve("processed"), "a file where the folder should be");
        drop(folder, "K1_a.csv", "time;H", "2024-01-15T10:00:00Z;1.2");
        drop(folder, "K1_b.csv", "time;H", "2024-01-15T11:00:00Z;1.3", "oops");

        Health health = poller("K1*.csv").pollOnce();

        assertEquals(Health.Status.DEGRADED, health.status());
        assertTrue(health.message().startsWith("cannot move K1_a.csv to processed/ (it will be delivered again): "),
                health.message());
        assertEquals(NOW, health.lastActivity());
        assertEquals(List.of("K1_a.csv", "processed", "rejected"), names(folder));
        assertEquals(List.of("K1_b.csv", "K1_b.csv.errors.txt"), names(folder.resolve("rejected")));
    }

    @Test
    void filesStillBeingWrittenAndHiddenFilesAreLeftAlone() throws IOException {
        Files.writeString(folder.resolve("K1_g.csv.tmp"), "time;H\n");
        Files.writeString(folder.resolve("K1_h.csv.part"), "time;H\n");
        Files.writeString(folder.resolve(".K1_i.csv"), "time;H\n");
        Files.createDirectories(folder.resolve("K1_subfolder.csv"));
        drop(folder, "K1_j.csv", "time;H", "2024-01-15T10:00:00Z;1.2");

        poller("*").pollOnce();

        assertEquals(List.of(".K1_i.csv", "K1_g.csv.tmp", "K1_h.csv.part", "K1_subfolder.csv", "processed"),
                names(folder));
        assertEquals(List.of("K1_j.csv"), names(folder.resolve("processed")));
    }

    @Test
    void aFileDeliveredAgainNeverOverwritesEarlierCopiesOrReports() throws IOException {
        DropFolderPoller poller = poller("K1*.csv");
        for (int i = 0; i < 3; i++) {
            drop(folder, "K1_k.csv", "time;H", "2024-01-15T10:00:00Z;1.2", "oops");
            poller.pollOnce();
        }

        assertEquals(List.of("K1_k-2.csv", "K1_k-2.csv.errors.txt", "K1_k-3.csv", "K1_k-3.csv.errors.txt",
                "K1_k.csv", "K1_k.csv.errors.txt"), names(folder.resolve("rejected")));
        assertTrue(Files.readString(folder.resolve("rejected/K1_k-3.csv.errors.txt"))
                .startsWith("K1_k-3.csv: 0 observations stored, 1 duplicates, 1 lines rejected\n"));
    }

    @Test
    void numberedNamesKeepTheExtension() {
        assertEquals("K1.csv", NoOverwrite.numbered("K1.csv", 1));
        assertEquals("K1-2.csv", NoOverwrite.numbered("K1.csv", 2));
        assertEquals("K1.csv.errors-3.txt", NoOverwrite.numbered("K1.csv.errors.txt", 3));
        assertEquals("README-2", NoOverwrite.numbered("README", 2));
    }

    @Test
    void unreadableFolderMakesTheConnectorDown() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("file"), "");
        DropFolderPoller poller = new DropFolderPoller(notAFolder.resolve("inbox"),
                FileSystems.getDefault().getPathMatcher("glob:*"),
                new CsvObservationParser("K1", "csv", ZoneId.of("UTC")), sink, Clock.systemUTC(), () -> false);

        Health health = poller.pollOnce();

        assertEquals(Health.Status.DOWN, health.status());
        assertTrue(health.message().startsWith("cannot read folder " + notAFolder.resolve("inbox")),
                health.message());
    }
}
