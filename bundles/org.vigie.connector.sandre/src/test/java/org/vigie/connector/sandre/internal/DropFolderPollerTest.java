package org.vigie.connector.sandre.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.connector.sandre.internal.Fixtures.dropFixture;
import static org.vigie.testing.DropFolder.drop;
import static org.vigie.testing.DropFolder.names;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.api.Forecast;
import org.vigie.api.Health;
import org.vigie.api.Observation;
import org.vigie.api.service.AppendResult;
import org.vigie.connector.support.internal.dropfolder.NoOverwrite;
import org.vigie.testing.RecordingSink;

class DropFolderPollerTest {

    private static final Instant NOW = Fixtures.RECEIVED;

    @TempDir
    Path folder;

    private final RecordingSink sink = new RecordingSink();
    private final RecordingArchive archive = new RecordingArchive();

    private DropFolderPoller poller(RecordingArchive withArchive) {
        return new DropFolderPoller(folder, FileSystems.getDefault().getPathMatcher("glob:*.xml"), Fixtures.parser(),
                sink, withArchive, Clock.fixed(NOW, ZoneOffset.UTC), () -> false);
    }

    private DropFolderPoller poller() {
        return poller(archive);
    }

    @Test
    void observationsAreDeliveredInOneBatchThenTheFileIsMovedToProcessed() throws IOException {
        dropFixture(folder, "observations.xml");
        DropFolderPoller poller = poller();

        Health health = poller.pollOnce();

        assertEquals(new Health(Health.Status.UP, "1 files (1 processed, 0 rejected): 6 observations stored,"
                + " 0 duplicates, 0 forecasts archived, 0 values not imported", NOW), health);
        assertEquals(1, sink.batches().size());
        assertEquals(Fixtures.parseFixture("observations.xml").observations(), sink.batches().get(0));
        assertEquals(List.of("processed"), names(folder));
        assertEquals(List.of("observations.xml"), names(folder.resolve("processed")));
        assertEquals(List.of("K4350010", "K435001010", "K437311001"), poller.stationCodes());
    }

    @Test
    void forecastsGoToTheArchive() throws IOException {
        dropFixture(folder, "forecasts.xml");

        Health health = poller().pollOnce();

        assertEquals(Health.Status.UP, health.status());
        assertTrue(sink.batches().isEmpty(), "no observation, no ingest call");
        assertEquals(Fixtures.parseFixture("forecasts.xml").forecasts(), archive.runs());
        assertEquals(List.of("forecasts.xml"), names(folder.resolve("processed")));
    }

    @Test
    void aFileWithValuesThatCannotBeImportedGoesToRejectedWithAReportAndItsGoodValuesAreStored()
            throws IOException {
        dropFixture(folder, "bad-values.xml");

        poller().pollOnce();

        assertEquals(List.of(1.5, 1.54), sink.observations().stream().map(Observation::value).toList());
        assertEquals(1, archive.runs().size());
        assertEquals(List.of("bad-values.xml", "bad-values.xml.errors.txt"), names(folder.resolve("rejected")));
        List<String> report = Files.readAllLines(folder.resolve("rejected/bad-values.xml.errors.txt"));
        assertEquals("bad-values.xml: 2 observations stored, 0 duplicates, 1 forecasts archived, 0 already archived,"
                + " 12 not imported", report.get(0));
        assertEquals(Fixtures.parseFixture("bad-values.xml").errors().stream().map(ValueError::describe).toList(),
                report.subList(1, report.size()));
        assertEquals("line 33: ObsHydro of K435001010 (H): cannot parse ResObsHydro '1,53' as a number",
                report.get(4));
    }

