package org.vigie.connector.sandre.internal;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Sandre XML 1.1 samples of SCHAPI's libhydro in the shared data folder beside the repository. They carry no
 * licence: they are read there as a format reference and never copied into the repository. A test that needs them
 * is skipped, naming where they were looked for, when the folder is absent.
 */
final class SharedSamples {

    static final String FOLDER = "sandre-hydrometrie-xml-1.1-samples-libhydro";

    private SharedSamples() {
    }

    /** @return Maven's {@code basedir} (the module directory), else the working directory */
    static Path moduleDirectory() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /**
     * Looks from {@code start} upwards for {@code shared/data/<FOLDER>}: from the module directory
     * {@code <X>/main/bundles/<module>} it finds {@code <X>/shared/data}, the shared data beside the checkout.
     */
    static Optional<Path> folder(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data").resolve(FOLDER);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static byte[] bytes(String sample) {
        return bytes(moduleDirectory(), sample);
    }

    /** @throws org.opentest4j.TestAbortedException (the test is skipped) when the sample cannot be found */
    static byte[] bytes(Path start, String sample) {
        Optional<Path> folder = folder(start);
        assumeTrue(folder.isPresent(), () -> "shared Sandre samples not found: no shared/data/" + FOLDER + " in "
                + start + " or any parent (expected <X>/shared/data beside the repository <X>/main); test skipped");
        Path file = folder.get().resolve(sample);
        assumeTrue(Files.isRegularFile(file), () -> "shared Sandre sample " + file + " is absent; test skipped");
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
