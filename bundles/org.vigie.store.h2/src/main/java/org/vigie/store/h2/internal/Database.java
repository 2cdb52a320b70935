package org.vigie.store.h2.internal;

import java.sql.Connection;
import java.sql.SQLException;

import org.vigie.api.service.StoreException;

/**
 * The open store database, shared by the store components of this bundle. Registered as a service whose
 * class is private to the bundle, so only these components can bind it; they bind statically, so they are
 * deactivated before the database closes and re-created after it reopens.
 */
public interface Database {

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     *
     * @param what what the work does, for the error message ("append 12 observations")
     * @throws StoreException wrapping whatever {@code work} threw; nothing was committed
     */
    <T> T inTransaction(String what, SqlWork<T> work);

    /**
     * Runs {@code work} on a connection in auto-commit mode: for reads and self-contained statements.
     *
     * @throws StoreException wrapping whatever {@code work} threw
     */
    <T> T withConnection(String what, SqlWork<T> work);

    /** Work done with a JDBC connection; the connection is borrowed, never to be closed or kept. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
