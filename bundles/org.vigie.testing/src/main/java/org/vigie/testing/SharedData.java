package org.vigie.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Access to the shared reference data that lives beside the repository ({@code <X>/shared/data} next to
 * {@code <X>/main}), never copied into it. A test that needs a file absent there is skipped, with the missing path in
 * the message.
 */
public final class SharedData {

    private SharedData() {
    }

    /**
     * The path of a shared data file, resolved from the module directory (the {@code basedir} system property, else
     * the working directory) as {@code ../../../shared/data/<relative>}; an aborted (skipped) test when the file is
     * not readable.
     */
    public static Path file(String relative) {
        Path moduleDirectory = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path file = moduleDirectory.resolve("../../../shared/data").resolve(relative).normalize();
        assumeTrue(Files.isReadable(file), () -> "shared reference data not found at " + file
                + " (expected <X>/shared/data beside the repository <X>/main); test skipped");
        return file;
    }

    /** The lines of a shared data file (UTF-8), or an aborted (skipped) test when the file is not available. */
    public static List<String> lines(String relative) {
        try {
            return Files.readAllLines(file(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
