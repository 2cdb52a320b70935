package org.vigie.gis.internal.rainfall;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A raster in the Esri ASCII format ({@code .asc}), the lowest common denominator in which radar and reanalysis
 * rainfall grids (Météo-France, GDAL exports) reach us. Values are doubles; no-data cells read as NaN so that no
 * sentinel such as -9999 can leak into a sum.
 *
 * <p>The header holds {@code ncols}, {@code nrows}, {@code xllcorner} or {@code xllcenter}, {@code yllcorner} or
 * {@code yllcenter}, {@code cellsize} (or {@code dx} and {@code dy}, as GDAL writes non-square cells) and an optional
 * {@code NODATA_value}, in any order and any case. Then come {@code nrows} lines of {@code ncols} values, the first
 * line being the northernmost row. Malformed files are refused with the line number at fault. Immutable.
 */
public final class EsriAsciiGrid {

    private static final Set<String> HEADER_KEYS = Set.of("ncols", "nrows", "xllcorner", "xllcenter", "yllcorner",
            "yllcenter", "cellsize", "dx", "dy", "nodata_value");

    private final GridGeometry geometry;
    private final double[] values;

    /**
     * A grid built in memory.
     *
     * @param values row-major, row 0 northernmost, NaN for no data; copied
     */
    public EsriAsciiGrid(GridGeometry geometry, double[] values) {
        if (values.length != geometry.nrows() * geometry.ncols()) {
            throw new IllegalArgumentException(values.length + " values for a grid of " + geometry.nrows()
                    + " x " + geometry.ncols() + " cells");
        }
        this.geometry = geometry;
        this.values = values.clone();
    }

    public static EsriAsciiGrid read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            return read(reader);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public static EsriAsciiGrid read(InputStream in) throws IOException {
        return read(new InputStreamReader(in, StandardCharsets.US_ASCII));
    }

    /** Reads the whole grid; does not close the reader. */
    public static EsriAsciiGrid read(Reader source) throws IOException {
        Lines lines = new Lines(source instanceof BufferedReader buffered ? buffered : new BufferedReader(source));
        Map<String, HeaderEntry> header = new HashMap<>();
        String[] tokens;
        while ((tokens = lines.next()) != null && HEADER_KEYS.contains(tokens[0].toLowerCase(Locale.ROOT))) {
            if (tokens.length != 2) {
                throw malformed(lines.number, "header line '" + String.join(" ", tokens)
                        + "' must be a key and one value");
            }
            if (header.put(tokens[0].toLowerCase(Locale.ROOT), new HeaderEntry(tokens[1], lines.number)) != null) {
                throw malformed(lines.number, "header key '" + tokens[0] + "' appears twice");
            }
        }
        GridGeometry geometry = geometry(header, lines.number);
        double nodata = header.containsKey("nodata_value")
                ? number(header, "nodata_value", lines.number) : Double.NaN;
        int ncols = geometry.ncols();
        int nrows = geometry.nrows();
        if ((long) ncols * nrows > Integer.MAX_VALUE - 8) {
            throw malformed(lines.number, "grid of " + nrows + " x " + ncols + " cells is too large");
        }
        double[] values = new double[nrows * ncols];
        for (int row = 0; row < nrows; row++) {
            if (tokens == null) {
                throw malformed(lines.number, "file ends after " + row + " of the " + nrows
                        + " rows announced by nrows");
            }
            if (tokens.length != ncols) {
                throw malformed(lines.number, "expected " + ncols + " values (ncols), found " + tokens.length);
            }
            for (int col = 0; col < ncols; col++) {
                double value = parse(tokens[col], lines.number, col + 1);
                values[row * ncols + col] = value == nodata ? Double.NaN : value;
            }
            tokens = lines.next();
        }
        if (tokens != null) {
            throw malformed(lines.number, "more than the " + nrows + " rows announced by nrows");
        }
        return new EsriAsciiGrid(geometry, values);
    }

    public GridGeometry geometry() {
        return geometry;
    }

    /** The value of a cell (row 0 northernmost, column 0 westernmost); NaN where there is no data. */
    public double value(int row, int col) {
        geometry.checkCell(row, col);
        return values[row * geometry.ncols() + col];
    }

