package org.vigie.store.h2.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vigie.api.Forecast;
import org.vigie.api.Quantity;
import org.vigie.api.service.ForecastArchive;

/**
 * Every forecast run, one row each in table {@code forecast_run}, its arrays in {@link BinaryLayout}.
 * A run is identified by (forecast point, issue time, model); the unique index on them also serves
 * {@link #latest} and {@link #runs}.
 */
@Component(service = ForecastArchive.class, property = "vigie.store=h2")
public final class H2ForecastArchive implements ForecastArchive {
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String INSERT_NEW = "INSERT INTO forecast_run (forecast_point, model_id, issue_time,"
            + " station_code, quantity, model_version, lead_times, vals, quantiles, archived_at)"
            + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM forecast_run"
            + " WHERE forecast_point = ? AND issue_time = ? AND model_id = ?)";
    private static final String COLUMNS = "forecast_point, station_code, quantity, model_id, model_version,"
            + " issue_time, lead_times, vals, quantiles";
    private static final String LATEST = "SELECT " + COLUMNS + " FROM forecast_run WHERE forecast_point = ?"
            + " ORDER BY forecast_point DESC, issue_time DESC, model_id DESC LIMIT 1";
    private static final String RUNS = "SELECT " + COLUMNS + " FROM forecast_run"
            + " WHERE forecast_point = ? AND issue_time >= ? AND issue_time < ?"
            + " ORDER BY forecast_point, issue_time, model_id";

    private final Database database;

    @Activate
    public H2ForecastArchive(@Reference(name = "database") Database database) {
        this.database = database;
    }

    @Override
    public boolean save(Forecast forecast) {
        Objects.requireNonNull(forecast, "forecast");
        return database.inTransaction("archive " + forecast, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
                long issueTime = EpochNanos.of(forecast.issueTime());
                insert.setString(1, forecast.forecastPointId());
                insert.setString(2, forecast.modelId());
                insert.setLong(3, issueTime);
                insert.setString(4, forecast.stationCode());
                insert.setString(5, forecast.quantity().name());
                insert.setString(6, forecast.modelVersion());
                insert.setBytes(7, BinaryLayout.durations(forecast.leadTimes()));
                insert.setBytes(8, BinaryLayout.doubles(forecast.values()));
                insert.setBytes(9, BinaryLayout.quantiles(forecast.quantiles()));
                insert.setLong(10, EpochNanos.of(Instant.now()));
                insert.setString(11, forecast.forecastPointId());
                insert.setLong(12, issueTime);
                insert.setString(13, forecast.modelId());
                return insert.executeUpdate() == 1;
            } catch (SQLException e) {
                // a concurrent save of the same run won the race: the run is archived, just not by us
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<Forecast> latest(String forecastPointId) {
        Objects.requireNonNull(forecastPointId, "forecastPointId");
        List<Forecast> latest = database.withConnection("read the latest forecast of " + forecastPointId,
                connection -> {
                    try (PreparedStatement select = connection.prepareStatement(LATEST)) {
                        select.setString(1, forecastPointId);
                        return forecasts(select);
                    }
                });
        return latest.stream().findFirst();
    }

    @Override
    public List<Forecast> runs(String forecastPointId, Instant from, Instant to) {
        Objects.requireNonNull(forecastPointId, "forecastPointId");
        if (!from.isBefore(to)) {
            return List.of();
        }
        return database.withConnection("read the forecasts of " + forecastPointId + " issued from " + from
                + " to " + to, connection -> {
                    try (PreparedStatement select = connection.prepareStatement(RUNS)) {
                        select.setString(1, forecastPointId);
                        select.setLong(2, EpochNanos.clamped(from));
                        select.setLong(3, EpochNanos.clamped(to));
                        return forecasts(select);
                    }
                });
    }

    private static List<Forecast> forecasts(PreparedStatement select) throws SQLException {
        List<Forecast> forecasts = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                forecasts.add(new Forecast(row.getString(1), row.getString(2), Quantity.valueOf(row.getString(3)),
                        row.getString(4), row.getString(5), EpochNanos.toInstant(row.getLong(6)),
                        BinaryLayout.durations(row.getBytes(7)), BinaryLayout.doubles(row.getBytes(8)),
                        BinaryLayout.quantiles(row.getBytes(9))));
            }
        }
        return forecasts;
    }
}
