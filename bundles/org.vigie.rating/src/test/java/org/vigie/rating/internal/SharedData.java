package org.vigie.rating.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared reference data beside the repository (never copied into it); skips the test when absent. */
final class SharedData {

    private SharedData() {
    }

    static Path file(String relative) {
        Path moduleDirectory = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path file = moduleDirectory.resolve("../../../shared/data").resolve(relative).normalize();
        assumeTrue(Files.isReadable(file), () -> "shared reference data not found at " + file
                + " (expected <X>/shared/data beside the repository <X>/main); test skipped");
        return file;
    }
}
