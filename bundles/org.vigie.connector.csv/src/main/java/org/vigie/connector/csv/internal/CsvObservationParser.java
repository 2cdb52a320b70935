package org.vigie.connector.csv.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;

/**
 * Reads the observation CSV format described in this bundle's README: a header {@code time;H;Q…}, then one row per
 * time. Pure: no I/O, no clock, no state between calls.
 */
final class CsvObservationParser {

    private static final char[] SEPARATORS = {';', '\t', ','};

    private static final List<DateTimeFormatter> TIME_FORMATS = List.of(
            dateTime("uuuu-MM-dd", 'T'),
            dateTime("uuuu-MM-dd", ' '),
            dateTime("dd/MM/uuuu", ' '));

    // Double.parseDouble also takes "NaN", "0x1p3" and "1.5d"; a data file should hold none of those.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE_WORD = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private final String stationCode;
    private final String source;
    private final ZoneId zone;
    private final ColumnMapping mapping;

    CsvObservationParser(String stationCode, String source, ZoneId zone) {
        this(stationCode, source, zone, ColumnMapping.NONE);
    }

    CsvObservationParser(String stationCode, String source, ZoneId zone, ColumnMapping mapping) {
        this.stationCode = stationCode;
        this.source = source;
        this.zone = zone;
        this.mapping = mapping;
    }

    /** Where each quantity of a file is: column index, quantity, factor to Vigie's unit. */
    private record Layout(int timeColumn, int[] columns, List<Quantity> quantities, double[] factors) {
    }

    /**
     * @param fileName   used in each observation's provenance reference ({@code fileName:lineNumber})
     * @param lines      the file's lines, without line terminators
     * @param receivedAt recorded as every observation's reception time
     */
    CsvParseResult parse(String fileName, List<String> lines, Instant receivedAt) {
        int headerIndex = firstDataLine(lines, 0);
        if (headerIndex < 0) {
            return CsvParseResult.rejectedFile("no header row: the file holds only comments or blank lines");
        }
        String header = stripByteOrderMark(lines.get(headerIndex));
        int headerLineNumber = headerIndex + 1;
        Optional<Character> separator = detectSeparator(header);
        if (separator.isEmpty()) {
            return CsvParseResult.rejectedFile("line " + headerLineNumber + ": header '" + header
                    + "' has no ';', ',' or tab separator, so no quantity column");
        }
        char sep = separator.get();
        List<String> columnNames = split(header, sep);
        Layout layout;
        try {
            layout = mapping.isDefault() ? defaultLayout(columnNames) : mappedLayout(columnNames);
        } catch (BadRowException e) {
            return CsvParseResult.rejectedFile("line " + headerLineNumber + ": " + e.getMessage());
        }

        List<Observation> observations = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        for (int i = firstDataLine(lines, headerIndex + 1); i >= 0; i = firstDataLine(lines, i + 1)) {
            int lineNumber = i + 1;
            String line = lines.get(i);
            try {
                observations.addAll(readRow(split(line, sep), sep, columnNames.size(), layout,
                        new Provenance(source, "", fileName + ":" + lineNumber), receivedAt));
            } catch (BadRowException e) {
                errors.add(new LineError(lineNumber, line, e.getMessage()));
            }
        }
        return new CsvParseResult(observations, errors, Optional.empty());
    }

    private static Layout defaultLayout(List<String> columnNames) throws BadRowException {
        String timeColumn = columnNames.get(0);
        if (timeColumn.isEmpty()) {
            throw new BadRowException("the first header column, the time, has no name");
        }
        if (isQuantityCode(timeColumn)) {
            throw new BadRowException("the first column must be the time (e.g. 'time'), found quantity '"
                    + timeColumn + "'");
        }
        Set<Quantity> seen = EnumSet.noneOf(Quantity.class);
        List<Quantity> quantities = new ArrayList<>();
        int[] columns = new int[columnNames.size() - 1];
        for (int column = 1; column < columnNames.size(); column++) {
            String name = columnNames.get(column);
            if (!isQuantityCode(name)) {
                throw new BadRowException("unknown column '" + name + "' in header (column " + (column + 1)
                        + "), expected one of H, Q, P, E, T, or configure this station's columns");
            }
            Quantity quantity = Quantity.parse(name);
            if (!seen.add(quantity)) {
                throw new BadRowException("column '" + name + "' appears twice in header");
            }
            quantities.add(quantity);
            columns[column - 1] = column;
        }
        double[] factors = new double[quantities.size()];
        Arrays.fill(factors, 1.0);
        return new Layout(0, columns, quantities, factors);
    }

    private Layout mappedLayout(List<String> columnNames) throws BadRowException {
        int time = indexOf(columnNames, mapping.timeColumn());
        List<Quantity> quantities = new ArrayList<>();
        int[] columns = new int[mapping.columns().size()];
        double[] factors = new double[columns.length];
        int k = 0;
        for (var entry : mapping.columns().entrySet()) {
            columns[k] = indexOf(columnNames, entry.getKey());
            quantities.add(entry.getValue().quantity());
            factors[k++] = entry.getValue().toVigieUnit();
        }
        return new Layout(time, columns, quantities, factors);
    }

