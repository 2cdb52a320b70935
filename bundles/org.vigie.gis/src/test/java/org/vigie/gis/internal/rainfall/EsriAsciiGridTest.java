package org.vigie.gis.internal.rainfall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

class EsriAsciiGridTest {

    private static final String STANDARD = """
            ncols 3
            nrows 2
            xllcorner 600000
            yllcorner 6700000
            cellsize 1000
            NODATA_value -9999
            1.5 2 3
            4 -9999 6e-1
            """;

    @Test
    void readsHeaderAndRowsNorthFirst() throws IOException {
        EsriAsciiGrid grid = read(STANDARD);
        assertEquals(new GridGeometry(600000, 6700000, 1000, 1000, 3, 2), grid.geometry());
        assertEquals(1.5, grid.value(0, 0), 0.0);
        assertEquals(3.0, grid.value(0, 2), 0.0);
        assertEquals(0.6, grid.value(1, 2), 0.0);
        // Row 0 is the northern row: its centre is 1.5 cells above the south edge.
        assertEquals(6701500, grid.geometry().centreY(0), 0.0);
        assertEquals(6700500, grid.geometry().centreY(1), 0.0);
        assertEquals(new Envelope(601000, 602000, 6700000, 6701000),
                grid.geometry().cell(1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> grid.value(2, 0));
    }

    @Test
    void noDataCellsReadAsNaN() throws IOException {
        assertTrue(Double.isNaN(read(STANDARD).value(1, 1)));
        EsriAsciiGrid withoutNodataKey = read("""
                ncols 2
                nrows 1
                xllcorner 0
                yllcorner 0
                cellsize 1
                -9999 5
                """);
        assertEquals(-9999, withoutNodataKey.value(0, 0), 0.0, "without NODATA_value, -9999 is a value");
    }

    @Test
    void headerKeysComeInAnyOrderAndCase() throws IOException {
        EsriAsciiGrid grid = read("""
                CELLSIZE 1000
                nodata_value -1
                YllCorner 6700000
                NROWS 2

                xllcorner 600000
                Ncols 3
                1.5 2 3
                4 -1 6e-1
                """);
        assertEquals(read(STANDARD).geometry(), grid.geometry());
        assertTrue(Double.isNaN(grid.value(1, 1)));
    }

    @Test
    void cellCentreReferenceShiftsTheCornerByHalfACell() throws IOException {
        EsriAsciiGrid grid = read("""
                ncols 3
                nrows 2
                xllcenter 600500
                yllcenter 6700500
                cellsize 1000
                1 2 3
                4 5 6
                """);
        assertEquals(read(STANDARD).geometry(), grid.geometry());
    }

    @Test
    void gdalDxDyGiveRectangularCells() throws IOException {
        EsriAsciiGrid grid = read("""
                ncols 2
                nrows 2
                xllcorner 0
                yllcenter 100
                dx 20
                dy 50
                1 2
                3 4
                """);
        assertEquals(new GridGeometry(0, 75, 20, 50, 2, 2), grid.geometry());
        assertEquals(1000, grid.geometry().cellArea(), 0.0);
    }

    @Test
    void sameGeometryIsEqualAndHashesAlike() {
        GridGeometry a = new GridGeometry(600000, 6700000, 1000, 1000, 3, 2);
        GridGeometry b = new GridGeometry(600000, 6700000, 1000, 1000, 3, 2);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new GridGeometry(600000, 6700000, 1000, 1000, 3, 3));
    }

    @Test
    void readsFromPathAndStream(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rain.asc");
        Files.writeString(file, STANDARD);
        assertEquals(2.0, EsriAsciiGrid.read(file).value(0, 1), 0.0);
        assertEquals(4.0, EsriAsciiGrid.read(new ByteArrayInputStream(STANDARD.getBytes(StandardCharsets.US_ASCII)))
                .value(1, 0), 0.0);
        Files.writeString(file, STANDARD.replace("4 -9999", "4 oops"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EsriAsciiGrid.read(file));
        assertTrue(e.getMessage().contains("rain.asc") && e.getMessage().contains("line 8"), e.getMessage());
    }

    @Test
    void wrongValueCountIsReportedWithItsLine() {
        assertError(STANDARD.replace("4 -9999 6e-1", "4 -9999"), "line 8", "expected 3 values");
        assertError(STANDARD.replace("1.5 2 3", "1.5 2 3 7"), "line 7", "found 4");
    }

    @Test
    void missingRowsAndExtraRowsAreReported() {
        assertError(STANDARD.replace("4 -9999 6e-1\n", ""), "file ends after 1 of the 2 rows");
        assertError(STANDARD + "\n7 8 9\n", "line 10", "more than the 2 rows");
    }

    @Test
    void nonNumericValuesAreReportedWithLineAndPosition() {
        assertError(STANDARD.replace("1.5 2 3", "1.5 two 3"), "line 7", "value 2", "'two'");
        assertError(STANDARD.replace("1.5 2 3", "1.5 2f 3"), "line 7", "'2f'");
        assertError(STANDARD.replace("cellsize 1000", "cellsize 1km"), "line 5", "cellsize");
        assertError(STANDARD.replace("nrows 2", "nrows 2.5"), "line 2", "nrows");
    }

    @Test
    void missingOrConflictingHeaderKeysAreReported() {
        assertError(STANDARD.replace("cellsize 1000\n", ""), "line 6", "lacks cellsize");
        assertError(STANDARD.replace("yllcorner 6700000\n", ""), "lacks yllcorner");
        assertError(STANDARD.replace("nrows 2\n", ""), "lacks nrows");
        assertError(STANDARD.replace("xllcorner 600000", "xllcorner 600000\nxllcenter 600500"),
                "both xllcorner and xllcenter");
        assertError(STANDARD.replace("ncols 3", "ncols 3\nNCOLS 3"), "line 2", "twice");
        assertError(STANDARD.replace("cellsize 1000", "cellsize 0"), "cell sizes must be positive");
    }

    private static EsriAsciiGrid read(String text) throws IOException {
        return EsriAsciiGrid.read(new StringReader(text));
    }

    private static void assertError(String text, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(text));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' not in: " + e.getMessage());
        }
    }
}
