package org.vigie.gis.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2gis.functions.factory.H2GISFunctions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.gis.internal.io.Workbench;

/**
 * The in-memory H2 database in which H2GIS's file drivers read and write GeoJSON, Shapefiles and GeoPackages. Opened
 * on first use (loading H2GIS takes a second or two) and kept for the life of the bundle.
 */
@Component(service = GisWorkbench.class)
public final class GisWorkbench {
    private static final Logger LOG = LoggerFactory.getLogger(GisWorkbench.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final DataSourceFactory h2;
    private Connection connection;
    private Workbench workbench;

    @Activate
    public GisWorkbench(@Reference(name = "h2", target = "(osgi.jdbc.driver.class=org.h2.Driver)")
                        DataSourceFactory h2) {
        this.h2 = h2;
    }

    /** @return the workbench, opened now if it was not */
    public synchronized Workbench get() {
        if (workbench == null) {
            try {
                Properties properties = new Properties();
                properties.put(DataSourceFactory.JDBC_URL, "jdbc:h2:mem:vigie-gis-" + DATABASES.incrementAndGet());
                connection = h2.createDataSource(properties).getConnection();
                H2GISFunctions.load(connection);
                workbench = new Workbench(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open the GIS workbench database: " + e.getMessage(), e);
            }
        }
        return workbench;
    }

    @Deactivate
    synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the GIS workbench", e);
            }
        }
    }
}
