package org.vigie.hydrology.internal.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Readers for the airGR reference files of the shared data (found with {@link org.vigie.testing.SharedData}): the
 * hypsometric curve of a basin and comma-separated tables.
 */
public final class ReferenceFiles {

    private ReferenceFiles() {
    }

    /** The 101-point hypsometric curve [m] of a {@code *_BasinInfo.txt} file (the line after "HypsoData"). */
    public static double[] hypsometry(Path basinInfo) {
        try {
            List<String> lines = Files.readAllLines(basinInfo, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size() - 1; i++) {
                if (lines.get(i).startsWith("HypsoData")) {
                    return Arrays.stream(lines.get(i + 1).split(",")).mapToDouble(Double::parseDouble).toArray();
                }
            }
            throw new IllegalArgumentException("no HypsoData line in " + basinInfo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A comma-separated file with a header row; empty cells are read as NaN. */
    public static Table readCsv(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            String[] header = lines.get(0).split(",", -1);
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return new Table(Arrays.asList(header), rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Table {
        private final List<String> header;
        private final List<String[]> rows;

        Table(List<String> header, List<String[]> rows) {
            this.header = header;
            this.rows = rows;
        }

        public int size() {
            return rows.size();
        }

        public String[] text(String column) {
            int index = indexOf(column);
            return rows.stream().map(r -> r[index]).toArray(String[]::new);
        }

        public double[] numbers(String column) {
            int index = indexOf(column);
            return rows.stream().mapToDouble(r -> r[index].isEmpty() ? Double.NaN : Double.parseDouble(r[index]))
                    .toArray();
        }

        private int indexOf(String column) {
            int index = header.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + header);
            }
            return index;
        }
    }
}
