package org.vigie.connector.sandre.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Forecast;
import org.vigie.api.Health;
import org.vigie.api.Observation;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.ForecastArchive;
import org.vigie.api.service.ObservationSink;

/**
 * One look at a drop folder: every matching file, oldest name first, is parsed, its observations delivered to the
 * sink and its forecasts to the archive, then it is moved to {@code processed/} or {@code rejected/}. A file is moved
 * only once both have committed, so a store outage or a crash leaves it in place to be delivered again (both stores
 * are idempotent).
 *
 * <p>Not thread-safe: one connector's polling thread uses it; {@link #stationCodes()} may be read from any thread.
 */
final class DropFolderPoller {

    static final String PROCESSED = "processed";
    static final String REJECTED = "rejected";
    static final String ERROR_REPORT_SUFFIX = ".errors.txt";

    private static final Logger LOG = LoggerFactory.getLogger(DropFolderPoller.class);

    private final Path folder;
    private final PathMatcher fileMatcher;
    private final SandreXmlParser parser;
    private final ObservationSink sink;
    private final ForecastArchive archive;
    private final Clock clock;
    private final BooleanSupplier stopRequested;
    private final NavigableSet<String> stationCodes = new ConcurrentSkipListSet<>();
    private final Totals totals = new Totals();
    private Instant lastActivity;

    /**
     * @param archive where forecasts go; null when no archive is available, in which case files holding forecasts
     *                wait in the folder (their observations too) until one is
     */
    DropFolderPoller(Path folder, PathMatcher fileMatcher, SandreXmlParser parser, ObservationSink sink,
                     ForecastArchive archive, Clock clock, BooleanSupplier stopRequested) {
        this.folder = folder;
        this.fileMatcher = fileMatcher;
        this.parser = parser;
        this.sink = sink;
        this.archive = archive;
        this.clock = clock;
        this.stopRequested = stopRequested;
    }

    /** @return the health this look at the folder showed, with the totals since the poller was created */
    Health pollOnce() {
        List<Path> files;
        try {
            Files.createDirectories(folder);
            files = candidates();
        } catch (IOException | UncheckedIOException e) {
            return new Health(Health.Status.DOWN, "cannot read folder " + folder + ": " + e.getMessage(), lastActivity);
        }
        Optional<Problem> firstProblem = Optional.empty();
        for (Path file : files) {
            if (stopRequested.getAsBoolean()) {
                break;
            }
            Optional<Problem> problem = handle(file);
            if (firstProblem.isEmpty()) {
                firstProblem = problem;
            }
            if (problem.isPresent() && problem.get().storeUnavailable()) {
                // the next files would fail alike; waiting also keeps them delivered in name order
                break;
            }
        }
        return firstProblem
                .map(problem -> new Health(Health.Status.DEGRADED, totals.after(problem.message()), lastActivity))
                .orElseGet(() -> new Health(Health.Status.UP, totals.describe(), lastActivity));
    }

    /** @return the codes of the stations (and sites) whose values or forecasts have been delivered */
    List<String> stationCodes() {
        return List.copyOf(stationCodes);
    }

    /** Why a file had to stay where it is; it is tried again at the next poll. */
    private record Problem(String message, boolean storeUnavailable) {
    }

