package org.vigie.gis.internal.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * GeoPackage 1.2 feature tables (OGC 12-128r15) on top of {@link SqliteFile}, because H2GIS 2.2.5 has no GeoPackage
 * driver. Reading follows gpkg_contents, gpkg_geometry_columns and gpkg_spatial_ref_sys; writing produces the three
 * required tables and one table per layer ({@code fid INTEGER PRIMARY KEY}, {@code geom}, attributes), without the
 * optional R-tree index, which GDAL and QGIS do without.
 */
final class GeoPackage {
    static final int APPLICATION_ID = 0x47504B47; // "GPKG"
    static final int USER_VERSION = 10200;

    /** A table to write: geometries already in the file's SRID, values in {@code fields} order. */
    record LayerTable(String name, String title, String geometryType, List<Attributes.Field> fields, String idColumn,
                      List<String> ids, List<Geometry> geometries, List<Object[]> values) {
    }

    private GeoPackage() {
    }

    /** @return the rows of one feature table; {@code table} may be null when the file holds only one */
    static GeoFileReader.Source read(Path file, String table) throws IOException {
        try (SqliteFile.Reader database = new SqliteFile.Reader(file)) {
            Map<String, SqliteFile.SchemaEntry> tables = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            database.schema().stream().filter(entry -> entry.type().equals("table"))
                    .forEach(entry -> tables.put(entry.name(), entry));
            List<Map<String, Object>> contents = rows(database, tables, "gpkg_contents");
            List<String> features = contents.stream().filter(row -> "features".equals(row.get("data_type")))
                    .map(row -> (String) row.get("table_name")).toList();
            String chosen = choose(file, features, table);
            Map<String, Object> geometryColumn = rows(database, tables, "gpkg_geometry_columns").stream()
                    .filter(row -> chosen.equalsIgnoreCase((String) row.get("table_name"))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file.getFileName() + ": table " + chosen
                            + " has no entry in gpkg_geometry_columns"));
            String geometryName = (String) geometryColumn.get("column_name");
            long srsId = ((Number) geometryColumn.get("srs_id")).longValue();
            int srid = rows(database, tables, "gpkg_spatial_ref_sys").stream()
                    .filter(row -> row.get("srs_id") instanceof Long id && id == srsId)
                    .filter(row -> "EPSG".equalsIgnoreCase(String.valueOf(row.get("organization"))))
                    .map(row -> ((Number) row.get("organization_coordsys_id")).intValue()).findFirst().orElse(0);

            SqliteFile.SchemaEntry entry = tables.get(chosen);
            List<SqliteFile.Column> columns = SqliteFile.columns(entry.sql());
            List<String> names = new ArrayList<>();
            int geometryIndex = -1;
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equalsIgnoreCase(geometryName)) {
                    geometryIndex = i;
                } else if (!columns.get(i).rowidAlias()) {
                    names.add(columns.get(i).name());
                }
            }
            List<Geometry> geometries = new ArrayList<>();
            List<Object[]> values = new ArrayList<>();
            for (SqliteFile.Row row : database.rows(entry.rootPage())) {
                Object[] stored = Arrays.copyOf(row.values(), columns.size());
                Object[] properties = new Object[names.size()];
                int p = 0;
                for (int i = 0; i < columns.size(); i++) {
                    if (i != geometryIndex && !columns.get(i).rowidAlias()) {
                        properties[p++] = property(stored[i], columns.get(i).type());
                    }
                }
                geometries.add(geometryIndex < 0 ? null : decode((byte[]) stored[geometryIndex]));
                values.add(properties);
            }
            return new GeoFileReader.Source(srid, srid == 0 ? "srs_id " + srsId + " of " + chosen : null, names,
                    geometries, values);
        }
    }

    private static String choose(Path file, List<String> features, String table) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException(file.getFileName() + " holds no feature table");
        }
        if (table != null) {
            return features.stream().filter(table::equalsIgnoreCase).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file.getFileName() + " has no feature table '"
                            + table + "'; its feature tables are: " + String.join(", ", features)));
        }
        if (features.size() > 1) {
            throw new IllegalArgumentException(file.getFileName() + " holds " + features.size()
                    + " feature tables: say which one to import: " + String.join(", ", features));
        }
        return features.get(0);
    }

    private static List<Map<String, Object>> rows(SqliteFile.Reader database,
                                                  Map<String, SqliteFile.SchemaEntry> tables, String name)
            throws IOException {
        SqliteFile.SchemaEntry entry = tables.get(name);
        if (entry == null) {
            throw new IllegalArgumentException("not a GeoPackage: table " + name + " is missing");
        }
        List<SqliteFile.Column> columns = SqliteFile.columns(entry.sql());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SqliteFile.Row row : database.rows(entry.rootPage())) {
            Map<String, Object> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 0; i < columns.size(); i++) {
                Object value = i < row.values().length ? row.values()[i] : null;
                values.put(columns.get(i).name(), columns.get(i).rowidAlias() ? (Object) row.rowid() : value);
            }
            rows.add(values);
        }
        return rows;
    }

    private static Object property(Object stored, String declaredType) {
        if (stored instanceof Long number && declaredType.equals("BOOLEAN")) {
            return number != 0;
        }
        if (stored instanceof byte[] blob) {
            return Base64.getEncoder().encodeToString(blob);
        }
        return stored;
    }

    /** Decodes a GeoPackage binary geometry: "GP" header, optional envelope, then ISO WKB. */
    static Geometry decode(byte[] blob) {
        if (blob == null) {
            return null;
        }
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new IllegalArgumentException("not a GeoPackage geometry blob");
        }
        int flags = blob[3];
        if ((flags & 0x20) != 0) {
            throw new IllegalArgumentException("extended GeoPackage geometry types are not supported");
        }
        int envelope = (flags >> 1) & 0x07;
        if (envelope > 4) {
            throw new IllegalArgumentException("invalid GeoPackage envelope code " + envelope);
        }
        int offset = 8 + new int[] {0, 32, 48, 48, 64}[envelope];
        try {
            return new WKBReader().read(Arrays.copyOfRange(blob, offset, blob.length));
        } catch (ParseException e) {
            throw new IllegalArgumentException("unreadable GeoPackage geometry: " + e.getMessage(), e);
        }
    }

    static byte[] encode(Geometry geometry, int srsId) {
        byte[] wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN).write(geometry);
        boolean empty = geometry.isEmpty();
        ByteBuffer blob = ByteBuffer.allocate(8 + (empty ? 0 : 32) + wkb.length).order(ByteOrder.LITTLE_ENDIAN);
        blob.put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) (empty ? 0x11 : 0x03)).putInt(srsId);
        if (!empty) {
            Envelope box = geometry.getEnvelopeInternal();
            blob.putDouble(box.getMinX()).putDouble(box.getMaxX()).putDouble(box.getMinY()).putDouble(box.getMaxY());
        }
        return blob.put(wkb).array();
    }

    /** Writes a new GeoPackage holding {@code layers}, all in EPSG:{@code srid}, described by {@code srsWkt}. */
    static void write(Path file, List<LayerTable> layers, int srid, String srsWkt) throws IOException {
        List<SqliteFile.Table> tables = new ArrayList<>();
        String srsName = srid == 2154 ? "RGF93 / Lambert-93" : srid == 4326 ? "WGS 84" : "EPSG:" + srid;
        tables.add(new SqliteFile.Table("gpkg_spatial_ref_sys", "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT "
                + "NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER "
                + "NOT NULL, definition TEXT NOT NULL, description TEXT)", List.of(
                new SqliteFile.Row(-1, new Object[] {"Undefined cartesian SRS", null, "NONE", -1L, "undefined", null}),
                new SqliteFile.Row(0, new Object[] {"Undefined geographic SRS", null, "NONE", 0L, "undefined", null}),
                new SqliteFile.Row(srid, new Object[] {srsName, null, "EPSG", (long) srid, srsWkt, null}))));
        List<SqliteFile.Row> contents = new ArrayList<>();
        List<SqliteFile.Row> geometryColumns = new ArrayList<>();
        String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        for (LayerTable layer : layers) {
            Envelope box = new Envelope();
            layer.geometries().forEach(geometry -> box.expandToInclude(geometry.getEnvelopeInternal()));
            Object[] extent = box.isNull() ? new Object[4]
                    : new Object[] {box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()};
            contents.add(new SqliteFile.Row(contents.size() + 1, new Object[] {layer.name(), "features",
                    layer.title(), "", now, extent[0], extent[1], extent[2], extent[3], (long) srid}));
            geometryColumns.add(new SqliteFile.Row(geometryColumns.size() + 1, new Object[] {layer.name(), "geom",
                    layer.geometryType().toUpperCase(Locale.ROOT), (long) srid, 0L, 0L}));
            tables.add(featureTable(layer, srid));
        }
        tables.add(1, new SqliteFile.Table("gpkg_contents", "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL, "
                + "data_type TEXT NOT NULL, identifier TEXT, description TEXT DEFAULT '', last_change DATETIME NOT "
                + "NULL, min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER)", contents));
        tables.add(2, new SqliteFile.Table("gpkg_geometry_columns", "CREATE TABLE gpkg_geometry_columns (table_name "
                + "TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT "
                + "NULL, z TINYINT NOT NULL, m TINYINT NOT NULL)", geometryColumns));
        SqliteFile.write(file, APPLICATION_ID, USER_VERSION, tables);
    }

    private static SqliteFile.Table featureTable(LayerTable layer, int srid) {
        String columns = layer.fields().stream()
                .map(field -> Workbench.quote(field.column()) + " " + field.kind().name())
                .collect(Collectors.joining(", "));
        String sql = "CREATE TABLE " + Workbench.quote(layer.name()) + " (\"fid\" INTEGER PRIMARY KEY NOT NULL, "
                + "\"geom\" " + layer.geometryType().toUpperCase(Locale.ROOT) + ", "
                + Workbench.quote(layer.idColumn()) + " TEXT" + (columns.isEmpty() ? "" : ", " + columns) + ")";
        List<SqliteFile.Row> rows = new ArrayList<>();
        for (int i = 0; i < layer.geometries().size(); i++) {
            Object[] values = new Object[3 + layer.fields().size()];
            values[1] = encode(layer.geometries().get(i), srid);
            values[2] = layer.ids().get(i);
            for (int f = 0; f < layer.fields().size(); f++) {
                Object value = layer.values().get(i)[f];
                values[3 + f] = value instanceof Boolean bool ? (Object) (bool ? 1L : 0L) : value;
            }
            rows.add(new SqliteFile.Row(i + 1, values));
        }
        return new SqliteFile.Table(layer.name(), sql, rows);
    }
}
