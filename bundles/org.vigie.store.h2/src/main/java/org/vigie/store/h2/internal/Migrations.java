package org.vigie.store.h2.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema migrations: the SQL scripts under {@code db/migration/}, applied in version order, each
 * once, recorded in {@code schema_version}.
 *
 * <p>The scripts are listed here rather than discovered, because a bundle's class loader cannot list a resource
 * folder portably. H2 commits implicitly after most DDL statements, so a script is not atomic: scripts are
 * written to be re-runnable ({@code IF NOT EXISTS}), and a script that failed halfway is simply run again at the
 * next start because its version was not recorded.
 *
 * <p>Script syntax: statements end with {@code ;} at the end of a line; lines starting with {@code --} are
 * comments.
 */
final class Migrations {
    /** Every migration, in order; a new schema change is a new script appended here, never an edited one. */
    static final List<String> SCRIPTS = List.of("V1__initial.sql", "V2__model_parameters.sql",
            "V3__observation_flags.sql", "V4__rating_curves.sql", "V5__alert_audit.sql",
            "V6__alert_threshold_kind.sql", "V7__alert_threshold_local_level.sql", "V8__gis_layers.sql");

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__\\w+\\.sql");

    private Migrations() {
    }

    /**
     * Applies the scripts the database has not seen yet.
     *
     * @return the number of scripts applied
     * @throws IllegalStateException when the database was migrated by a newer store than this one
     */
    static int apply(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT PRIMARY KEY,"
                    + " script VARCHAR NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL, millis BIGINT NOT NULL)");
        }
        int current = currentVersion(connection);
        int latest = versionOf(SCRIPTS.get(SCRIPTS.size() - 1));
        if (current > latest) {
            throw new IllegalStateException("the database schema is at version " + current
                    + ", newer than this store bundle knows (" + latest + "): install a newer org.vigie.store.h2");
        }
        int applied = 0;
        for (String script : SCRIPTS) {
            int version = versionOf(script);
            if (version > current) {
                applyScript(connection, version, script);
                applied++;
            }
        }
        return applied;
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            max.next();
            return max.getInt(1);
        }
    }

    private static void applyScript(Connection connection, int version, String script) throws SQLException {
        long start = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(read(script))) {
                    statement.execute(sql);
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO schema_version (version, script, applied_at, millis) VALUES (?, ?, ?, ?)")) {
                record.setInt(1, version);
                record.setString(2, script);
                record.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                record.setLong(4, millis);
                record.executeUpdate();
            }
            connection.commit();
            LOG.info("Applied schema migration {} in {} ms", script, millis);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    static int versionOf(String script) {
        Matcher name = SCRIPT_NAME.matcher(script);
        if (!name.matches()) {
            throw new IllegalArgumentException("migration script " + script + " is not named V<version>__<name>.sql");
        }
        return Integer.parseInt(name.group(1));
    }

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("migration script ends without ';': " + current.toString().strip());
        }
        return statements;
    }

    private static String read(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script db/migration/" + script + " is missing from the bundle");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration script " + script, e);
        }
    }
}
