package org.vigie.cap.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.vigie.testing.SharedData;

/** The shared CAP 1.2 reference data ({@code ../shared/data/cap-1.2}), read in place; tests skip when absent. */
final class CapSharedData {

    static final String DIRECTORY = "cap-1.2/";

    private CapSharedData() {
    }

    /** @return a validator of the official schema, or a skipped test naming the missing path */
    static CapValidator validator() {
        try {
            return CapValidator.of(SharedData.file(DIRECTORY + "CAP-v1.2.xsd"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the files of one folder, sorted, or a skipped test naming the missing path */
    static List<Path> files(String folder) {
        try (Stream<Path> files = Files.list(SharedData.file(DIRECTORY + folder))) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path file(String relative) {
        return SharedData.file(DIRECTORY + relative);
    }
}
