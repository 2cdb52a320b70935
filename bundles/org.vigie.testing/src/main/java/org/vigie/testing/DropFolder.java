package org.vigie.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers acting as the writer that drops files, and as the operator looking at the folder. */
public final class DropFolder {

    private DropFolder() {
    }

    /** Writes like a well-behaved producer: to a {@code .part} name first, then renamed in one step. */
    public static Path drop(Path folder, String name, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Path partial = folder.resolve(name + ".part");
        Files.write(partial, content);
        return Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@link #drop(Path, String, byte[])} of text lines, each ended by a newline, in UTF-8. */
    public static Path drop(Path folder, String name, String... lines) throws IOException {
        return drop(folder, name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** @return the names in the folder, sorted; none when it does not exist */
    public static List<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
