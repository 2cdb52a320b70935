package org.vigie.connector.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;

class CsvObservationParserTest {

    private static final String STATION = "K435001010";
    private static final String FILE = "K435001010_20240115.csv";
    private static final Instant RECEIVED = Instant.parse("2024-06-01T12:00:00Z");

    private final CsvObservationParser utcParser = new CsvObservationParser(STATION, "csv", ZoneId.of("UTC"));
    private final CsvObservationParser parisParser =
            new CsvObservationParser(STATION, "csv", ZoneId.of("Europe/Paris"));

    private static CsvParseResult parse(CsvObservationParser parser, String... lines) {
        return parser.parse(FILE, List.of(lines), RECEIVED);
    }

    private static Observation obs(Quantity quantity, String time, double value, int line) {
        return new Observation(STATION, quantity, Instant.parse(time), value, Quality.RAW,
                new Provenance("csv", "", FILE + ":" + line), RECEIVED);
    }

    @Test
    void semicolonSeparatedFileWithDecimalCommaYieldsOneObservationPerCell() {
        CsvParseResult result = parse(utcParser,
                "time;H;Q",
                "2024-01-15T10:00:00Z;1,25;12,5",
                "2024-01-15T11:00:00Z;1.30;13");

        assertTrue(result.isClean());
        assertEquals(List.of(
                obs(Quantity.H, "2024-01-15T10:00:00Z", 1.25, 2),
                obs(Quantity.Q, "2024-01-15T10:00:00Z", 12.5, 2),
                obs(Quantity.H, "2024-01-15T11:00:00Z", 1.30, 3),
                obs(Quantity.Q, "2024-01-15T11:00:00Z", 13.0, 3)), result.observations());
    }

    @Test
    void commaSeparatedFileUsesDecimalPoints() {
        CsvParseResult result = parse(utcParser,
                "datetime,P,E,T",
                "2024-01-15T10:00:00Z,0.2,0.05,-3.5");

        assertTrue(result.isClean());
        assertEquals(List.of(
                obs(Quantity.P, "2024-01-15T10:00:00Z", 0.2, 2),
                obs(Quantity.E, "2024-01-15T10:00:00Z", 0.05, 2),
                obs(Quantity.T, "2024-01-15T10:00:00Z", -3.5, 2)), result.observations());
    }

    @Test
    void tabSeparatedFileRefusesDecimalCommaWithAHint() {
        CsvParseResult result = parse(utcParser,
                "date\tH",
                "2024-01-15T10:00:00Z\t1.5",
                "2024-01-15T11:00:00Z\t1,6");

        assertEquals(List.of(obs(Quantity.H, "2024-01-15T10:00:00Z", 1.5, 2)), result.observations());
        assertEquals(1, result.lineErrors().size());
        LineError error = result.lineErrors().get(0);
        assertEquals(3, error.lineNumber());
        assertEquals("2024-01-15T11:00:00Z\t1,6", error.lineText());
        assertEquals("line 3: cannot parse H value '1,6' as a number"
                + " (a decimal comma is only accepted with ';' separators)", error.describe());
    }

    @Test
    void headerQuantityCodesIgnoreCaseAndBlanks() {
        CsvParseResult result = parse(utcParser, "Time ; h ; q", "2024-01-15T10:00:00Z;1;2");

        assertTrue(result.isClean());
        assertEquals(List.of(Quantity.H, Quantity.Q),
                result.observations().stream().map(Observation::quantity).toList());
    }

    @Test
    void isoTimesWithZoneOffsetOrZIgnoreTheConfiguredZone() {
        CsvParseResult result = parse(parisParser,
                "time;H",
                "2024-01-15T10:00:00Z;1",
                "2024-01-15T11:00:00+01:00;2",
                "2024-07-15T12:00+02:00;3",
                "2024-01-15T10:00:00.500Z;4");

        assertTrue(result.isClean());
        assertEquals(List.of(
                Instant.parse("2024-01-15T10:00:00Z"),
                Instant.parse("2024-01-15T10:00:00Z"),
                Instant.parse("2024-07-15T10:00:00Z"),
                Instant.parse("2024-01-15T10:00:00.500Z")), times(result));
    }

