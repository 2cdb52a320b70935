package org.vigie.model.external.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and strictly checks what the program wrote: {@code out/forecast.csv} and the optional {@code out/state.csv}.
 * Every problem is reported with the file and line, e.g. {@code out/forecast.csv line 4: value 'NA' is not a
 * number}. Accepted leniencies, so that R's {@code write.csv(…, row.names = FALSE)} output passes: fields in
 * double quotes, '\r\n' line ends, a UTF-8 byte-order mark, blank lines at the end, times without a zone (read as
 * UTC) with a 'T' or a blank between date and time.
 */
final class OutputFiles {

    static final String FORECAST = "forecast.csv";
    static final String STATE = "state.csv";
    static final List<String> QUANTILES = List.of("q10", "q50", "q90");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

    /**
     * The program's forecast.
     *
     * @param values    the forecast at each lead time
     * @param quantiles q10, q50, q90 by name, each per lead time, or empty
     */
    record Forecast(double[] values, Map<String, double[]> quantiles) {
    }

    private OutputFiles() {
    }

    /**
     * @param outputDirectory the {@code out} folder
     * @throws InvalidOutput naming the file and line
     */
    static Forecast forecast(Path outputDirectory, Instant issue, Duration step, int horizon) {
        String name = RequestFiles.OUTPUT_DIRECTORY + "/" + FORECAST;
        List<String> lines = lines(outputDirectory.resolve(FORECAST), name, true);
        if (lines.isEmpty()) {
            throw new InvalidOutput(name + " is empty; expected the header 'time,value' and " + horizon + " rows");
        }
        List<String> header = fields(lines.get(0));
        boolean withQuantiles = header.equals(List.of("time", "value", "q10", "q50", "q90"));
        if (!withQuantiles && !header.equals(List.of("time", "value"))) {
            throw new InvalidOutput(name + " line 1: header " + String.join(",", header)
                    + " must be 'time,value' or 'time,value,q10,q50,q90'");
        }
        if (lines.size() - 1 != horizon) {
            throw new InvalidOutput(name + " has " + (lines.size() - 1) + " rows, expected " + horizon
                    + " (one per lead time, " + issue.plus(step) + " to " + issue.plus(step.multipliedBy(horizon))
                    + ")");
        }
        double[] values = new double[horizon];
        double[][] q = new double[3][horizon];
        for (int k = 1; k <= horizon; k++) {
            String where = name + " line " + (k + 1) + ": ";
            List<String> f = fields(lines.get(k));
            if (f.size() != header.size()) {
                throw new InvalidOutput(where + f.size() + " fields, the header has " + header.size());
            }
            Instant expected = issue.plus(step.multipliedBy(k));
            Instant time = time(f.get(0), where);
            if (!time.equals(expected)) {
                throw new InvalidOutput(where + "time " + time + ", expected " + expected + " (lead " + k + ")");
            }
            values[k - 1] = number(f.get(1), where + "value");
            if (withQuantiles) {
                for (int i = 0; i < 3; i++) {
                    q[i][k - 1] = number(f.get(2 + i), where + QUANTILES.get(i));
                }
                if (!(q[0][k - 1] <= q[1][k - 1] && q[1][k - 1] <= q[2][k - 1])) {
                    throw new InvalidOutput(where + "quantiles must satisfy q10 <= q50 <= q90, got " + q[0][k - 1]
                            + ", " + q[1][k - 1] + ", " + q[2][k - 1]);
                }
            }
        }
        Map<String, double[]> quantiles = new LinkedHashMap<>();
        if (withQuantiles) {
            for (int i = 0; i < 3; i++) {
                quantiles.put(QUANTILES.get(i), q[i]);
            }
        }
        return new Forecast(values, quantiles);
    }

    /**
     * @return the state variables the program wrote, or {@code null} when it wrote no state.csv
     * @throws InvalidOutput naming the file and line
     */
    static Map<String, double[]> state(Path outputDirectory) {
        String name = RequestFiles.OUTPUT_DIRECTORY + "/" + STATE;
        List<String> lines = lines(outputDirectory.resolve(STATE), name, false);
        if (lines == null) {
            return null;
        }
        if (lines.isEmpty() || !fields(lines.get(0)).equals(List.of("name", "values"))) {
            throw new InvalidOutput(name + " line 1: header must be 'name,values'");
        }
        Map<String, double[]> variables = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String where = name + " line " + (i + 1) + ": ";
            List<String> f = fields(lines.get(i));
            String variable = f.get(0);
            if (!ExternalModelSettings.NAME.matcher(variable).matches()) {
                throw new InvalidOutput(where + "variable name '" + variable + "' must be letters, digits, '.', '_'"
                        + " or '-'");
            }
            if (variables.containsKey(variable)) {
                throw new InvalidOutput(where + "variable " + variable + " appears twice");
            }
            double[] values = new double[f.size() - 1];
            for (int j = 1; j < f.size(); j++) {
                values[j - 1] = number(f.get(j), where + variable + " value " + j);
            }
            variables.put(variable, values);
        }
        return variables;
    }

    /** @return the lines without a BOM and trailing blank lines; {@code null} for an absent optional file */
    private static List<String> lines(Path file, String name, boolean required) {
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            if (required) {
                throw new InvalidOutput("the program wrote no " + name);
            }
            return null;
        } catch (MalformedInputException e) {
            throw new InvalidOutput(name + " is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidOutput("cannot read " + name + ": " + e.getMessage());
        }
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                throw new InvalidOutput(name + " line " + (i + 1) + ": blank line");
            }
        }
        return lines;
    }

    /** Splits on commas, trimming blanks and one pair of surrounding double quotes per field. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        for (String f : line.split(",", -1)) {
            String t = f.strip();
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1).strip();
            }
            fields.add(t);
        }
        return fields;
    }

    private static double number(String text, String where) {
        if (!NUMBER.matcher(text).matches()) {
            throw new InvalidOutput(where + " '" + text + "' is not a number");
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw new InvalidOutput(where + " '" + text + "' is out of range");
        }
        return v;
    }

    private static Instant time(String text, String where) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new InvalidOutput(where + "time '" + text + "' is not an ISO-8601 UTC time such as "
                        + "2024-12-11T07:00:00Z");
            }
        }
    }

    /** The program's output breaks the contract. */
    static final class InvalidOutput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidOutput(String message) {
            super(message);
        }
    }
}
