package org.vigie.store.h2.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vigie.api.service.ParameterSet;
import org.vigie.api.service.ParameterStore;

/**
 * Versioned parameters in table {@code model_parameters}: a save takes the next version number in the same
 * transaction that inserts it.
 */
@Component(service = ParameterStore.class, property = "vigie.store=h2")
public final class H2ParameterStore implements ParameterStore {
    private static final String NEXT_VERSION = "SELECT COALESCE(MAX(version), 0) + 1 FROM model_parameters"
            + " WHERE forecast_point = ? AND model_id = ?";
    private static final String INSERT = "INSERT INTO model_parameters (forecast_point, model_id, version, vals,"
            + " saved_at, origin) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT version, vals, saved_at, origin FROM model_parameters"
            + " WHERE forecast_point = ? AND model_id = ? ORDER BY version";

    private final Database database;

    @Activate
    public H2ParameterStore(@Reference(name = "database") Database database) {
        this.database = database;
    }

    @Override
    public ParameterSet save(String forecastPointId, String modelId, Map<String, Double> values, String origin) {
        Objects.requireNonNull(forecastPointId, "forecastPointId");
        Objects.requireNonNull(modelId, "modelId");
        Map<String, double[]> encoded = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("parameter " + name + " must be a finite number, got " + value);
            }
            encoded.put(name, new double[] {value});
        });
        Instant now = Instant.now();
        return database.inTransaction("save parameters of " + modelId + " at " + forecastPointId, connection -> {
            int version;
            try (PreparedStatement next = connection.prepareStatement(NEXT_VERSION)) {
                next.setString(1, forecastPointId);
                next.setString(2, modelId);
                try (ResultSet row = next.executeQuery()) {
                    row.next();
                    version = row.getInt(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setString(1, forecastPointId);
                insert.setString(2, modelId);
                insert.setInt(3, version);
                insert.setBytes(4, BinaryLayout.variables(encoded));
                insert.setLong(5, EpochNanos.of(now));
                insert.setString(6, origin == null ? "" : origin);
                insert.executeUpdate();
            }
            return new ParameterSet(forecastPointId, modelId, version, values, now, origin);
        });
    }

    @Override
    public Optional<ParameterSet> latest(String forecastPointId, String modelId) {
        List<ParameterSet> all = history(forecastPointId, modelId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    @Override
    public List<ParameterSet> history(String forecastPointId, String modelId) {
        return database.withConnection("read parameters of " + modelId + " at " + forecastPointId, connection -> {
            List<ParameterSet> sets = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                select.setString(1, forecastPointId);
                select.setString(2, modelId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        Map<String, Double> values = new LinkedHashMap<>();
                        BinaryLayout.variables(row.getBytes(2)).forEach((name, v) -> values.put(name, v[0]));
                        sets.add(new ParameterSet(forecastPointId, modelId, row.getInt(1), values,
                                EpochNanos.toInstant(row.getLong(3)), row.getString(4)));
                    }
                }
            }
            return sets;
        });
    }
}
