package org.vigie.store.h2.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vigie.api.DiagnosticFlag;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quantity;
import org.vigie.api.service.AppendResult;
import org.vigie.api.service.ObservationFlags;
import org.vigie.api.service.SeriesStore;
import org.vigie.api.service.StoreException;

/**
 * Raw observations, one row each in table {@code observation}, keyed by their identity (station, quantity,
 * time, source). A row that is already there is never touched: re-delivery inserts nothing and is counted as a
 * duplicate, whatever value it carries; within one batch the first occurrence wins.
 *
 * <p>Instants are kept to the nanosecond (see {@link EpochNanos}); a value of -0.0 reads back as 0.0.
 */
@Component(service = SeriesStore.class, property = "vigie.store=h2")
public final class H2SeriesStore implements SeriesStore {
    /** Rows per JDBC batch: large enough to amortise the calls, small enough to keep the driver's buffers small. */
    private static final int JDBC_BATCH = 1000;

    /** Inserts a row unless its identity is stored; the update count (0 or 1) tells which happened. */
    private static final String INSERT_NEW = "INSERT INTO observation"
            + " (station_id, quantity, t, source_id, val, quality, method_id, reference, received_at)"
            + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM observation"
            + " WHERE station_id = ? AND quantity = ? AND t = ? AND source_id = ?)";

    private static final String COLUMNS = "t, source_id, val, quality, method_id, reference, received_at";
    // ORDER BY the whole primary key so that H2 reads the index in order instead of sorting
    private static final String READ_RANGE = "SELECT " + COLUMNS + " FROM observation"
            + " WHERE station_id = ? AND quantity = ? AND t >= ? AND t < ?"
            + " ORDER BY station_id, quantity, t, source_id";
    private static final String READ_LATEST = "SELECT " + COLUMNS + " FROM observation"
            + " WHERE station_id = ? AND quantity = ? AND t = (SELECT t FROM observation"
            + " WHERE station_id = ? AND quantity = ? ORDER BY station_id DESC, quantity DESC, t DESC LIMIT 1)";
    private static final String COUNT = "SELECT COUNT(*) FROM observation WHERE station_id = ? AND quantity = ?";
    /** Flags only for observations that exist: a flag row never outlives or precedes its observation. */
    private static final String MERGE_FLAGS = "MERGE INTO observation_flag f USING (SELECT station_id, quantity, t,"
            + " source_id FROM observation WHERE station_id = ? AND quantity = ? AND t = ? AND source_id = ?) o"
            + " ON f.station_id = o.station_id AND f.quantity = o.quantity AND f.t = o.t AND f.source_id = o.source_id"
            + " WHEN MATCHED THEN UPDATE SET flags = ?, checked_at = ?"
            + " WHEN NOT MATCHED THEN INSERT (station_id, quantity, t, source_id, flags, checked_at)"
            + " VALUES (o.station_id, o.quantity, o.t, o.source_id, ?, ?)";
    private static final String READ_FLAGS = "SELECT t, source_id, flags FROM observation_flag"
            + " WHERE station_id = ? AND quantity = ? AND t >= ? AND t < ?"
            + " ORDER BY station_id, quantity, t, source_id";

    private static final String UNIQUE_VIOLATION = "23505";
    /** Attempts of an append that collides with concurrent appends of the same observations. */
    private static final int MAX_ATTEMPTS = 3;

    private static final Comparator<Observation> READ_ORDER = Comparator.comparing(Observation::time)
            .thenComparing(observation -> observation.provenance().source());

    private final Database database;
    private final NameDictionary stations;
    private final NameDictionary sources;
    private final NameDictionary methods;

    @Activate
    public H2SeriesStore(@Reference(name = "database") Database database) {
        this.database = database;
        this.stations = new NameDictionary(database, "station", "code");
        this.sources = new NameDictionary(database, "observation_source", "name");
        this.methods = new NameDictionary(database, "observation_method", "name");
    }

