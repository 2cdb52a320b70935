package org.vigie.gis.internal.io;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs H2GIS's file drivers in an in-memory H2 database, so that shapefiles and GeoJSON are parsed and written by a
 * maintained library rather than by us. Each call goes through a temporary table with a unique name that is always
 * dropped afterwards. It owns one connection (from H2's {@code DataSourceFactory} in OSGi, from {@code org.h2.Driver}
 * in tests) on which {@code H2GISFunctions.load(connection)} has been called; its methods are synchronized.
 *
 * <p>H2GIS 2.2.5 signatures used (there is no GeoPackage driver in 2.2.5, see {@link GeoPackage}):
 * <ul>
 * <li>{@code GeoJsonRead(fileName, tableName)}: reads the "crs" member only as {@code urn:ogc:def:crs:EPSG::n} or
 * CRS84 (SRID 0 otherwise, e.g. for "EPSG:4326"), upper-cases every property name, turns a feature's "id" member into
 * an {@code ID} column, JSON objects and arrays into JSON values, and fails on a collection without any geometry;</li>
 * <li>{@code SHPRead(fileName, tableName)}: adds an {@code PK} column, names the geometry {@code the_geom}, upper-cases
 * field names, honours the DBF language driver byte, knows the SRID only from a .prj carrying an EPSG AUTHORITY (not
 * from the ESRI .prj GDAL and QGIS write), returns NULL for every DBF date and " " for a blank text;</li>
 * <li>{@code SHPWrite(fileName, tableName, encoding, deleteFiles)}: writes .shp/.shx/.dbf and a .prj when the geometry
 * column declares its SRID, no .cpg; truncates field names to 10 characters (collisions possible); fails with a
 * NullPointerException on an empty table; declares wrong record lengths for multipolygons of several polygons, which
 * corrupts every later record (repaired by {@link GeoFileWriter});</li>
 * <li>{@code DBFWrite(fileName, tableName, encoding, deleteFiles)}: works on an empty table too.</li>
 * </ul>
 */
public final class Workbench implements AutoCloseable {
    private static final Set<String> READERS = Set.of("GeoJsonRead", "SHPRead");
    private static final Set<String> WRITERS = Set.of("SHPWrite", "DBFWrite");

    /** Reads the rows of a temporary table; the result set is closed and the table dropped afterwards. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet rows) throws SQLException, IOException;
    }

    /** A column of a table to export, e.g. {@code ("the_geom", "GEOMETRY(MULTIPOLYGON, 2154)")}. */
    public record Column(String name, String sqlType) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Workbench.class);

    private final Connection connection;

    /** @param connection an H2 connection on which H2GIS has been loaded; closed by {@link #close()} */
    public Workbench(Connection connection) {
        this.connection = connection;
        try (Statement statement = connection.createStatement();
             ResultSet found = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.ROUTINES "
                     + "WHERE UPPER(ROUTINE_NAME) IN ('SHPREAD', 'SHPWRITE', 'GEOJSONREAD', 'DBFWRITE')")) {
            found.next();
            if (found.getInt(1) < 4) {
                throw new IllegalStateException(
                        "H2GIS is not loaded on this connection: call H2GISFunctions.load(connection) first");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot use the H2 connection: " + e.getMessage(), e);
        }
    }

    /** Imports {@code file} with a reader function ({@code GeoJsonRead} or {@code SHPRead}) and reads the rows. */
    public synchronized <T> T importFile(String function, Path file, RowReader<T> reader) throws IOException {
        if (!READERS.contains(function)) {
            throw new IllegalArgumentException("not an H2GIS reader used here: " + function);
        }
        String table = temporaryName();
        try {
            try (PreparedStatement call = connection.prepareStatement("CALL " + function + "(?, ?)")) {
                call.setString(1, file.toAbsolutePath().toString());
                call.setString(2, table);
                call.execute();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IOException("H2GIS " + function + " could not read " + file.getFileName() + ": "
                    + e.getMessage(), e);
        } finally {
            drop(table);
        }
    }

    /**
     * Fills a temporary table with {@code rows} (values in {@code columns} order: JTS geometries with the column's
     * SRID, strings, numbers, booleans, nulls) and exports it with {@code SHPWrite} or {@code DBFWrite} in UTF-8.
     */
    public synchronized void export(String function, Path file, List<Column> columns, List<Object[]> rows)
            throws IOException {
        if (!WRITERS.contains(function)) {
            throw new IllegalArgumentException("not an H2GIS writer used here: " + function);
        }
        String table = temporaryName();
        StringJoiner definition = new StringJoiner(", ", "CREATE TABLE " + table + " (", ")");
        StringJoiner parameters = new StringJoiner(", ", "INSERT INTO " + table + " VALUES (", ")");
        for (Column column : columns) {
            definition.add(quote(column.name()) + " " + column.sqlType());
            parameters.add("?");
        }
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute(definition.toString());
            }
            try (PreparedStatement insert = connection.prepareStatement(parameters.toString())) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement call = connection.prepareStatement("CALL " + function + "(?, ?, 'UTF-8', TRUE)")) {
                call.setString(1, file.toAbsolutePath().toString());
                call.setString(2, table);
                call.execute();
            }
        } catch (SQLException e) {
            throw new IOException("H2GIS " + function + " could not write " + file.getFileName() + ": "
                    + e.getMessage(), e);
        } finally {
            drop(table);
        }
    }

    /** @return the OGC WKT H2GIS knows for an EPSG code (what it writes in a .prj) */
    public synchronized String srsWkt(int srid) {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT SRTEXT FROM SPATIAL_REF_SYS WHERE AUTH_NAME = 'EPSG' AND AUTH_SRID = ?")) {
            query.setInt(1, srid);
            try (ResultSet result = query.executeQuery()) {
                if (!result.next()) {
                    throw new IllegalArgumentException("EPSG:" + srid + " is unknown to H2GIS");
                }
                return result.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read SPATIAL_REF_SYS: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }

    private static String temporaryName() {
        // H2GIS upper-cases the table names it is given, so use upper case from the start
        return "VIGIE_IO_" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }

    private void drop(String table) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) { // not thrown: it would hide the failure that led here
            LOG.warn("cannot drop temporary table {}: {}", table, e.getMessage());
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
