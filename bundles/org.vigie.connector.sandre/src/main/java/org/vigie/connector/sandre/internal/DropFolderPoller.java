package org.vigie.connector.sandre.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Forecast;
import org.vigie.api.Health;
import org.vigie.api.Observation;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.ForecastArchive;
import org.vigie.api.service.ObservationSink;
import org.vigie.connector.support.internal.dropfolder.DropFolderLifecycle;
import org.vigie.connector.support.internal.dropfolder.FileKeptException;

/**
 * One look at a drop folder: every matching file, oldest name first, is parsed, its observations delivered to the
 * sink and its forecasts to the archive, then it is moved to {@code processed/} or {@code rejected/}. A file is moved
 * only once both have committed, so a store outage or a crash leaves it in place to be delivered again (both stores
 * are idempotent).
 *
 * <p>Not thread-safe: one connector's polling thread uses it; {@link #stationCodes()} may be read from any thread.
 */
final class DropFolderPoller {

    private static final Logger LOG = LoggerFactory.getLogger(DropFolderPoller.class);

    private final DropFolderLifecycle dropFolder;
    private final SandreXmlParser parser;
    private final ObservationSink sink;
    private final ForecastArchive archive;
    private final Clock clock;
    private final NavigableSet<String> stationCodes = new ConcurrentSkipListSet<>();
    private final Totals totals = new Totals();

    /**
     * @param archive where forecasts go; null when no archive is available, in which case files holding forecasts
     *                wait in the folder (their observations too) until one is
     */
    DropFolderPoller(Path folder, PathMatcher fileMatcher, SandreXmlParser parser, ObservationSink sink,
                     ForecastArchive archive, Clock clock, BooleanSupplier stopRequested) {
        this.dropFolder = new DropFolderLifecycle(folder, fileMatcher, clock, stopRequested, LOG);
        this.parser = parser;
        this.sink = sink;
        this.archive = archive;
        this.clock = clock;
    }

    /** @return the health this look at the folder showed, with the totals since the poller was created */
    Health pollOnce() {
        return dropFolder.pollOnce(this::handle, totals);
    }

    /** @return the codes of the stations (and sites) whose values or forecasts have been delivered */
    List<String> stationCodes() {
        return List.copyOf(stationCodes);
    }

    private void handle(Path file) throws FileKeptException {
        String name = file.getFileName().toString();
        SandreParseResult parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = parser.parse(name, in, clock.instant());
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw FileKeptException.unreadable(file, e);
        }
        if (!parsed.forecasts().isEmpty() && archive == null) {
            throw new FileKeptException("no forecast archive available: " + name + " holds "
                    + parsed.forecasts().size() + " forecasts and waits for one");
        }

        AppendResult appended = deliver(file, parsed);
        int archived = archive(file, parsed);
        Outcome outcome = new Outcome(appended, archived, parsed.forecasts().size() - archived);
        parsed.observations().stream().map(Observation::stationCode).forEach(stationCodes::add);
        parsed.forecasts().stream().map(Forecast::stationCode).forEach(stationCodes::add);

        Path moved = dropFolder.settle(file, parsed.isClean(), movedName -> errorReport(movedName, parsed, outcome));
        totals.file(parsed);
        LOG.info("{}: {}{} -> {}/{}", name, summary(parsed, outcome),
                parsed.fileError().map(why -> " (" + why + ")").orElse(""), moved.getParent().getFileName(),
                moved.getFileName());
    }

    private AppendResult deliver(Path file, SandreParseResult parsed) throws FileKeptException {
        if (parsed.observations().isEmpty()) {
            return AppendResult.NONE;
        }
        try {
            AppendResult appended = sink.ingest(parsed.observations());
            totals.stored(appended);
            return appended;
        } catch (RuntimeException e) {
            LOG.debug("ingest of {} failed", file, e);
            throw FileKeptException.storeUnavailable("store", file.getFileName().toString(), e);
        }
    }

    /** @return how many forecasts the archive did not already hold */
    private int archive(Path file, SandreParseResult parsed) throws FileKeptException {
        int archived = 0;
        for (Forecast forecast : parsed.forecasts()) {
            try {
                if (archive.save(forecast)) {
                    archived++;
                    totals.archived();
                }
            } catch (RuntimeException e) {
                LOG.debug("archiving {} of {} failed", forecast, file, e);
                throw FileKeptException.storeUnavailable("forecast archive", file.getFileName().toString(), e);
            }
        }
        return archived;
    }

    /** What the stores did with one file's content. */
    record Outcome(AppendResult appended, int archived, int alreadyArchived) {
    }

    /** @return the text of {@code <file>.errors.txt}: a summary line, then one line per value not imported */
    static String errorReport(String fileName, SandreParseResult parsed, Outcome outcome) {
        StringBuilder report = new StringBuilder();
        report.append(fileName).append(": ").append(summary(parsed, outcome)).append('\n');
        parsed.fileError().ifPresent(why -> report.append(why).append('\n'));
        for (ValueError error : parsed.errors()) {
            report.append(error.describe()).append('\n');
        }
        return report.toString();
    }

    /** @return e.g. "12 observations stored, 0 duplicates, 1 forecasts archived, 0 already archived, 2 rejected" */
    static String summary(SandreParseResult parsed, Outcome outcome) {
        if (parsed.fileError().isPresent()) {
            return "file rejected, nothing stored";
        }
        return outcome.appended().stored() + " observations stored, " + outcome.appended().duplicates()
                + " duplicates, " + outcome.archived() + " forecasts archived, " + outcome.alreadyArchived()
                + " already archived, " + parsed.errors().size() + " not imported"
                + (parsed.otherStations() == 0 ? "" : ", " + parsed.otherStations() + " of other stations skipped");
    }

    /**
     * Counts since the poller was created, shown in the connector's health. What the stores committed counts at
     * once, even for a file that then waits (e.g. its forecasts could not be archived).
     */
    private static final class Totals implements DropFolderLifecycle.Summary {
        private long processed;
        private long rejected;
        private long stored;
        private long duplicates;
        private long archived;
        private long notImported;

        void stored(AppendResult appended) {
            stored += appended.stored();
            duplicates += appended.duplicates();
        }

        void archived() {
            archived++;
        }

        void file(SandreParseResult parsed) {
            if (parsed.isClean()) {
                processed++;
            } else {
                rejected++;
            }
            notImported += parsed.errors().size();
        }

        @Override
        public String upToDate() {
            if (processed + rejected + stored + duplicates + archived == 0) {
                return "";
            }
            return (processed + rejected) + " files (" + processed + " processed, " + rejected + " rejected): "
                    + stored + " observations stored, " + duplicates + " duplicates, " + archived
                    + " forecasts archived, " + notImported + " values not imported";
        }

        @Override
        public String withProblem(String problem) {
            String totals = upToDate();
            return totals.isEmpty() ? problem : problem + " — so far " + totals;
        }
    }
}