    @Test
    void localTimesInEveryAcceptedLayoutAreReadInTheConfiguredZone() {
        CsvParseResult result = parse(parisParser,
                "time;H",
                "2024-01-15 10:00;1",
                "2024-01-15 10:00:30;2",
                "2024-01-15T10:00;3",
                "2024-01-15T10:00:30;4",
                "15/01/2024 10:00;5",
                "15/07/2024 10:00:30;6");

        assertTrue(result.isClean(), () -> result.lineErrors().toString());
        assertEquals(List.of(
                Instant.parse("2024-01-15T09:00:00Z"),
                Instant.parse("2024-01-15T09:00:30Z"),
                Instant.parse("2024-01-15T09:00:00Z"),
                Instant.parse("2024-01-15T09:00:30Z"),
                Instant.parse("2024-01-15T09:00:00Z"),
                Instant.parse("2024-07-15T08:00:30Z")), times(result));
    }

    @Test
    void localTimesAreUtcWhenTheZoneIsUtc() {
        CsvParseResult result = parse(utcParser, "time;H", "15/01/2024 10:00;1");

        assertEquals(List.of(Instant.parse("2024-01-15T10:00:00Z")), times(result));
    }

    @Test
    void localTimeSkippedByTheSpringDaylightSavingChangeIsALineError() {
        CsvParseResult result = parse(parisParser,
                "time;H",
                "2024-03-31 01:30;1",
                "2024-03-31 02:30;2",
                "2024-03-31 03:30;3");

        assertEquals(List.of(Instant.parse("2024-03-31T00:30:00Z"), Instant.parse("2024-03-31T01:30:00Z")),
                times(result));
        assertEquals(1, result.lineErrors().size());
        assertEquals("line 3: time '2024-03-31 02:30' does not exist in Europe/Paris"
                + " (skipped by the daylight-saving change); write it with an offset",
                result.lineErrors().get(0).describe());
    }

    @Test
    void localTimeRepeatedByTheAutumnDaylightSavingChangeTakesTheEarlierOffset() {
        CsvParseResult result = parse(parisParser, "time;H", "2024-10-27 02:30;1");

        assertTrue(result.isClean());
        assertEquals(List.of(Instant.parse("2024-10-27T00:30:00Z")), times(result));
    }

    @Test
    void emptyCellMeansNoValueForThatQuantity() {
        CsvParseResult result = parse(utcParser,
                "time;H;Q",
                "2024-01-15T10:00:00Z;;12",
                "2024-01-15T11:00:00Z;1.3;",
                "2024-01-15T12:00:00Z;;");

        assertTrue(result.isClean());
        assertEquals(List.of(
                obs(Quantity.Q, "2024-01-15T10:00:00Z", 12, 2),
                obs(Quantity.H, "2024-01-15T11:00:00Z", 1.3, 3)), result.observations());
    }

    @Test
    void commentsAndBlankLinesAreSkippedButCountInLineNumbers() {
        CsvParseResult result = parse(utcParser,
                "# station K435001010, exported 2024-01-16",
                "",
                "time;H",
                "  # hourly values",
                "2024-01-15T10:00:00Z;1.2",
                "   ",
                "2024-01-15T11:00:00Z;oops");

        assertEquals(List.of(obs(Quantity.H, "2024-01-15T10:00:00Z", 1.2, 5)), result.observations());
        assertEquals(List.of(7), result.lineErrors().stream().map(LineError::lineNumber).toList());
    }

    @Test
    void quotedCellsAndByteOrderMarkAreAccepted() {
        CsvParseResult result = parse(utcParser, "\uFEFF\"time\";\"H\"", "\"2024-01-15T10:00:00Z\";\"1,5\"");

        assertEquals(List.of(obs(Quantity.H, "2024-01-15T10:00:00Z", 1.5, 2)), result.observations());
    }