    @Test
    void aMalformedFileIsRejectedWholeWithoutCallingTheStores() throws IOException {
        dropFixture(folder, "malformed.xml");

        Health health = poller().pollOnce();

        assertEquals(Health.Status.UP, health.status());
        assertTrue(sink.batches().isEmpty());
        List<String> report = Files.readAllLines(folder.resolve("rejected/malformed.xml.errors.txt"));
        assertEquals(2, report.size());
        assertEquals("malformed.xml: file rejected, nothing stored", report.get(0));
        assertTrue(report.get(1).startsWith("not well-formed XML at line 15, column "), report.get(1));
        assertEquals("1 files (0 processed, 1 rejected): 0 observations stored, 0 duplicates, 0 forecasts archived,"
                + " 0 values not imported", health.message());
    }

    @Test
    void storeOutageLeavesTheFileInPlaceUntilTheStoreRecovers() throws IOException {
        DropFolderPoller poller = poller();
        dropFixture(folder, "observations.xml");
        sink.setDown(true);

        Health whileDown = poller.pollOnce();

        assertEquals(Health.Status.DEGRADED, whileDown.status());
        assertEquals("store unavailable, observations.xml kept for the next attempt: database unreachable",
                whileDown.message());
        assertEquals(List.of("observations.xml"), names(folder));
        assertEquals(List.of(), poller.stationCodes());

        sink.setDown(false);
        Health recovered = poller.pollOnce();

        assertEquals(Health.Status.UP, recovered.status());
        assertEquals(6, sink.observations().size());
        assertEquals(List.of("observations.xml"), names(folder.resolve("processed")));
    }

    @Test
    void aFileIsMovedOnlyOnceItsObservationsAndItsForecastsAreBothCommitted() throws IOException {
        String observations = Fixtures.text("observations.xml");
        String simuls = Fixtures.text("forecasts.xml");
        String both = observations.replace("</Donnees>",
                simuls.substring(simuls.indexOf("<Simuls>"), simuls.indexOf("</Donnees>")) + "</Donnees>");
        drop(folder, "both.xml", both.getBytes(StandardCharsets.UTF_8));
        DropFolderPoller poller = poller();
        archive.setDown(true);

        Health whileDown = poller.pollOnce();

        assertEquals(Health.Status.DEGRADED, whileDown.status());
        assertEquals("forecast archive unavailable, both.xml kept for the next attempt: archive unreachable"
                + " — so far 0 files (0 processed, 0 rejected): 6 observations stored, 0 duplicates,"
                + " 0 forecasts archived, 0 values not imported", whileDown.message());
        assertEquals(List.of("both.xml"), names(folder));

        archive.setDown(false);
        Health recovered = poller.pollOnce();

        // the observations were committed before the archive failed: delivered again, they are duplicates
        assertEquals(new Health(Health.Status.UP, "1 files (1 processed, 0 rejected): 6 observations stored,"
                + " 6 duplicates, 2 forecasts archived, 0 values not imported", NOW), recovered);
        assertEquals(2, archive.runs().size());
        assertEquals(List.of("both.xml"), names(folder.resolve("processed")));
    }

    @Test
    void withoutAnArchiveForecastFilesWaitWhileObservationFilesAreImported() throws IOException {
        DropFolderPoller poller = poller(null);
        dropFixture(folder, "forecasts.xml");
        dropFixture(folder, "observations.xml");

        Health health = poller.pollOnce();

        assertEquals(Health.Status.DEGRADED, health.status());
        assertEquals("no forecast archive available: forecasts.xml holds 2 forecasts and waits for one — so far"
                + " 1 files (1 processed, 0 rejected): 6 observations stored, 0 duplicates, 0 forecasts archived,"
                + " 0 values not imported", health.message());
        assertEquals(List.of("forecasts.xml", "processed"), names(folder));
        assertEquals(List.of("observations.xml"), names(folder.resolve("processed")));
        assertEquals(1, sink.batches().size());
    }

