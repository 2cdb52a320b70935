package org.vigie.connector.support.internal.dropfolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Moving and writing files in a folder without ever replacing one already there: a file delivered twice, or two
 * connector instances sharing a folder, get numbered names ({@code a.csv}, {@code a-2.csv}…) instead of losing the
 * earlier copy or report.
 */
public final class NoOverwrite {

    private NoOverwrite() {
    }

    /** @return where the file went: {@code directory/<its name>}, or the first free numbered name */
    static Path moveInto(Path directory, Path file) throws IOException {
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

    /** Writes {@code text} as {@code wanted}, or the first free numbered name beside it. */
    static void write(Path wanted, String text) throws IOException {
        String name = wanted.getFileName().toString();
        // written aside then renamed: whoever watches the folder never reads a half-written file
        Path partial = Files.createTempFile(wanted.getParent(), "." + name, ".part");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            for (int attempt = 1; ; attempt++) {
                try {
                    Files.move(partial, wanted.resolveSibling(numbered(name, attempt)));
                    return;
                } catch (FileAlreadyExistsException e) {
                    // keep the earlier one
                }
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** @return {@code name} on the first attempt, then e.g. {@code a.csv} → {@code a-2.csv}, {@code a-3.csv}… */
    public static String numbered(String name, int attempt) {
        if (attempt == 1) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return dot <= 0
                ? name + "-" + attempt
                : name.substring(0, dot) + "-" + attempt + name.substring(dot);
    }
}
