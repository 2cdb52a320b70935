package org.vigie.connector.support.internal.dropfolder;

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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.vigie.api.Health;

/** The lifecycle with a handler that knows no format: a file's first line says what to do with it. */
class DropFolderLifecycleTest {

    private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");

    @TempDir
    Path folder;

    private final List<String> handled = new ArrayList<>();

    private DropFolderLifecycle lifecycle() {
        return new DropFolderLifecycle(folder, FileSystems.getDefault().getPathMatcher("glob:*.txt"),
                Clock.fixed(NOW, ZoneOffset.UTC), () -> false, LoggerFactory.getLogger(getClass()));
    }

    private DropFolderLifecycle.FileHandler handler(DropFolderLifecycle lifecycle) {
        return file -> {
            String name = file.getFileName().toString();
            handled.add(name);
            switch (firstLine(file)) {
                case "store down" -> throw FileKeptException.storeUnavailable("store", name,
                        new IllegalStateException("database unreachable"));
                case "wait" -> throw new FileKeptException(name + " waits");
                case "bad" -> lifecycle.settle(file, false, movedName -> movedName + ": 1 rejected\n");
                default -> lifecycle.settle(file, true, movedName -> {
                    throw new AssertionError("no report for a clean file");
                });
            }
        };
    }

    private static String firstLine(Path file) throws FileKeptException {
        try {
            return Files.readAllLines(file).get(0);
        } catch (IOException e) {
            throw FileKeptException.unreadable(file, e);
        }
    }

    @Test
    void readyFilesAreHandledInNameOrderAndFilesBeingWrittenAreLeftAlone() throws IOException {
        drop(folder, "b.txt", "ok");
        drop(folder, "a.txt", "ok");
        Files.writeString(folder.resolve("c.txt.part"), "ok");
        Files.writeString(folder.resolve("d.TMP"), "ok");
        Files.writeString(folder.resolve(".e.txt"), "ok");
        Files.writeString(folder.resolve("f.csv"), "ok");
        Files.createDirectories(folder.resolve("g.txt"));
        DropFolderLifecycle lifecycle = lifecycle();

        Health health = lifecycle.pollOnce(handler(lifecycle));

        assertEquals(Health.up(NOW), health);
        assertEquals(List.of("a.txt", "b.txt"), handled);
        assertEquals(List.of("a.txt", "b.txt"), names(folder.resolve(DropFolderLifecycle.PROCESSED)));
    }

    @Test
    void aFileThatWaitsDoesNotHoldBackTheOthersButAStoreOutageStopsThePoll() throws IOException {
        drop(folder, "a.txt", "wait");
        drop(folder, "b.txt", "ok");
        drop(folder, "c.txt", "store down");
        drop(folder, "d.txt", "ok");
        DropFolderLifecycle lifecycle = lifecycle();

        Health health = lifecycle.pollOnce(handler(lifecycle), new DropFolderLifecycle.Summary() {
            @Override
            public String upToDate() {
                return "all done";
            }

            @Override
            public String withProblem(String problem) {
                return problem + " (so far 1 file)";
            }
        });

        assertEquals(new Health(Health.Status.DEGRADED, "a.txt waits (so far 1 file)", NOW), health);
        assertEquals(List.of("a.txt", "b.txt", "c.txt"), handled);
        assertEquals(List.of("a.txt", "c.txt", "d.txt", "processed"), names(folder));
    }

    @Test
    void aStoreOutageNamesTheFileKeptAndShowsNoActivity() throws IOException {
        drop(folder, "a.txt", "store down");
        DropFolderLifecycle lifecycle = lifecycle();

        Health health = lifecycle.pollOnce(handler(lifecycle));

        assertEquals(new Health(Health.Status.DEGRADED,
                "store unavailable, a.txt kept for the next attempt: database unreachable", null), health);
    }

    @Test
    void aRejectedFileGetsItsReportUnderTheNameItWasMovedUnder() throws IOException {
        DropFolderLifecycle lifecycle = lifecycle();
        for (int i = 0; i < 2; i++) {
            drop(folder, "a.txt", "bad");
            lifecycle.pollOnce(handler(lifecycle));
        }

        Path rejected = folder.resolve(DropFolderLifecycle.REJECTED);
        assertEquals(List.of("a-2.txt", "a-2.txt.errors.txt", "a.txt", "a.txt.errors.txt"), names(rejected));
        assertEquals("a-2.txt: 1 rejected\n", Files.readString(rejected.resolve("a-2.txt.errors.txt")));
    }

    @Test
    void aFileThatCannotBeMovedStays() throws IOException {
        Files.writeString(folder.resolve(DropFolderLifecycle.PROCESSED), "a file where the folder should be");
        drop(folder, "a.txt", "ok");
        DropFolderLifecycle lifecycle = lifecycle();

        Health health = lifecycle.pollOnce(handler(lifecycle));

        assertEquals(Health.Status.DEGRADED, health.status());
        assertTrue(health.message().startsWith("cannot move a.txt to processed/ (it will be delivered again): "),
                health.message());
        assertEquals(List.of("a.txt", "processed"), names(folder));
    }

    @Test
    void anUnreadableFolderShowsDown() throws IOException {
        Path notAFolder = Files.writeString(folder.resolve("file"), "");
        DropFolderLifecycle lifecycle = new DropFolderLifecycle(notAFolder.resolve("inbox"),
                FileSystems.getDefault().getPathMatcher("glob:*"), Clock.systemUTC(), () -> false,
                LoggerFactory.getLogger(getClass()));

        Health health = lifecycle.pollOnce(handler(lifecycle));

        assertEquals(Health.Status.DOWN, health.status());
        assertTrue(health.message().startsWith("cannot read folder " + notAFolder.resolve("inbox")),
                health.message());
    }

    @Test
    void numberedNamesKeepTheExtension() {
        assertEquals("a.txt", NoOverwrite.numbered("a.txt", 1));
        assertEquals("a-2.txt", NoOverwrite.numbered("a.txt", 2));
        assertEquals("a.txt.errors-3.txt", NoOverwrite.numbered("a.txt.errors.txt", 3));
        assertEquals("README-2", NoOverwrite.numbered("README", 2));
        assertEquals(".profile-2", NoOverwrite.numbered(".profile", 2));
    }
}
