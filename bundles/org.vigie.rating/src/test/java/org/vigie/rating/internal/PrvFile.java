package org.vigie.rating.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Vigicrues/EXPRESSO {@code .prv} forecast file (semicolon-separated, UTC, Q in m³/s, H in m) and pairs each
 * Q column with the H column of the same series id (trend), row by row.
 */
final class PrvFile {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    /** One Q/H pair of the same trend at the same time. */
    record Pair(Instant time, String series, String dischargeStation, String levelStation, Gauging gauging) {
    }

    private PrvFile() {
    }

    static List<Pair> pairs(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] stations = null;
        String[] quantities = null;
        String[] series = null;
        List<Pair> pairs = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split(";", -1);
            switch (cells[0]) {
                case "Stations" -> stations = cells;
                case "Grandeurs" -> quantities = cells;
                case "IdSeries" -> series = cells;
                default -> {
                    if (stations == null || quantities == null || series == null) {
                        throw new IllegalArgumentException("data row before the header rows in " + file);
                    }
                    Instant time = LocalDateTime.parse(cells[0], TIME).toInstant(ZoneOffset.UTC);
                    for (int q = 1; q < cells.length; q++) {
                        if (!quantities[q].equals("Q")) {
                            continue;
                        }
                        for (int h = 1; h < cells.length; h++) {
                            if (quantities[h].equals("H") && series[h].equals(series[q])) {
                                pairs.add(new Pair(time, series[q], stations[q], stations[h], new Gauging(
                                        Double.parseDouble(cells[h]), Double.parseDouble(cells[q]))));
                            }
                        }
                    }
                }
            }
        }
        return pairs;
    }
}
