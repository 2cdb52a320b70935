package org.vigie.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table of input series in the layout of airGR's example files: a {@code DatesR} column (a UTC date
 * {@code yyyy-MM-dd} for daily data or an ISO-8601 instant for sub-daily data) and numeric columns such as
 * {@code P}, {@code E}, {@code T}, {@code Qmm}; an empty cell or {@code NA} is a missing value (NaN).
 */
final class BasinSeries {

    final List<Instant> times;
    final Map<String, double[]> columns;

    private BasinSeries(List<Instant> times, Map<String, double[]> columns) {
        this.times = times;
        this.columns = columns;
    }

    static BasinSeries read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.UsageException("input file " + file + " not found");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new CommandLine.UsageException(file + " is empty");
            }
            String[] names = header.replace("\"", "").split(",", -1);
            if (!names[0].trim().equals("DatesR")) {
                throw new CommandLine.UsageException(file + ": the first column must be DatesR, found '" + names[0] + "'");
            }
            List<Instant> times = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            String line;
            int lineNumber = 1;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != names.length) {
                    throw new CommandLine.UsageException(file + " line " + lineNumber + ": " + cells.length
                            + " cells, the header has " + names.length);
                }
                Instant time = time(cells[0].replace("\"", "").trim(), file, lineNumber);
                if (!times.isEmpty() && !time.isAfter(times.get(times.size() - 1))) {
                    throw new CommandLine.UsageException(file + " line " + lineNumber + ": time " + time
                            + " does not follow " + times.get(times.size() - 1));
                }
                double[] row = new double[names.length - 1];
                for (int c = 1; c < names.length; c++) {
                    String cell = cells[c].trim();
                    try {
                        row[c - 1] = cell.isEmpty() || cell.equals("NA") ? Double.NaN : Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw new CommandLine.UsageException(file + " line " + lineNumber + ", column " + names[c]
                                + ": '" + cell + "' is not a number");
                    }
                }
                times.add(time);
                rows.add(row);
            }
            Map<String, double[]> columns = new LinkedHashMap<>();
            for (int c = 1; c < names.length; c++) {
                double[] column = new double[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    column[r] = rows.get(r)[c - 1];
                }
                columns.put(names[c].trim(), column);
            }
            return new BasinSeries(times, columns);
        }
    }

    private static Instant time(String text, Path file, int line) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.UsageException(file + " line " + line + ": cannot read the time '" + text + "'");
        }
    }

    double[] column(String name) {
        double[] values = columns.get(name);
        if (values == null) {
            throw new CommandLine.UsageException("the input has no column " + name + "; it has " + columns.keySet());
        }
        return values;
    }

    /** @return the index of the first time at or after {@code t}, or size() */
    int indexAtOrAfter(Instant t) {
        int i = java.util.Collections.binarySearch(times, t);
        return i >= 0 ? i : -i - 1;
    }

    int size() {
        return times.size();
    }

    boolean isDaily() {
        return times.size() < 2 || java.time.Duration.between(times.get(0), times.get(1)).toHours() >= 24;
    }
}
