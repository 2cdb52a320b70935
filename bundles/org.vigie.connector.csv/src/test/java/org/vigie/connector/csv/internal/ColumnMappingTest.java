package org.vigie.connector.csv.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;

/** A station's own CSV layout: header names, units and time pattern from its configuration. */
class ColumnMappingTest {

    private static final Instant RECEIVED = Instant.parse("2026-01-01T00:00:00Z");

    private static ColumnMapping mapping(String timeFormat, String... entries) {
        List<String> problems = new ArrayList<>();
        ColumnMapping mapping = ColumnMapping.parse(entries, timeFormat, problems);
        assertEquals(List.of(), problems);
        return mapping;
    }

    /** The real HydroPortail export of the Loire at Digoin: quoted values, extra status columns ignored. */
    @Test
    void readsARealHydroPortailExportThroughItsHeaderNames() throws IOException {
        Path moduleDirectory = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path file = moduleDirectory.resolve("../../../shared/data/loire-hydroportail-hourly-and-vigicrues-forecasts-"
                + "dec2024/K1180010_QmnH(n=1_non-glissant).csv").normalize();
        assumeTrue(Files.isReadable(file), () -> "shared reference data not found at " + file + "; test skipped");
        CsvObservationParser parser = new CsvObservationParser("K1180010", "hydroportail", ZoneId.of("UTC"),
                mapping("", "Date (TU)=time", "Valeur (en m³/s)=Q"));

        CsvParseResult result = parser.parse(file.getFileName().toString(),
                Files.readAllLines(file, StandardCharsets.UTF_8), RECEIVED);

        assertEquals(List.of(), result.lineErrors());
        assertEquals(144, result.observations().size());
        Observation first = result.observations().get(0);
        assertEquals(Instant.parse("2024-12-11T00:00:00Z"), first.time());
        assertEquals(137.0, first.value());
        assertEquals(Quantity.Q, first.quantity());
        Observation last = result.observations().get(143);
        assertEquals(Instant.parse("2024-12-16T23:00:00Z"), last.time());
    }

    @Test
    void convertsAFrenchExportWithItsOwnHeadersUnitsAndLocalTimes() {
        CsvObservationParser parser = new CsvObservationParser("K435001010", "csv", ZoneId.of("Europe/Paris"),
                mapping("dd/MM/yyyy HH'h'mm", "Date=time", "Hauteur (mm)=H:mm", "Débit (l/s)=Q:l/s"));

        CsvParseResult result = parser.parse("export.csv", List.of(
                "Date;Hauteur (mm);Débit (l/s);Commentaire",
                "31/03/2024 01h30;1234,5;250000;ras",
                "31/03/2024 02h30;1240;;heure inexistante",
                "31/03/2024 03h30;1250;260000,5;",
                "31/03/2024 04h30;douze;1;"), RECEIVED);

        Observation first = result.observations().get(0);
        assertEquals(Quantity.H, first.quantity());
        assertEquals(Instant.parse("2024-03-31T00:30:00Z"), first.time(), "01:30 CET is 00:30 UTC");
        assertEquals(1.2345, first.value(), 1e-12, "mm converted to m");
        assertEquals("export.csv:2", first.provenance().reference());
        assertEquals(250.0, result.observations().get(1).value(), 1e-12);
        assertEquals(Instant.parse("2024-03-31T01:30:00Z"), result.observations().get(2).time(),
                "03:30 CEST is 01:30 UTC");
        assertEquals(260.0005, result.observations().get(3).value(), 1e-12);
        assertEquals(2, result.lineErrors().size());
        assertTrue(result.lineErrors().get(0).reason().contains("does not exist in Europe/Paris"),
                result.lineErrors().get(0).reason());
        assertEquals(5, result.lineErrors().get(1).lineNumber());
    }

    @Test
    void aFileWithoutTheConfiguredColumnIsRejectedNamingIt() {
        CsvObservationParser parser = new CsvObservationParser("K1", "csv", ZoneId.of("UTC"),
                mapping("", "Date=time", "Hauteur (cm)=H:cm"));

        CsvParseResult result = parser.parse("f.csv", List.of("Date;Niveau", "2024-01-01 00:00;12"), RECEIVED);

        assertTrue(result.fileError().orElseThrow().contains("no column 'Hauteur (cm)'"), result.fileError().get());
    }

    @Test
    void badMappingsAreConfigurationErrorsWordedForTheOperator() {
        List<String> problems = new ArrayList<>();
        ColumnMapping.parse(new String[] {"Hauteur=H:km", "Débit=X", "oops", "A=Q", "B=Q"}, "yyyy-MM-dd HH:mm:ss QQQQQQ",
                problems);
        String all = String.join("\n", problems);
        assertTrue(all.contains("unit 'km' unknown for H"), all);
        assertTrue(all.contains("'Débit=X'"), all);
        assertTrue(all.contains("'oops' is not <header>=time"), all);
        assertTrue(all.contains("two headers to Q"), all);
        assertTrue(all.contains("no <header>=time entry"), all);
        assertTrue(all.contains("invalid timeFormat"), all);
    }
}
