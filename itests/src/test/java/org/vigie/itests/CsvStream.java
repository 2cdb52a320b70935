package org.vigie.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.function.IntFunction;

/**
 * A station delivering a steady stream of CSV files into a drop folder, for the tests that swap bundles under load:
 * file {@code n} holds {@code rows} minute values from {@code start + n·rows} minutes, each written whole then
 * renamed, as a connector expects.
 */
final class CsvStream {
    private final Path inbox;
    private final String station;
    private final String tag;
    private final Instant start;
    private final int rows;
    private final IntFunction<String> valueOfFile;

    /** @param valueOfFile the level of every value of file {@code n}, as written in the CSV */
    CsvStream(Path inbox, String station, String tag, Instant start, int rows, IntFunction<String> valueOfFile) {
        this.inbox = inbox;
        this.station = station;
        this.tag = tag;
        this.start = start;
        this.rows = rows;
        this.valueOfFile = valueOfFile;
    }

    void write(int n) {
        StringBuilder csv = new StringBuilder("time,H\n");
        for (int i = 0; i < rows; i++) {
            Instant t = start.plus(Duration.ofMinutes((long) n * rows + i));
            csv.append(t).append(',').append(valueOfFile.apply(n)).append('\n');
        }
        String name = String.format("%s_%s_%06d.csv", station, tag, n);
        try {
            Path partial = inbox.resolve(name + ".part");
            Files.writeString(partial, csv, StandardCharsets.UTF_8);
            Files.move(partial, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return how many CSV files wait in {@code folder} (the inbox, or its processed/ folder) */
    static long countCsv(Path folder) {
        try (var list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".csv")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
