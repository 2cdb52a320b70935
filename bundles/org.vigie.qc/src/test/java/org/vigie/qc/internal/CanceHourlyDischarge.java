package org.vigie.qc.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.vigie.testing.SharedData;

/**
 * The real hourly discharge of the Cance (shared data beside the repository, never copied into it). Tests using it
 * are skipped, naming the missing path, when the shared data are absent.
 */
record CanceHourlyDischarge(String gauge, Instant[] times, double[] values) {

    static final String FILE = "cance-hourly-rainfall-runoff-smash/Cance_hourly_2014-09-15_2015-01-15.csv";

    /** Column {@code Q_m3s_<gauge>} of the derived hourly file; an empty cell (missing) is read as NaN. */
    static CanceHourlyDischarge load(String gauge) {
        Path file = SharedData.file(FILE);
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            int column = List.of(lines.get(0).split(",", -1)).indexOf("Q_m3s_" + gauge);
            if (column < 0) {
                throw new IllegalArgumentException("no discharge column for gauge " + gauge + " in " + file);
            }
            List<String[]> rows = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank())
                    .map(l -> l.split(",", -1)).toList();
            Instant[] times = new Instant[rows.size()];
            double[] values = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                times[i] = LocalDateTime.parse(rows.get(i)[0]).toInstant(ZoneOffset.UTC);
                String cell = rows.get(i)[column];
                values[i] = cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
            }
            return new CanceHourlyDischarge(gauge, times, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