    @Test
    void badRowsAreReportedWithLineNumberTextAndReasonWhileGoodRowsAreKept() {
        CsvParseResult result = parse(utcParser,
                "time;H;Q",
                "2024-01-15T10:00:00Z;1.2;10",
                "2024-01-15T11:00:00Z;1.3",
                "2024-13-01 10:00;1.4;11",
                "2024-01-15T13:00:00Z;abc;12",
                "2024-01-15T14:00:00Z;1.5;NaN",
                "2024-01-15T15:00:00Z;1e999;13",
                "2024-01-15T16:00:00Z;1.6;14");

        assertEquals(List.of(
                obs(Quantity.H, "2024-01-15T10:00:00Z", 1.2, 2),
                obs(Quantity.Q, "2024-01-15T10:00:00Z", 10, 2),
                obs(Quantity.H, "2024-01-15T16:00:00Z", 1.6, 8),
                obs(Quantity.Q, "2024-01-15T16:00:00Z", 14, 8)), result.observations());
        assertEquals(List.of(3, 4, 5, 6, 7), result.lineErrors().stream().map(LineError::lineNumber).toList());
        assertEquals("2024-13-01 10:00;1.4;11", result.lineErrors().get(1).lineText());
        assertEquals(List.of(
                "line 3: expected 3 columns as in the header, found 2",
                "line 4: cannot parse time '2024-13-01 10:00' — expected e.g. 2024-01-15T10:00:00Z,"
                        + " 2024-01-15T11:00:00+01:00, or a local time in UTC written 2024-01-15 10:00[:ss],"
                        + " 2024-01-15T10:00[:ss] or 15/01/2024 10:00[:ss]",
                "line 5: cannot parse H value 'abc' as a number",
                "line 6: Q value 'NaN' is not a finite number",
                "line 7: H value '1e999' is not a finite number"),
                result.lineErrors().stream().map(LineError::describe).toList());
        assertTrue(result.fileError().isEmpty());
        assertTrue(!result.isClean());
    }

    @Test
    void impossibleCalendarDatesAndNumberSuffixesAreRefused() {
        CsvParseResult result = parse(utcParser,
                "time;H",
                "2024-02-30 10:00;1",
                "31/04/2024 10:00;1",
                "2024-01-15 25:00;1",
                "2024-01-15T10:00:00Z;1.5d",
                "2024-01-15T10:00:00Z;0x1p3");

        assertTrue(result.observations().isEmpty());
        assertEquals(List.of(2, 3, 4, 5, 6), result.lineErrors().stream().map(LineError::lineNumber).toList());
    }

    @Test
    void unknownHeaderColumnRejectsTheWholeFile() {
        CsvParseResult result = parse(utcParser,
                "# export",
                "time;H;Debit",
                "2024-01-15T10:00:00Z;1.2;10");

        assertTrue(result.observations().isEmpty());
        assertTrue(result.lineErrors().isEmpty());
        assertEquals("line 2: unknown column 'Debit' in header (column 3), expected one of H, Q, P, E, T, or configure this station's columns",
                result.fileError().orElseThrow());
    }

    @Test
    void otherUnusableHeadersRejectTheWholeFile() {
        assertEquals("line 1: column 'h' appears twice in header",
                parse(utcParser, "time;H;h", "2024-01-15T10:00:00Z;1;1").fileError().orElseThrow());
        assertEquals("line 1: the first column must be the time (e.g. 'time'), found quantity 'H'",
                parse(utcParser, "H;Q", "1;2").fileError().orElseThrow());
        assertEquals("line 1: header 'time' has no ';', ',' or tab separator, so no quantity column",
                parse(utcParser, "time", "2024-01-15T10:00:00Z").fileError().orElseThrow());
        assertEquals("line 1: unknown column '' in header (column 3), expected one of H, Q, P, E, T, or configure this station's columns",
                parse(utcParser, "time;H;", "2024-01-15T10:00:00Z;1;").fileError().orElseThrow());
        assertEquals("no header row: the file holds only comments or blank lines",
                parse(utcParser, "# nothing yet", "").fileError().orElseThrow());
    }

    @Test
    void headerWithoutRowsIsACleanEmptyFile() {
        CsvParseResult result = parse(utcParser, "time;H;Q");

        assertTrue(result.isClean());
        assertTrue(result.observations().isEmpty());
    }

    private static List<Instant> times(CsvParseResult result) {
        return result.observations().stream().map(Observation::time).toList();
    }
}