    private List<Path> candidates() throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(this::isCandidate)
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        }
    }

    // Writers drop files with a rename; hidden, .tmp and .part names are files still being written.
    private boolean isCandidate(Path path) {
        String name = path.getFileName().toString();
        String lowerCase = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !lowerCase.endsWith(".tmp") && !lowerCase.endsWith(".part")
                && fileMatcher.matches(path.getFileName()) && Files.isRegularFile(path);
    }

    /** @return why the file had to stay where it is, or empty once it has been handled */
    private Optional<Problem> handle(Path file) {
        String name = file.getFileName().toString();
        SandreParseResult parsed;
        try (InputStream in = Files.newInputStream(file)) {
            parsed = parser.parse(name, in, clock.instant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new Problem("cannot read " + file + ": " + describe(e), false));
        }
        if (!parsed.forecasts().isEmpty() && archive == null) {
            return Optional.of(new Problem("no forecast archive available: " + name + " holds "
                    + parsed.forecasts().size() + " forecasts and waits for one", false));
        }

        AppendResult appended = AppendResult.NONE;
        if (!parsed.observations().isEmpty()) {
            try {
                appended = sink.ingest(parsed.observations());
                totals.stored(appended);
            } catch (RuntimeException e) {
                LOG.debug("ingest of {} failed", file, e);
                return Optional.of(new Problem(
                        "store unavailable, " + name + " kept for the next attempt: " + describe(e), true));
            }
        }
        int archived = 0;
        for (Forecast forecast : parsed.forecasts()) {
            try {
                if (archive.save(forecast)) {
                    archived++;
                    totals.archived();
                }
            } catch (RuntimeException e) {
                LOG.debug("archiving {} of {} failed", forecast, file, e);
                return Optional.of(new Problem(
                        "forecast archive unavailable, " + name + " kept for the next attempt: " + describe(e), true));
            }
        }
        Outcome outcome = new Outcome(appended, archived, parsed.forecasts().size() - archived);
        parsed.observations().stream().map(Observation::stationCode).forEach(stationCodes::add);
        parsed.forecasts().stream().map(Forecast::stationCode).forEach(stationCodes::add);

        String destination = parsed.isClean() ? PROCESSED : REJECTED;
        Path moved;
        try {
            moved = moveWithoutOverwriting(file, folder.resolve(destination));
        } catch (IOException e) {
            return Optional.of(new Problem("cannot move " + name + " to " + destination
                    + "/ (it will be delivered again): " + describe(e), false));
        }
        if (!parsed.isClean()) {
            writeErrorReport(moved, parsed, outcome);
        }
        totals.file(parsed);
        lastActivity = clock.instant();
        LOG.info("{}: {}{} -> {}/{}", name, summary(parsed, outcome),
                parsed.fileError().map(why -> " (" + why + ")").orElse(""), destination, moved.getFileName());
        return Optional.empty();
    }

    /** What the stores did with one file's content. */
    record Outcome(AppendResult appended, int archived, int alreadyArchived) {
    }

    private void writeErrorReport(Path rejectedFile, SandreParseResult parsed, Outcome outcome) {
        String report = errorReport(rejectedFile.getFileName().toString(), parsed, outcome);
        try {
            writeWithoutOverwriting(rejectedFile.resolveSibling(rejectedFile.getFileName() + ERROR_REPORT_SUFFIX),
                    report);
        } catch (IOException e) {
            // the file is already handled; the report only explains it, so the log carries it instead
            LOG.error("cannot write the error report of {}: {}\n{}", rejectedFile, describe(e), report);
        }
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
    private static final class Totals {
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

        String describe() {
            if (processed + rejected + stored + duplicates + archived == 0) {
                return "";
            }
            return (processed + rejected) + " files (" + processed + " processed, " + rejected + " rejected): "
                    + stored + " observations stored, " + duplicates + " duplicates, " + archived
                    + " forecasts archived, " + notImported + " values not imported";
        }

        String after(String problem) {
            String totals = describe();
            return totals.isEmpty() ? problem : problem + " — so far " + totals;
        }
    }

    private static Path moveWithoutOverwriting(Path file, Path directory) throws IOException {
        Files.createDirectories(directory);
        String name = file.getFileName().toString();
        for (int attempt = 1; ; attempt++) {
            Path target = directory.resolve(numbered(name, attempt));
            if (Files.exists(target)) {
                continue;
            }
            try {
                // without ATOMIC_MOVE, which may replace an existing target, this fails instead of overwriting
                return Files.move(file, target);
            } catch (FileAlreadyExistsException e) {
                // another connector instance sharing the folder took the name in between: try the next one
            }
        }
    }

    private static void writeWithoutOverwriting(Path wanted, String text) throws IOException {
        String name = wanted.getFileName().toString();
        // written aside then renamed: whoever watches the folder never reads a half-written report
        Path partial = Files.createTempFile(wanted.getParent(), "." + name, ".part");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            for (int attempt = 1; ; attempt++) {
                try {
                    Files.move(partial, wanted.resolveSibling(numbered(name, attempt)));
                    return;
                } catch (FileAlreadyExistsException e) {
                    // keep the earlier report
                }
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** @return {@code name} on the first attempt, then e.g. {@code a.xml} → {@code a-2.xml}, {@code a-3.xml}… */
    static String numbered(String name, int attempt) {
        if (attempt == 1) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return dot <= 0
                ? name + "-" + attempt
                : name.substring(0, dot) + "-" + attempt + name.substring(dot);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
