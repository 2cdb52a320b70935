package org.vigie.store.h2.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2gis.functions.factory.H2GISFunctions;
import org.h2gis.functions.system.H2GISversion;

/**
 * Loads the H2GIS functions into the database. Kept apart from {@link H2Database} because the H2GIS import is
 * optional: this class only links when the org.vigie.h2gis fragment is attached to H2.
 */
final class H2gis {
    private H2gis() {
    }

    /**
     * Registers the H2GIS functions unless the database already holds this version of them: registering
     * some 300 functions takes seconds, and they persist in the database file.
     *
     * @return the H2GIS version when it was loaded now, or {@code null} when it already was
     */
    static String loadIfNeeded(Connection connection) throws SQLException {
        String available = H2GISversion.geth2gisVersion().strip();
        if (available.equals(loadedVersion(connection))) {
            return null;
        }
        H2GISFunctions.load(connection);
        return available;
    }

    /** @return the version of the H2GIS functions registered in the database, or {@code null} when none are */
    static String loadedVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            try (ResultSet routine = statement.executeQuery("SELECT 1 FROM INFORMATION_SCHEMA.ROUTINES"
                    + " WHERE ROUTINE_SCHEMA = 'PUBLIC' AND ROUTINE_NAME = 'H2GISVERSION'")) {
                if (!routine.next()) {
                    return null;
                }
            }
            try (ResultSet version = statement.executeQuery("SELECT H2GISVERSION()")) {
                // H2GIS reads its version from a resource, trailing newline included
                return version.next() && version.getString(1) != null ? version.getString(1).strip() : null;
            }
        }
    }

    /** @return whether the H2GIS classes can be loaded, i.e. the fragment is attached (or on the class path) */
    static boolean available() {
        try {
            Class.forName("org.h2gis.functions.factory.H2GISFunctions", false, H2gis.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
