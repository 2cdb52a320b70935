package org.vigie.store.h2.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vigie.api.service.ModelStateStore;
import org.vigie.api.spi.ModelState;

/**
 * The latest state of each model at each forecast point, one row per (forecast point, model) in table
 * {@code model_state}, replaced on every save; variables in {@link BinaryLayout}, so they read back bit-exact.
 */
@Component(service = ModelStateStore.class, property = "vigie.store=h2")
public final class H2ModelStateStore implements ModelStateStore {
    private static final String UPSERT = "MERGE INTO model_state (forecast_point, model_id, format_version,"
            + " valid_at, variables, saved_at) KEY (forecast_point, model_id) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String LOAD = "SELECT format_version, valid_at, variables FROM model_state"
            + " WHERE forecast_point = ? AND model_id = ?";

    private final Database database;

    @Activate
    public H2ModelStateStore(@Reference(name = "database") Database database) {
        this.database = database;
    }

    @Override
    public void save(String forecastPointId, ModelState state) {
        Objects.requireNonNull(forecastPointId, "forecastPointId");
        Objects.requireNonNull(state, "state");
        database.inTransaction("save the " + state.modelId() + " state of " + forecastPointId, connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
                upsert.setString(1, forecastPointId);
                upsert.setString(2, state.modelId());
                upsert.setInt(3, state.formatVersion());
                upsert.setLong(4, EpochNanos.of(state.validAt()));
                upsert.setBytes(5, BinaryLayout.variables(state.variables()));
                upsert.setLong(6, EpochNanos.of(Instant.now()));
                return upsert.executeUpdate();
            }
        });
    }

    @Override
    public Optional<ModelState> load(String forecastPointId, String modelId) {
        Objects.requireNonNull(forecastPointId, "forecastPointId");
        Objects.requireNonNull(modelId, "modelId");
        return database.withConnection("load the " + modelId + " state of " + forecastPointId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(LOAD)) {
                select.setString(1, forecastPointId);
                select.setString(2, modelId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ModelState(modelId, row.getInt(1), EpochNanos.toInstant(row.getLong(2)),
                            BinaryLayout.variables(row.getBytes(3))));
                }
            }
        });
    }
}
