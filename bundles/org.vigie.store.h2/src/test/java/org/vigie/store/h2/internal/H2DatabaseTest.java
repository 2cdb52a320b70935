package org.vigie.store.h2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.api.service.StoreException;

class H2DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void loadsH2gisOnceAndItsSpatialFunctionsWork() throws Exception {
        Path file = dir.resolve("nested/folders/vigie");
        H2Database database = H2Database.open(file, true);
        try {
            assertTrue(Files.exists(dir.resolve("nested/folders/vigie.mv.db")), "parent folders created");
            assertEquals(100.0, query(database, "SELECT ST_Area(ST_GeomFromText('POLYGON((0 0,10 0,10 10,0 10,0 0))'))"));
            // CRS support (CTS + spatial_ref_sys): a Lambert-93 point near Paris projects into WGS84
            double longitude = query(database,
                    "SELECT ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(652000, 6862000), 2154), 4326))");
            assertEquals(2.35, longitude, 0.05);
            String version = database.withConnection("read the H2GIS version", H2gis::loadedVersion);
            assertEquals("2.2.5", version);
        } finally {
            database.close();
        }

        H2Database reopened = H2Database.open(file, true);
        try {
            assertNull(reopened.withConnection("load H2GIS", H2gis::loadIfNeeded), "already loaded, not again");
            assertEquals(100.0, query(reopened, "SELECT ST_Area(ST_GeomFromText('POLYGON((0 0,10 0,10 10,0 10,0 0))'))"));
        } finally {
            reopened.close();
        }
    }

    @Test
    void appliesEachMigrationOnceAcrossReopens() throws Exception {
        Path file = dir.resolve("vigie");
        H2Database.open(file, false).close();
        H2Database reopened = H2Database.open(file, false);
        try {
            List<Integer> versions = reopened.withConnection("read schema versions", connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
                    List<Integer> found = new java.util.ArrayList<>();
                    while (rows.next()) {
                        found.add(rows.getInt(1));
                    }
                    return found;
                }
            });
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), versions, "each script of Migrations.SCRIPTS recorded once");
            assertEquals(0.0, query(reopened, "SELECT COUNT(*) FROM observation"));
        } finally {
            reopened.close();
        }
    }

    @Test
    void refusesADatabaseMigratedByANewerStore() throws Exception {
        Path file = dir.resolve("vigie");
        H2Database database = H2Database.open(file, false);
        database.inTransaction("pretend a newer store ran", connection -> connection.createStatement()
                .executeUpdate("INSERT INTO schema_version VALUES (99, 'V99__future.sql', CURRENT_TIMESTAMP, 0)"));
        database.close();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> H2Database.open(file, false));
        assertTrue(refused.getMessage().contains("version 99"), refused.getMessage());
        // the refused open released the file: a clean open still works once the offending row is gone
        H2Database again = openIgnoringVersion(file);
        again.close();
    }

    @Test
    void aTransactionThatThrowsCommitsNothing() throws Exception {
        H2Database database = H2Database.open(dir.resolve("vigie"), false);
        try {
            assertThrows(StoreException.class, () -> database.inTransaction("insert then fail", connection -> {
                connection.createStatement().executeUpdate("INSERT INTO station (code) VALUES ('X')");
                throw new java.sql.SQLException("boom");
            }));
            assertEquals(0.0, query(database, "SELECT COUNT(*) FROM station"));
        } finally {
            database.close();
        }
    }

    @Test
    void aClosedDatabaseFailsWithStoreException() throws Exception {
        H2Database database = H2Database.open(dir.resolve("vigie"), false);
        database.close();
        assertThrows(StoreException.class, () -> query(database, "SELECT 1"));
    }

    @Test
    void resolvesTheDatabaseFile() {
        Path home = dir.resolve("home");
        assertEquals(home.resolve("data/vigie"), H2Database.databaseFile("data/vigie", home.toString()));
        assertEquals(home.resolve("data/vigie"), H2Database.databaseFile("data/vigie.mv.db", home.toString()));
        assertEquals(Path.of("").toAbsolutePath().resolve("db/x"), H2Database.databaseFile("db/x", null));
        assertEquals(Path.of("").toAbsolutePath().resolve("db/x"), H2Database.databaseFile("db/x", " "));
        Path absolute = dir.resolve("abs/vigie").toAbsolutePath();
        assertEquals(absolute, H2Database.databaseFile(absolute.toString(), home.toString()));
    }

    @Test
    void splitsMigrationScriptsIntoStatements() {
        String script = "-- a comment; with a semicolon\nCREATE TABLE a (x INT);\n\nCREATE TABLE b (\n  y INT\n);\n";
        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE TABLE b (\n  y INT\n)"), Migrations.statements(script));
        assertThrows(IllegalArgumentException.class, () -> Migrations.statements("CREATE TABLE a (x INT)"));
        assertEquals(12, Migrations.versionOf("V12__more_tables.sql"));
    }

    private static H2Database openIgnoringVersion(Path file) throws Exception {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM schema_version WHERE version = 99");
        }
        return H2Database.open(file, false);
    }

    private static double query(Database database, String sql) {
        return database.withConnection(sql, connection -> {
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getDouble(1);
            }
        });
    }
}
