package org.vigie.connector.csv.internal;

import java.io.IOException;
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
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Health;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.ObservationSink;

/**
 * One look at a drop folder: every matching file, oldest name first, is parsed, delivered, then moved to
 * {@code processed/} or {@code rejected/}. A file is moved only once the sink has committed its observations, so a
 * store outage or a crash leaves it in place to be delivered again (the store is idempotent).
 *
 * <p>Not thread-safe: one connector's polling thread uses it.
 */
final class DropFolderPoller {

    static final String PROCESSED = "processed";
    static final String REJECTED = "rejected";
    static final String ERROR_REPORT_SUFFIX = ".errors.txt";

    private static final Logger LOG = LoggerFactory.getLogger(DropFolderPoller.class);

    private final Path folder;
    private final PathMatcher fileMatcher;
    private final CsvObservationParser parser;
    private final ObservationSink sink;
    private final Clock clock;
    private final BooleanSupplier stopRequested;
    private Instant lastActivity;

    DropFolderPoller(Path folder, PathMatcher fileMatcher, CsvObservationParser parser, ObservationSink sink,
                     Clock clock, BooleanSupplier stopRequested) {
        this.folder = folder;
        this.fileMatcher = fileMatcher;
        this.parser = parser;
        this.sink = sink;
        this.clock = clock;
        this.stopRequested = stopRequested;
    }

    /** @return the health this look at the folder showed */
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
                .map(problem -> new Health(Health.Status.DEGRADED, problem.message(), lastActivity))
                .orElseGet(() -> new Health(Health.Status.UP, "", lastActivity));
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
        List<String> lines;
        try {
            // invalid UTF-8 (e.g. an accent in a Latin-1 comment) becomes U+FFFD instead of refusing the file
            lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(new Problem("cannot read " + file + ": " + describe(e), false));
        }
        CsvParseResult parsed = parser.parse(name, lines, clock.instant());

        AppendResult appended = AppendResult.NONE;
        if (!parsed.observations().isEmpty()) {
            try {
                appended = sink.ingest(parsed.observations());
            } catch (RuntimeException e) {
                LOG.debug("ingest of {} failed", file, e);
                return Optional.of(new Problem(
                        "store unavailable, " + name + " kept for the next attempt: " + describe(e), true));
            }
        }

        String outcome = parsed.isClean() ? PROCESSED : REJECTED;
        Path moved;
        try {
            moved = moveWithoutOverwriting(file, folder.resolve(outcome));
        } catch (IOException e) {
            return Optional.of(new Problem("cannot move " + name + " to " + outcome
                    + "/ (it will be delivered again): " + describe(e), false));
        }
        if (!parsed.isClean()) {
            writeErrorReport(moved, parsed, appended);
        }
        lastActivity = clock.instant();
        LOG.info("{}: {} observations stored, {} duplicates, {} lines rejected{} -> {}/{}", name, appended.stored(),
                appended.duplicates(), parsed.lineErrors().size(),
                parsed.fileError().map(why -> ", file rejected (" + why + ")").orElse(""),
                outcome, moved.getFileName());
        return Optional.empty();
    }

    private void writeErrorReport(Path rejectedFile, CsvParseResult parsed, AppendResult appended) {
        String report = errorReport(rejectedFile.getFileName().toString(), parsed, appended);
        try {
            writeWithoutOverwriting(rejectedFile.resolveSibling(rejectedFile.getFileName() + ERROR_REPORT_SUFFIX),
                    report);
        } catch (IOException e) {
            // the file is already handled; the report only explains it, so the log carries it instead
            LOG.error("cannot write the error report of {}: {}\n{}", rejectedFile, describe(e), report);
        }
    }

    /** @return the text of {@code <file>.errors.txt}: a summary line, then each refused line and its text */
    static String errorReport(String fileName, CsvParseResult parsed, AppendResult appended) {
        StringBuilder report = new StringBuilder();
        report.append(fileName).append(": ");
        parsed.fileError().ifPresentOrElse(
                why -> report.append("file rejected, nothing stored\n").append(why).append('\n'),
                () -> report.append(appended.stored()).append(" observations stored, ")
                        .append(appended.duplicates()).append(" duplicates, ")
                        .append(parsed.lineErrors().size()).append(" lines rejected\n"));
        for (LineError error : parsed.lineErrors()) {
            report.append(error.describe()).append('\n')
                    .append("    ").append(error.lineText()).append('\n');
        }
        return report.toString();
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

    /** @return {@code name} on the first attempt, then e.g. {@code a.csv} → {@code a-2.csv}, {@code a-3.csv}… */
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
