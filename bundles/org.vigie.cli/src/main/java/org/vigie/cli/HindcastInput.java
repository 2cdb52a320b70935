package org.vigie.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The input of {@code bin/vigie hindcast}: a CSV file with a header {@code time,P,E,Q[,upstream…]}, one row per
 * step on a regular UTC time axis ({@code 2007-01-01T00:00:00Z}; a time without zone, or a date {@code yyyy-MM-dd} for daily data, is read
 * as UTC), values in
 * mm per step for P and E, in mm per step or m³/s for Q; an empty cell or {@code NA} is missing. Errors name the
 * file and line.
 */
final class HindcastInput {

    static final List<String> REQUIRED = List.of("P", "E", "Q");

    final Path file;
    final Instant[] times;
    final Map<String, double[]> columns;
    /** file line of each row, for error messages */
    final int[] lines;

    private HindcastInput(Path file, Instant[] times, Map<String, double[]> columns, int[] lines) {
        this.file = file;
        this.times = times;
        this.columns = columns;
        this.lines = lines;
    }

    static HindcastInput read(Path file, Duration step) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.UsageException("input file " + file + " not found");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new CommandLine.UsageException(file + " is empty");
            }
            String[] names = header.replace("\"", "").replace("\uFEFF", "").split(",", -1);
            for (int c = 0; c < names.length; c++) {
                names[c] = names[c].trim();
            }
            if (!names[0].equalsIgnoreCase("time")) {
                throw new CommandLine.UsageException(file + " line 1: the first column must be 'time', found '"
                        + names[0] + "' (expected header time,P,E,Q[,upstream…])");
            }
            List<String> present = Arrays.asList(names);
            for (String required : REQUIRED) {
                if (!present.contains(required)) {
                    throw new CommandLine.UsageException(file + " line 1: no column " + required + " (expected header "
                            + "time,P,E,Q[,upstream…]; found " + String.join(",", names) + ")");
                }
            }
            List<Instant> times = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            List<Integer> lineNumbers = new ArrayList<>();
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
                if (!times.isEmpty()) {
                    Instant previous = times.get(times.size() - 1);
                    Duration gap = Duration.between(previous, time);
                    if (!gap.equals(step)) {
                        throw new CommandLine.UsageException(file + " line " + lineNumber + ": time " + time
                                + (gap.isNegative() || gap.isZero() ? " does not follow " + previous
                                : " comes " + gap + " after " + previous)
                                + "; the input must be a regular series with a step of " + step
                                + " (leave values empty for missing steps)");
                    }
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
                    if (row[c - 1] < 0 || Double.isInfinite(row[c - 1])) {
                        throw new CommandLine.UsageException(file + " line " + lineNumber + ", column " + names[c]
                                + ": " + cell + " is not a valid non-negative value");
                    }
                }
                times.add(time);
                rows.add(row);
                lineNumbers.add(lineNumber);
            }
            if (rows.isEmpty()) {
                throw new CommandLine.UsageException(file + " has a header but no data");
            }
            Map<String, double[]> columns = new LinkedHashMap<>();
            for (int c = 1; c < names.length; c++) {
                double[] column = new double[rows.size()];
                for (int r = 0; r < rows.size(); r++) {
                    column[r] = rows.get(r)[c - 1];
                }
                columns.put(names[c], column);
            }
            return new HindcastInput(file, times.toArray(new Instant[0]), columns,
                    lineNumbers.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    private static Instant time(String text, Path file, int line) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new CommandLine.UsageException(file + " line " + line + ": cannot read the time '" + text
                        + "' (expected ISO-8601 UTC such as 2007-01-01T00:00:00Z)");
            }
        }
    }

    double[] column(String name) {
        double[] values = columns.get(name);
        if (values == null) {
            throw new CommandLine.UsageException("the input has no column " + name + "; it has " + columns.keySet());
        }
        return values;
    }

    int size() {
        return times.length;
    }

    /** Fails naming the first line where the column is missing within [from, to). */
    void requireComplete(String name, int from, int to, String why) {
        double[] values = column(name);
        for (int i = from; i < to; i++) {
            if (Double.isNaN(values[i])) {
                throw new CommandLine.UsageException(String.format(Locale.ROOT, "%s line %d: %s is missing at %s; %s",
                        file, lines[i], name, times[i], why));
            }
        }
    }

    /** Index of the step at {@code time}; a usage error naming the option when there is none. */
    int index(Instant time, String option) {
        int i = Arrays.binarySearch(times, time);
        if (i < 0) {
            throw new CommandLine.UsageException(option + " " + time + " is not a time step of the input ("
                    + times[0] + " .. " + times[times.length - 1] + ")");
        }
        return i;
    }

    /** End (exclusive) of an inclusive date or instant: a date covers its whole day. */
    int endExclusive(String text, String option) {
        Instant start = HindcastCommand.instant(text, option);
        Instant end = text.length() == 10 ? start.plus(Duration.ofDays(1)) : start.plusNanos(1);
        int i = Arrays.binarySearch(times, end);
        int index = i >= 0 ? i : -i - 1;
        if (index == 0 || times[index - 1].isBefore(start)) {
            throw new CommandLine.UsageException(option + " " + text + " is outside the input (" + times[0] + " .. "
                    + times[times.length - 1] + ")");
        }
        return index;
    }
}
