package org.vigie.store.h2.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A table of names (station codes, sources, methods) numbered once, so that observations store a number.
 * Ids are cached in both directions; names are never renamed or deleted, so the cache never goes stale.
 *
 * <p>New names are registered in their own auto-committed statements, outside the caller's transaction: a name
 * whose observations are then rolled back costs one unused row, while an id cached from a rolled-back insert
 * would point at nothing.
 */
final class NameDictionary {
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;
    private final String table;
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    private final Map<Integer, String> names = new ConcurrentHashMap<>();
    private final String selectId;
    private final String selectName;
    private final String insert;

    /** @param table a table with an identity column {@code id} and a unique column {@code nameColumn} */
    NameDictionary(Database database, String table, String nameColumn) {
        this.database = database;
        this.table = table;
        this.selectId = "SELECT id FROM " + table + " WHERE " + nameColumn + " = ?";
        this.selectName = "SELECT " + nameColumn + " FROM " + table + " WHERE id = ?";
        this.insert = "INSERT INTO " + table + " (" + nameColumn + ") VALUES (?)";
    }

    /** @return the id of every name, registering the new ones */
    Map<String, Integer> register(Collection<String> wanted) {
        Map<String, Integer> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : wanted) {
            Integer id = ids.get(name);
            if (id != null) {
                found.put(name, id);
            } else if (!found.containsKey(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            database.withConnection("register names in " + table, connection -> {
                for (String name : missing) {
                    found.put(name, register(connection, name));
                }
                return null;
            });
        }
        return found;
    }

    /** @return the id of a name, if registered */
    OptionalInt find(String name) {
        Integer cached = ids.get(name);
        if (cached != null) {
            return OptionalInt.of(cached);
        }
        return database.withConnection("look up " + name + " in " + table, connection -> {
            OptionalInt id = select(connection, name);
            id.ifPresent(value -> remember(name, value));
            return id;
        });
    }

    /** @return the name numbered {@code id}, which must exist (it is referenced by a stored row) */
    String name(Connection connection, int id) throws SQLException {
        String cached = names.get(id);
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement select = connection.prepareStatement(selectName)) {
            select.setInt(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no name numbered " + id + " in " + table);
                }
                String name = row.getString(1);
                remember(name, id);
                return name;
            }
        }
    }

    private int register(Connection connection, String name) throws SQLException {
        OptionalInt existing = select(connection, name);
        if (existing.isEmpty()) {
            try (PreparedStatement insertName = connection.prepareStatement(insert)) {
                insertName.setString(1, name);
                insertName.executeUpdate();
            } catch (SQLException e) {
                // another thread registered it meanwhile; its row is as good as ours
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
            existing = select(connection, name);
        }
        int id = existing.orElseThrow(() -> new IllegalStateException(name + " vanished from " + table));
        remember(name, id);
        return id;
    }

    private OptionalInt select(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(selectId)) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    private void remember(String name, int id) {
        ids.put(name, id);
        names.put(id, name);
    }
}