    private static int indexOf(List<String> columnNames, String header) throws BadRowException {
        for (int i = 0; i < columnNames.size(); i++) {
            if (columnNames.get(i).equalsIgnoreCase(header)) {
                return i;
            }
        }
        throw new BadRowException("no column '" + header + "' in the header as this station's columns configuration"
                + " expects; the header has " + columnNames);
    }

    private List<Observation> readRow(List<String> cells, char sep, int columnCount, Layout layout,
                                      Provenance provenance, Instant receivedAt) throws BadRowException {
        if (cells.size() != columnCount) {
            throw new BadRowException("expected " + columnCount + " columns as in the header, found " + cells.size());
        }
        Instant time = parseTime(cells.get(layout.timeColumn()));
        List<Observation> row = new ArrayList<>(layout.quantities().size());
        for (int q = 0; q < layout.quantities().size(); q++) {
            String cell = cells.get(layout.columns()[q]);
            if (!cell.isEmpty()) {
                Quantity quantity = layout.quantities().get(q);
                double value = parseValue(quantity, cell, sep) * layout.factors()[q];
                row.add(new Observation(stationCode, quantity, time, value, Quality.RAW, provenance, receivedAt));
            }
        }
        return row;
    }

    private Instant parseTime(String text) throws BadRowException {
        List<DateTimeFormatter> formats = mapping.timeFormat().isEmpty() ? TIME_FORMATS
                : Stream.concat(mapping.timeFormat().stream(), TIME_FORMATS.stream()).toList();
        for (DateTimeFormatter format : formats) {
            TemporalAccessor parsed;
            try {
                parsed = format.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            } catch (DateTimeException e) {
                continue;
            }
            if (parsed instanceof OffsetDateTime withOffset) {
                return withOffset.toInstant();
            }
            return inZone((LocalDateTime) parsed, text);
        }
        throw new BadRowException("cannot parse time '" + text + "' — expected "
                + mapping.timeFormat().map(f -> "the configured timeFormat, or ").orElse("") + "e.g. 2024-01-15T10:00:00Z,"
                + " 2024-01-15T11:00:00+01:00, or a local time in " + zone
                + " written 2024-01-15 10:00[:ss], 2024-01-15T10:00[:ss] or 15/01/2024 10:00[:ss]");
    }

    private Instant inZone(LocalDateTime local, String text) throws BadRowException {
        if (zone.getRules().getValidOffsets(local).isEmpty()) {
            throw new BadRowException("time '" + text + "' does not exist in " + zone
                    + " (skipped by the daylight-saving change); write it with an offset");
        }
        // In an overlap (clocks set back) this takes the earlier of the two offsets, i.e. the first occurrence.
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    private static double parseValue(Quantity quantity, String cell, char sep) throws BadRowException {
        String text = sep == ';' ? cell.replace(',', '.') : cell;
        if (NON_FINITE_WORD.matcher(text).matches()) {
            throw new BadRowException(quantity + " value '" + cell + "' is not a finite number");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new BadRowException("cannot parse " + quantity + " value '" + cell + "' as a number"
                    + (sep == ';' ? "" : " (a decimal comma is only accepted with ';' separators)"));
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new BadRowException(quantity + " value '" + cell + "' is not a finite number");
        }
        return value;
    }

    /** @return the index of the first line at or after {@code from} that is neither blank nor a comment, or -1 */
    private static int firstDataLine(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String trimmed = stripByteOrderMark(lines.get(i)).trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    /** The separator is the candidate the header uses most; a header without any has no quantity column. */
    private static Optional<Character> detectSeparator(String header) {
        char best = 0;
        long bestCount = 0;
        for (char candidate : SEPARATORS) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return bestCount == 0 ? Optional.empty() : Optional.of(best);
    }

    private static List<String> split(String line, char sep) {
        String[] parts = line.split(Pattern.quote(String.valueOf(sep)), -1);
        List<String> cells = new ArrayList<>(parts.length);
        for (String part : parts) {
            cells.add(unquote(part.trim()));
        }
        return cells;
    }

    // Spreadsheet exports quote cells; quoted separators are not supported, none of our values need one.
    private static String unquote(String cell) {
        if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
            return cell.substring(1, cell.length() - 1).trim();
        }
        return cell;
    }

    private static String stripByteOrderMark(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static boolean isQuantityCode(String name) {
        try {
            Quantity.parse(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static DateTimeFormatter dateTime(String datePattern, char separator) {
        return new DateTimeFormatterBuilder()
                .appendPattern(datePattern)
                .appendLiteral(separator)
                .append(DateTimeFormatter.ISO_LOCAL_TIME)
                .optionalStart().appendOffsetId().optionalEnd()
                .toFormatter(Locale.ROOT)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** A row is refused as a whole; the message is the reason shown to the operator. */
    static final class BadRowException extends Exception {
        private static final long serialVersionUID = 1L;

        BadRowException(String reason) {
            super(reason, null, false, false);
        }
    }
}