    private static GridGeometry geometry(Map<String, HeaderEntry> header, int lineNumber) {
        int ncols = integer(header, "ncols", lineNumber);
        int nrows = integer(header, "nrows", lineNumber);
        double dx;
        double dy;
        if (header.containsKey("cellsize")) {
            if (header.containsKey("dx") || header.containsKey("dy")) {
                throw malformed(lineNumber, "header has both cellsize and dx/dy");
            }
            dx = number(header, "cellsize", lineNumber);
            dy = dx;
        } else if (header.containsKey("dx") || header.containsKey("dy")) {
            dx = number(header, "dx", lineNumber);
            dy = number(header, "dy", lineNumber);
        } else {
            throw malformed(lineNumber, "header lacks cellsize (or dx and dy)");
        }
        double xMin = corner(header, "xll", dx, lineNumber);
        double yMin = corner(header, "yll", dy, lineNumber);
        try {
            return new GridGeometry(xMin, yMin, dx, dy, ncols, nrows);
        } catch (IllegalArgumentException e) {
            throw malformed(lineNumber, e.getMessage());
        }
    }

    /** The lower-left corner coordinate, shifting a cell-centre reference by half a cell. */
    private static double corner(Map<String, HeaderEntry> header, String prefix, double cellSize, int lineNumber) {
        boolean corner = header.containsKey(prefix + "corner");
        boolean center = header.containsKey(prefix + "center");
        if (corner && center) {
            throw malformed(lineNumber, "header has both " + prefix + "corner and " + prefix + "center");
        }
        if (center) {
            return number(header, prefix + "center", lineNumber) - cellSize / 2;
        }
        if (!corner) {
            throw malformed(lineNumber, "header lacks " + prefix + "corner (or " + prefix + "center)");
        }
        return number(header, prefix + "corner", lineNumber);
    }

    private static int integer(Map<String, HeaderEntry> header, String key, int lineNumber) {
        HeaderEntry entry = entry(header, key, lineNumber);
        try {
            return Integer.parseInt(entry.text());
        } catch (NumberFormatException e) {
            throw malformed(entry.line(), key + " is not an integer: '" + entry.text() + "'");
        }
    }

    private static double number(Map<String, HeaderEntry> header, String key, int lineNumber) {
        HeaderEntry entry = entry(header, key, lineNumber);
        try {
            return parseDouble(entry.text());
        } catch (NumberFormatException e) {
            throw malformed(entry.line(), key + " is not a number: '" + entry.text() + "'");
        }
    }

    private static HeaderEntry entry(Map<String, HeaderEntry> header, String key, int lineNumber) {
        HeaderEntry entry = header.get(key);
        if (entry == null) {
            throw malformed(lineNumber, "header lacks " + key);
        }
        return entry;
    }

    private static double parse(String token, int lineNumber, int position) {
        try {
            return parseDouble(token);
        } catch (NumberFormatException e) {
            throw malformed(lineNumber, "value " + position + " is not a number: '" + token + "'");
        }
    }

    /** Plain decimal numbers and "nan"; not Java's extras ("1f", "0x1p3", "Infinity") that no raster writer emits. */
    private static double parseDouble(String token) {
        if (token.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        char last = token.charAt(token.length() - 1);
        if (!(last >= '0' && last <= '9' || last == '.') || token.indexOf('x') >= 0 || token.indexOf('X') >= 0) {
            throw new NumberFormatException(token);
        }
        return Double.parseDouble(token);
    }

    private static IllegalArgumentException malformed(int lineNumber, String message) {
        return new IllegalArgumentException("Esri ASCII grid, line " + lineNumber + ": " + message);
    }

    private record HeaderEntry(String text, int line) {
    }

    /** The non-blank lines of the file, split on white space, with the number of the last line read. */
    private static final class Lines {
        private final BufferedReader reader;
        private int number;

        Lines(BufferedReader reader) {
            this.reader = reader;
        }

        String[] next() throws IOException {
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (!trimmed.isEmpty()) {
                    return trimmed.split("\\s+");
                }
            }
            return null;
        }
    }
}
