package org.vigie.connector.sandre.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Test helpers acting as the writer that drops files, and as the operator looking at the folder. */
final class DropFolder {

    private DropFolder() {
    }

    /** Writes like a well-behaved producer: to a {@code .part} name first, then renamed in one step. */
    static Path drop(Path folder, String name, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Path partial = folder.resolve(name + ".part");
        Files.write(partial, content);
        return Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Drops a copy of one of this module's fixtures. */
    static Path dropFixture(Path folder, String fixture) throws IOException {
        return drop(folder, fixture, Fixtures.bytes(fixture));
    }

    static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }
}