    @Override
    public AppendResult append(Collection<Observation> observations) {
        List<Observation> batch = List.copyOf(observations);
        if (batch.isEmpty()) {
            return AppendResult.NONE;
        }
        Map<String, Integer> stationIds = stations.register(distinct(batch, Observation::stationCode));
        Map<String, Integer> sourceIds = sources.register(distinct(batch, o -> o.provenance().source()));
        Map<String, Integer> methodIds = methods.register(distinct(batch, o -> o.provenance().method()));
        String what = "append " + batch.size() + " observations";
        List<Row> rows = new ArrayList<>(batch.size());
        Set<Identity> seen = new HashSet<>(batch.size() * 2);
        for (Observation observation : batch) {
            long time;
            try {
                time = EpochNanos.of(observation.time());
            } catch (IllegalArgumentException e) {
                throw new StoreException("could not " + what + ": " + e.getMessage(), e);
            }
            Row row = new Row(new Identity(stationIds.get(observation.stationCode()), Codes.of(observation.quantity()),
                    time, sourceIds.get(observation.provenance().source())),
                    observation, methodIds.get(observation.provenance().method()));
            // H2 may answer NOT EXISTS for a key from a cached result within one JDBC batch, so an identity
            // repeated inside the batch is dropped here; the database only checks against what is stored
            if (seen.add(row.identity())) {
                rows.add(row);
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                int stored = database.inTransaction(what, connection -> insertNew(connection, rows));
                return new AppendResult(stored, batch.size() - stored);
            } catch (StoreException e) {
                // a concurrent append committed some of the same observations first: on the next attempt they
                // count as duplicates
                if (attempt == MAX_ATTEMPTS || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /** @return the number of rows inserted, the others being stored already */
    private static int insertNew(Connection connection, List<Row> rows) throws SQLException {
        int inserted = 0;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
            int pending = 0;
            for (Row row : rows) {
                Identity identity = row.identity();
                Observation observation = row.observation();
                insert.setInt(1, identity.station());
                insert.setByte(2, identity.quantity());
                insert.setLong(3, identity.time());
                insert.setInt(4, identity.source());
                // H2 stores -0.0 as 0.0 anyway; saying so here keeps the behaviour independent of the engine
                insert.setDouble(5, observation.value() == 0.0 ? 0.0 : observation.value());
                insert.setByte(6, Codes.of(observation.quality()));
                insert.setInt(7, row.method());
                insert.setString(8, observation.provenance().reference());
                insert.setLong(9, EpochNanos.of(observation.receivedAt()));
                insert.setInt(10, identity.station());
                insert.setByte(11, identity.quantity());
                insert.setLong(12, identity.time());
                insert.setInt(13, identity.source());
                insert.addBatch();
                if (++pending == JDBC_BATCH) {
                    inserted += sum(insert.executeBatch());
                    pending = 0;
                }
            }
            if (pending > 0) {
                inserted += sum(insert.executeBatch());
            }
        }
        return inserted;
    }

    @Override
    public List<Observation> read(String stationCode, Quantity quantity, Instant from, Instant to) {
        Objects.requireNonNull(quantity, "quantity");
        OptionalInt station = stations.find(stationCode);
        if (station.isEmpty() || !from.isBefore(to)) {
            return List.of();
        }
        return database.withConnection("read " + stationCode + " " + quantity + " from " + from + " to " + to,
                connection -> {
                    try (PreparedStatement select = connection.prepareStatement(READ_RANGE)) {
                        select.setInt(1, station.getAsInt());
                        select.setByte(2, Codes.of(quantity));
                        select.setLong(3, EpochNanos.clamped(from));
                        select.setLong(4, EpochNanos.clamped(to));
                        return observations(connection, select, stationCode, quantity);
                    }
                });
    }

    @Override
    public Optional<Observation> latest(String stationCode, Quantity quantity) {
        Objects.requireNonNull(quantity, "quantity");
        OptionalInt station = stations.find(stationCode);
        if (station.isEmpty()) {
            return Optional.empty();
        }
        List<Observation> atLatestTime = database.withConnection("read the latest " + stationCode + " " + quantity,
                connection -> {
                    try (PreparedStatement select = connection.prepareStatement(READ_LATEST)) {
                        select.setInt(1, station.getAsInt());
                        select.setByte(2, Codes.of(quantity));
                        select.setInt(3, station.getAsInt());
                        select.setByte(4, Codes.of(quantity));
                        return observations(connection, select, stationCode, quantity);
                    }
                });
        // the last one in read order
        return atLatestTime.isEmpty() ? Optional.empty() : Optional.of(atLatestTime.get(atLatestTime.size() - 1));
    }

    @Override
    public long count(String stationCode, Quantity quantity) {
        Objects.requireNonNull(quantity, "quantity");
        OptionalInt station = stations.find(stationCode);
        if (station.isEmpty()) {
            return 0;
        }
        return database.withConnection("count " + stationCode + " " + quantity, connection -> {
            try (PreparedStatement count = connection.prepareStatement(COUNT)) {
                count.setInt(1, station.getAsInt());
                count.setByte(2, Codes.of(quantity));
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        });
    }

    @Override
    public void recordFlags(String stationCode, Quantity quantity, Collection<ObservationFlags> flags) {
        Objects.requireNonNull(quantity, "quantity");
        OptionalInt station = stations.find(stationCode);
        if (station.isEmpty() || flags.isEmpty()) {
            return;
        }
        long checkedAt = EpochNanos.of(Instant.now());
        database.inTransaction("record " + flags.size() + " flags of " + stationCode + " " + quantity, connection -> {
            try (PreparedStatement merge = connection.prepareStatement(MERGE_FLAGS)) {
                int pending = 0;
                for (ObservationFlags flagged : flags) {
                    OptionalInt source = sources.find(flagged.source());
                    if (source.isEmpty()) {
                        continue;
                    }
                    String names = flagged.flags().stream().map(Enum::name).collect(Collectors.joining(","));
                    merge.setInt(1, station.getAsInt());
                    merge.setByte(2, Codes.of(quantity));
                    merge.setLong(3, EpochNanos.of(flagged.time()));
                    merge.setInt(4, source.getAsInt());
                    merge.setString(5, names);
                    merge.setLong(6, checkedAt);
                    merge.setString(7, names);
                    merge.setLong(8, checkedAt);
                    merge.addBatch();
                    if (++pending == JDBC_BATCH) {
                        merge.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    merge.executeBatch();
                }
            }
            return null;
        });
    }

    @Override
    public List<ObservationFlags> readFlags(String stationCode, Quantity quantity, Instant from, Instant to) {
        Objects.requireNonNull(quantity, "quantity");
        OptionalInt station = stations.find(stationCode);
        if (station.isEmpty() || !from.isBefore(to)) {
            return List.of();
        }
        return database.withConnection("read flags of " + stationCode + " " + quantity + " from " + from + " to " + to,
                connection -> {
                    List<ObservationFlags> flags = new ArrayList<>();
                    try (PreparedStatement select = connection.prepareStatement(READ_FLAGS)) {
                        select.setInt(1, station.getAsInt());
                        select.setByte(2, Codes.of(quantity));
                        select.setLong(3, EpochNanos.clamped(from));
                        select.setLong(4, EpochNanos.clamped(to));
                        try (ResultSet row = select.executeQuery()) {
                            while (row.next()) {
                                flags.add(new ObservationFlags(EpochNanos.toInstant(row.getLong(1)),
                                        sources.name(connection, row.getInt(2)), parseFlags(row.getString(3))));
                            }
                        }
                    }
                    flags.sort(Comparator.comparing(ObservationFlags::time).thenComparing(ObservationFlags::source));
                    return flags;
                });
    }

    private static Set<DiagnosticFlag> parseFlags(String names) {
        Set<DiagnosticFlag> flags = EnumSet.noneOf(DiagnosticFlag.class);
        for (String name : names.split(",")) {
            if (!name.isEmpty()) {
                try {
                    flags.add(DiagnosticFlag.valueOf(name));
                } catch (IllegalArgumentException e) {
                    // written by a newer bundle than this one: the flags this version knows still count
                }
            }
        }
        return flags;
    }

    /** Rows come in (time, source id) order; the API wants (time, source name), which differs only on ties. */
    private List<Observation> observations(Connection connection, PreparedStatement select, String stationCode,
                                           Quantity quantity) throws SQLException {
        List<Observation> observations = new ArrayList<>();
        boolean sameTimeTwice = false;
        long previousTime = 0;
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                long time = row.getLong(1);
                sameTimeTwice |= !observations.isEmpty() && time == previousTime;
                previousTime = time;
                Provenance provenance = new Provenance(sources.name(connection, row.getInt(2)),
                        methods.name(connection, row.getInt(5)), row.getString(6));
                observations.add(new Observation(stationCode, quantity, EpochNanos.toInstant(time), row.getDouble(3),
                        Codes.quality(row.getByte(4)), provenance, EpochNanos.toInstant(row.getLong(7))));
            }
        }
        if (sameTimeTwice) {
            observations.sort(READ_ORDER);
        }
        return observations;
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (SQLException sql = cause instanceof SQLException e ? e : null; sql != null; sql = sql.getNextException()) {
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Set<String> distinct(List<Observation> batch, Function<Observation, String> name) {
        Set<String> names = new HashSet<>();
        for (Observation observation : batch) {
            names.add(name.apply(observation));
        }
        return names;
    }

    private static int sum(int[] updateCounts) {
        int sum = 0;
        for (int count : updateCounts) {
            sum += count;
        }
        return sum;
    }

    /** An observation's identity, as stored in the primary key. */
    private record Identity(int station, byte quantity, long time, int source) {
    }

    private record Row(Identity identity, Observation observation, int method) {
    }
}
