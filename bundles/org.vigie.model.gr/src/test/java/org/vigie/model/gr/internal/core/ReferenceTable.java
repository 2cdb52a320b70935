package org.vigie.model.gr.internal.core;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A CSV of the shared data (airGR inputs or reference runs): a header, then one row per time step. */
final class ReferenceTable {

    /** The shared data live beside the checkout: {@code <X>/main/bundles/<module>} → {@code <X>/shared/data}. */
    static final Path SHARED = Path.of("../../../shared/data");

    final List<String> header;
    final List<String> times = new ArrayList<>();
    final List<double[]> rows = new ArrayList<>();

    private ReferenceTable(List<String> header) {
        this.header = header;
    }

    /** Reads a shared-data CSV, or skips the calling test when the shared data are not beside the checkout. */
    static ReferenceTable read(String relativePath) throws IOException {
        Path file = SHARED.resolve(relativePath);
        assumeTrue(Files.exists(file), "skipped: shared reference data not found at " + file.toAbsolutePath()
                + " (they are expected in ../shared beside the checkout)");
        List<String> lines = Files.readAllLines(file);
        ReferenceTable table = new ReferenceTable(Arrays.asList(lines.get(0).split(",", -1)));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            table.times.add(cells[0]);
            double[] row = new double[cells.length - 1];
            for (int i = 1; i < cells.length; i++) {
                row[i - 1] = cells[i].isEmpty() || cells[i].equals("NA") ? Double.NaN : Double.parseDouble(cells[i]);
            }
            table.rows.add(row);
        }
        return table;
    }

    double[] column(String name) {
        int c = header.indexOf(name);
        if (c < 1) {
            throw new IllegalArgumentException("no column " + name + " in " + header);
        }
        double[] values = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            values[r] = rows.get(r)[c - 1];
        }
        return values;
    }

    int indexOf(String time) {
        int i = times.indexOf(time);
        if (i < 0) {
            throw new IllegalArgumentException("no row " + time);
        }
        return i;
    }

    /** Time stamps as instants: daily files write dates, hourly files ISO-8601 instants. */
    Instant[] instants() {
        Instant[] instants = new Instant[times.size()];
        for (int i = 0; i < instants.length; i++) {
            String t = times.get(i);
            instants[i] = t.length() == 10 ? LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(t);
        }
        return instants;
    }
}