    @Test
    void filesAreHandledInNameOrderAndAnOutageStopsAtTheFirst() throws IOException {
        DropFolderPoller poller = poller();
        dropFixture(folder, "observations.xml");
        dropFixture(folder, "elaborated.xml");
        sink.setDown(true);

        poller.pollOnce();

        assertEquals(1, sink.refusedCalls());
        sink.setDown(false);
        poller.pollOnce();

        assertEquals(List.of("sandre:QmJ", "sandre"), sink.batches().stream()
                .map(batch -> batch.get(0).provenance().source()).toList());
    }

    @Test
    void deliveringAFileAgainYieldsDuplicatesAndANumberedCopy() throws IOException {
        DropFolderPoller poller = poller();
        dropFixture(folder, "forecasts.xml");
        poller.pollOnce();
        dropFixture(folder, "forecasts.xml");
        dropFixture(folder, "meteo.xml");
        poller.pollOnce();
        dropFixture(folder, "meteo.xml");

        Health health = poller.pollOnce();

        assertEquals(List.of("forecasts-2.xml", "forecasts.xml"), names(folder.resolve("processed")));
        assertEquals(List.of("meteo-2.xml", "meteo-2.xml.errors.txt", "meteo.xml", "meteo.xml.errors.txt"),
                names(folder.resolve("rejected")));
        assertEquals("meteo-2.xml: 0 observations stored, 3 duplicates, 0 forecasts archived, 0 already archived,"
                + " 1 not imported", Files.readAllLines(folder.resolve("rejected/meteo-2.xml.errors.txt")).get(0));
        assertEquals(2, archive.runs().size());
        assertEquals("4 files (2 processed, 2 rejected): 3 observations stored, 3 duplicates, 2 forecasts archived,"
                + " 2 values not imported", health.message());
    }

    @Test
    void filesStillBeingWrittenHiddenFilesAndOtherNamesAreLeftAlone() throws IOException {
        Files.write(folder.resolve("a.xml.tmp"), Fixtures.bytes("observations.xml"));
        Files.write(folder.resolve("b.xml.part"), Fixtures.bytes("observations.xml"));
        Files.write(folder.resolve(".c.xml"), Fixtures.bytes("observations.xml"));
        Files.write(folder.resolve("d.csv"), Fixtures.bytes("observations.xml"));
        Files.createDirectories(folder.resolve("e.xml"));
        dropFixture(folder, "observations.xml");

        poller().pollOnce();

        assertEquals(List.of(".c.xml", "a.xml.tmp", "b.xml.part", "d.csv", "e.xml", "processed"), names(folder));
    }

    @Test
    void anUnreadableFolderMakesTheConnectorDown() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("file"), "");
        DropFolderPoller poller = new DropFolderPoller(notAFolder.resolve("inbox"),
                FileSystems.getDefault().getPathMatcher("glob:*"), Fixtures.parser(), sink, archive,
                Clock.systemUTC(), () -> false);

        Health health = poller.pollOnce();

        assertEquals(Health.Status.DOWN, health.status());
        assertTrue(health.message().startsWith("cannot read folder " + notAFolder.resolve("inbox")),
                health.message());
    }

    @Test
    void theSummaryNamesWhatWasSkippedByTheStationFilter() {
        SandreParseResult filtered = new SandreParseResult(List.of(), List.<Forecast>of(), List.of(), 5,
                Optional.empty());

        assertEquals("0 observations stored, 0 duplicates, 0 forecasts archived, 0 already archived, 0 not imported,"
                + " 5 of other stations skipped", DropFolderPoller.summary(filtered,
                new DropFolderPoller.Outcome(AppendResult.NONE, 0, 0)));
    }

    @Test
    void numberedNamesKeepTheExtension() {
        assertEquals("a.xml", NoOverwrite.numbered("a.xml", 1));
        assertEquals("a-2.xml", NoOverwrite.numbered("a.xml", 2));
        assertEquals("a.xml.errors-3.txt", NoOverwrite.numbered("a.xml.errors.txt", 3));
    }
}
