package org.vigie.connector.support.internal.dropfolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.vigie.api.Health;

/**
 * What happens to the files of one drop folder whatever their format: which are ready, in which order they are
 * handled, and where a handled file goes ({@code processed/}, or {@code rejected/} with its
 * {@code <file>.errors.txt} report beside it).
 *
 * <p>A connector handles one file at a time and calls {@link #settle} only once the stores have committed the file's
 * content, so a store outage or a crash leaves the file in place to be delivered again (the stores are idempotent).
 *
 * <p>Not thread-safe: one connector's polling thread uses it.
 */
public final class DropFolderLifecycle {

    public static final String PROCESSED = "processed";
    public static final String REJECTED = "rejected";
    public static final String ERROR_REPORT_SUFFIX = ".errors.txt";

    /** Parses, delivers and {@linkplain DropFolderLifecycle#settle settles} one file of the folder. */
    @FunctionalInterface
    public interface FileHandler {
        /** @throws FileKeptException when the file has to stay for the next poll */
        void handle(Path file) throws FileKeptException;
    }

    /** What the health says besides the file that had to stay, e.g. totals since the connector started. */
    public interface Summary {
        /** Nothing besides: a clean poll shows an empty message. */
        Summary NONE = new Summary() {
            @Override
            public String upToDate() {
                return "";
            }

            @Override
            public String withProblem(String problem) {
                return problem;
            }
        };

        /** @return the message when every ready file was handled */
        String upToDate();

        /** @return the message when a file had to stay, given why */
        String withProblem(String problem);
    }

    private final Path folder;
    private final PathMatcher fileMatcher;
    private final Clock clock;
    private final BooleanSupplier stopRequested;
    private final Logger log;
    private Instant lastActivity;

    /**
     * @param stopRequested true once the connector is stopping: no further file is started
     * @param log           the connector's logger, for what cannot be shown in its health
     */
    public DropFolderLifecycle(Path folder, PathMatcher fileMatcher, Clock clock, BooleanSupplier stopRequested,
                               Logger log) {
        this.folder = folder;
        this.fileMatcher = fileMatcher;
        this.clock = clock;
        this.stopRequested = stopRequested;
        this.log = log;
    }

    /** {@link #pollOnce(FileHandler, Summary)} with nothing besides the file that had to stay. */
    public Health pollOnce(FileHandler handler) {
        return pollOnce(handler, Summary.NONE);
    }

    /**
     * Handles every ready file, oldest name first, until a store is unavailable or the connector stops.
     *
     * @return the health this look at the folder showed: DOWN when it cannot be read, DEGRADED naming the first file
     *         that had to stay, otherwise UP
     */
    public Health pollOnce(FileHandler handler, Summary summary) {
        List<Path> files;
        try {
            Files.createDirectories(folder);
            files = readyFiles();
        } catch (IOException | UncheckedIOException e) {
            return new Health(Health.Status.DOWN, "cannot read folder " + folder + ": " + e.getMessage(), lastActivity);
        }
        Optional<FileKeptException> firstKept = Optional.empty();
        for (Path file : files) {
            if (stopRequested.getAsBoolean()) {
                break;
            }
            try {
                handler.handle(file);
            } catch (FileKeptException kept) {
                if (firstKept.isEmpty()) {
                    firstKept = Optional.of(kept);
                }
                if (kept.storeUnavailable()) {
                    break;
                }
            }
        }
        return firstKept
                .map(kept -> new Health(Health.Status.DEGRADED, summary.withProblem(kept.getMessage()), lastActivity))
                .orElseGet(() -> new Health(Health.Status.UP, summary.upToDate(), lastActivity));
    }

    private List<Path> readyFiles() throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(this::isReady)
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        }
    }

    // Writers drop files with a rename; hidden, .tmp and .part names are files still being written.
    private boolean isReady(Path path) {
        String name = path.getFileName().toString();
        String lowerCase = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !lowerCase.endsWith(".tmp") && !lowerCase.endsWith(".part")
                && fileMatcher.matches(path.getFileName()) && Files.isRegularFile(path);
    }

    /**
     * Moves a file whose content the stores have committed to {@code processed/}, or to {@code rejected/} with its
     * error report beside it, and records the activity.
     *
     * @param report the text of a rejected file's report, given the name the file was moved under; not asked for a
     *               clean file
     * @return where the file now is
     * @throws FileKeptException when it cannot be moved: it stays, and will be delivered again
     */
    public Path settle(Path file, boolean clean, Function<String, String> report) throws FileKeptException {
        String destination = clean ? PROCESSED : REJECTED;
        Path moved;
        try {
            moved = NoOverwrite.moveInto(folder.resolve(destination), file);
        } catch (IOException e) {
            throw FileKeptException.notMoved(file.getFileName().toString(), destination, e);
        }
        if (!clean) {
            writeErrorReport(moved, report.apply(moved.getFileName().toString()));
        }
        lastActivity = clock.instant();
        return moved;
    }

    private void writeErrorReport(Path rejectedFile, String report) {
        try {
            NoOverwrite.write(rejectedFile.resolveSibling(rejectedFile.getFileName() + ERROR_REPORT_SUFFIX), report);
        } catch (IOException e) {
            // the file is already handled; the report only explains it, so the log carries it instead
            log.error("cannot write the error report of {}: {}\n{}", rejectedFile, FileKeptException.describe(e),
                    report);
        }
    }
}
