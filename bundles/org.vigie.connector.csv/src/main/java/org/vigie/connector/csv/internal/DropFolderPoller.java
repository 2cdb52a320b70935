package org.vigie.connector.csv.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Health;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.ObservationSink;
import org.vigie.connector.support.internal.dropfolder.DropFolderLifecycle;
import org.vigie.connector.support.internal.dropfolder.FileKeptException;

/**
 * One look at a drop folder: every matching file, oldest name first, is parsed, delivered, then moved to
 * {@code processed/} or {@code rejected/}. A file is moved only once the sink has committed its observations, so a
 * store outage or a crash leaves it in place to be delivered again (the store is idempotent).
 *
 * <p>Not thread-safe: one connector's polling thread uses it.
 */
final class DropFolderPoller {

    private static final Logger LOG = LoggerFactory.getLogger(DropFolderPoller.class);

    private final DropFolderLifecycle dropFolder;
    private final CsvObservationParser parser;
    private final ObservationSink sink;
    private final Clock clock;

    DropFolderPoller(Path folder, PathMatcher fileMatcher, CsvObservationParser parser, ObservationSink sink,
                     Clock clock, BooleanSupplier stopRequested) {
        this.dropFolder = new DropFolderLifecycle(folder, fileMatcher, clock, stopRequested, LOG);
        this.parser = parser;
        this.sink = sink;
        this.clock = clock;
    }

    /** @return the health this look at the folder showed */
    Health pollOnce() {
        return dropFolder.pollOnce(this::handle);
    }

    private void handle(Path file) throws FileKeptException {
        String name = file.getFileName().toString();
        List<String> lines;
        try {
            // invalid UTF-8 (e.g. an accent in a Latin-1 comment) becomes U+FFFD instead of refusing the file
            lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw FileKeptException.unreadable(file, e);
        }
        CsvParseResult parsed = parser.parse(name, lines, clock.instant());
        AppendResult appended = deliver(file, parsed);
        Path moved = dropFolder.settle(file, parsed.isClean(), movedName -> errorReport(movedName, parsed, appended));
        LOG.info("{}: {} observations stored, {} duplicates, {} lines rejected{} -> {}/{}", name, appended.stored(),
                appended.duplicates(), parsed.lineErrors().size(),
                parsed.fileError().map(why -> ", file rejected (" + why + ")").orElse(""),
                moved.getParent().getFileName(), moved.getFileName());
    }

    private AppendResult deliver(Path file, CsvParseResult parsed) throws FileKeptException {
        if (parsed.observations().isEmpty()) {
            return AppendResult.NONE;
        }
        try {
            return sink.ingest(parsed.observations());
        } catch (RuntimeException e) {
            LOG.debug("ingest of {} failed", file, e);
            throw FileKeptException.storeUnavailable("store", file.getFileName().toString(), e);
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
}
