package org.vigie.model.arx.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the shared reference data beside the repository (never copied into it); skips the test when absent. */
public final class SharedData {

    private SharedData() {
    }

    public static Path file(String relative) {
        Path moduleDirectory = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path file = moduleDirectory.resolve("../../../shared/data").resolve(relative).normalize();
        assumeTrue(Files.isReadable(file), () -> "shared reference data not found at " + file
                + " (expected <X>/shared/data beside the repository <X>/main); test skipped");
        return file;
    }

    public static List<String> lines(String relative) {
        try {
            return Files.readAllLines(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
