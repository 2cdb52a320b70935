package org.vigie.store.h2.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.ConnectionPoolDataSource;

import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.service.StoreException;

/**
 * The store's H2 file database: opened with a small connection pool, H2GIS functions loaded, schema migrated,
 * and offered to the store components of this bundle as {@link Database}.
 */
// immediate: opening takes seconds (H2GIS), so it happens at start-up, and the database stays open while
// the store components come and go with their users instead of reopening on every first use
@Component(service = Database.class, configurationPid = H2Database.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = H2Database.Config.class)
public final class H2Database implements Database {
    static final String PID = "org.vigie.store.h2";
    /** Framework property naming Vigie's home folder, against which a relative database file resolves. */
    static final String VIGIE_HOME = "vigie.home";

    @ObjectClassDefinition(name = "Vigie embedded H2 store",
            description = "The H2 file database holding observations, forecasts, model states and alerts")
    public @interface Config {
        @AttributeDefinition(name = "Database file", description = "Path of the database without the .mv.db"
                + " suffix; a relative path resolves against the framework property vigie.home, else the"
                + " working directory")
        String databaseFile() default "data/vigie";

        @AttributeDefinition(name = "Load H2GIS", description = "Register the H2GIS spatial functions"
                + " (needs the org.vigie.h2gis fragment installed with H2)")
        boolean loadH2gis() default true;
    }

    private static final Logger LOG = LoggerFactory.getLogger(H2Database.class);
    private static final String USER = "sa";
    private static final String H2_FILE_SUFFIX = ".mv.db";
    /** Enough for the store components and the odd concurrent reader; H2 serialises writes on a table anyway. */
    private static final int MAX_CONNECTIONS = 8;

    private final Path file;
    private final JdbcConnectionPool pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    @Activate
    public H2Database(@Reference(name = "dataSourceFactory", target = "(osgi.jdbc.driver.class=org.h2.Driver)")
                      DataSourceFactory factory, Config config, BundleContext context) throws SQLException, IOException {
        this(databaseFile(config.databaseFile(), context.getProperty(VIGIE_HOME)),
                url -> factory.createConnectionPoolDataSource(connectionProperties(url)), config.loadH2gis());
    }

    /** Opens the database at {@code file} with H2's driver directly, without OSGi (tests, tools). */
    static H2Database open(Path file, boolean loadH2gis) throws SQLException, IOException {
        return new H2Database(file, url -> {
            JdbcDataSource source = new JdbcDataSource();
            source.setURL(url);
            source.setUser(USER);
            source.setPassword("");
            return source;
        }, loadH2gis);
    }

    private H2Database(Path file, PoolSourceFactory sources, boolean loadH2gis) throws SQLException, IOException {
        this.file = file.toAbsolutePath().normalize();
        Files.createDirectories(this.file.getParent());
        long start = System.nanoTime();
        pool = JdbcConnectionPool.create(sources.create("jdbc:h2:file:" + this.file));
        pool.setMaxConnections(MAX_CONNECTIONS);
        try (Connection connection = pool.getConnection()) {
            long opened = System.nanoTime();
            String h2gisLoaded = null;
            if (loadH2gis) {
                if (!H2gis.available()) {
                    throw new IllegalStateException("loadH2gis is set but the H2GIS classes are not visible to H2:"
                            + " install the org.vigie.h2gis fragment with H2 (never start it), or set loadH2gis=false");
                }
                h2gisLoaded = H2gis.loadIfNeeded(connection);
            }
            long h2gisDone = System.nanoTime();
            int migrations = Migrations.apply(connection);
            long done = System.nanoTime();
            LOG.info("Store database {} ready in {} ms: open {} ms, H2GIS {} ({} ms), {} migration(s) ({} ms),"
                            + " schema version {}", this.file, millis(done - start), millis(opened - start),
                    !loadH2gis ? "not wanted" : h2gisLoaded == null ? "already loaded" : h2gisLoaded + " loaded",
                    millis(h2gisDone - opened), migrations, millis(done - h2gisDone),
                    Migrations.currentVersion(connection));
        } catch (SQLException | RuntimeException e) {
            shutdown();
            throw e;
        }
    }

    /** Closes the database, releasing its file so that an updated store bundle can open it again. */
    @Deactivate
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        shutdown();
        LOG.info("Store database {} closed", file);
    }

    Path file() {
        return file;
    }

    @Override
    public <T> T inTransaction(String what, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Exception e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (Exception e) {
            throw storeException(what, e);
        }
    }

    @Override
    public <T> T withConnection(String what, SqlWork<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (Exception e) {
            throw storeException(what, e);
        }
    }

    /**
     * SHUTDOWN rather than only disposing the pool: it closes the database even if a connection is still
     * borrowed by a stray thread, which would otherwise keep the file locked.
     */
    private void shutdown() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not shut down the store database {} cleanly", file, e);
        } finally {
            pool.dispose();
        }
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static StoreException storeException(String what, Exception e) {
        return e instanceof StoreException store ? store
                : new StoreException("could not " + what + ": " + e.getMessage(), e);
    }

    static Path databaseFile(String configured, String vigieHome) {
        String name = configured.endsWith(H2_FILE_SUFFIX)
                ? configured.substring(0, configured.length() - H2_FILE_SUFFIX.length()) : configured;
        Path path = Path.of(name);
        if (path.isAbsolute()) {
            return path;
        }
        return (vigieHome == null || vigieHome.isBlank() ? Path.of("") : Path.of(vigieHome)).resolve(path)
                .toAbsolutePath().normalize();
    }

    private static Properties connectionProperties(String url) {
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, url);
        properties.setProperty(DataSourceFactory.JDBC_USER, USER);
        properties.setProperty(DataSourceFactory.JDBC_PASSWORD, "");
        return properties;
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    @FunctionalInterface
    private interface PoolSourceFactory {
        ConnectionPoolDataSource create(String url) throws SQLException;
    }
}
