package org.vigie.store.h2.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.AlertEvent;
import org.vigie.api.Quantity;
import org.vigie.api.Threshold;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.service.Acknowledgement;
import org.vigie.api.service.AlertStore;
import org.vigie.api.service.AuditEntry;
import org.vigie.api.service.OutboxEntry;
import org.vigie.api.service.OutboxEntry.Status;
import org.vigie.api.service.StoreException;

/**
 * Alert events (table {@code alert_event}), each station's current level ({@code station_level}) and the
 * outbox of deliveries ({@code outbox}).
 *
 * <p>Recording an event whose id is already stored changes nothing, so a caller unsure whether its
 * {@link #record} committed can simply call it again. An outbox entry leaves PENDING once, to DELIVERED or
 * REJECTED; a late answer for an entry already out of PENDING is ignored rather than reopening it.
 */
@Component(service = AlertStore.class, property = "vigie.store=h2")
public final class H2AlertStore implements AlertStore {
    private static final Logger LOG = LoggerFactory.getLogger(H2AlertStore.class);

    private static final String INSERT_EVENT = "INSERT INTO alert_event (id, station_code, transition, level,"
            + " previous_level, basis, quantity, val, value_time, threshold_station, threshold_quantity,"
            + " threshold_level, threshold_value, threshold_label, created_at, message, threshold_kind,"
            + " threshold_rate_window_seconds, threshold_local_level) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ? WHERE NOT EXISTS"
            + " (SELECT 1 FROM alert_event WHERE id = ?)";
    private static final String UPSERT_LEVEL = "MERGE INTO station_level (station_code, level, event_id, since)"
            + " KEY (station_code) VALUES (?, ?, ?, ?)";
    private static final String INSERT_DELIVERY = "INSERT INTO outbox (alert_id, channel_id, idempotency_key,"
            + " status, attempts, next_attempt) VALUES (?, ?, ?, 'PENDING', 0, ?)";
    private static final String EVENTS = "SELECT id, station_code, transition, level, previous_level, basis,"
            + " quantity, val, value_time, threshold_station, threshold_quantity, threshold_level, threshold_value,"
            + " threshold_label, created_at, message, threshold_kind, threshold_rate_window_seconds,"
            + " threshold_local_level FROM alert_event"
            + " ORDER BY created_at DESC, seq DESC LIMIT ?";
    private static final String EVENT_BY_ID = "SELECT id, station_code, transition, level, previous_level, basis,"
            + " quantity, val, value_time, threshold_station, threshold_quantity, threshold_level, threshold_value,"
            + " threshold_label, created_at, message, threshold_kind, threshold_rate_window_seconds,"
            + " threshold_local_level FROM alert_event"
            + " WHERE id = ?";
    private static final String LEVELS = "SELECT station_code, level FROM station_level ORDER BY station_code";
    private static final String ENTRY_COLUMNS = "id, alert_id, channel_id, idempotency_key, status, attempts,"
            + " next_attempt, last_detail, delivered_at";
    private static final String DUE = "SELECT " + ENTRY_COLUMNS + " FROM outbox WHERE status = 'PENDING'"
            + " AND next_attempt <= ? AND channel_id = ANY(?) ORDER BY id LIMIT ?";
    private static final String DELIVERIES = "SELECT " + ENTRY_COLUMNS + " FROM outbox WHERE alert_id = ? ORDER BY id";
    private static final String COUNTS = "SELECT status, COUNT(*) FROM outbox GROUP BY status";
    private static final String MARK_DELIVERED = "UPDATE outbox SET status = 'DELIVERED', attempts = attempts + 1,"
            + " delivered_at = ?, last_detail = ? WHERE id = ? AND status = 'PENDING'";
    private static final String MARK_RETRY = "UPDATE outbox SET attempts = attempts + 1, next_attempt = ?,"
            + " last_detail = ? WHERE id = ? AND status = 'PENDING'";
    private static final String MARK_REJECTED = "UPDATE outbox SET status = 'REJECTED', attempts = attempts + 1,"
            + " last_detail = ? WHERE id = ? AND status = 'PENDING'";
    private static final String ENTRY_EXISTS = "SELECT status FROM outbox WHERE id = ?";
    private static final String INSERT_AUDIT = "INSERT INTO alert_audit (alert_id, at, action, actor, detail)"
            + " VALUES (?, ?, ?, ?, ?)";
    private static final String AUDIT = "SELECT at, action, actor, detail FROM alert_audit WHERE alert_id = ?"
            + " ORDER BY at, id";
    private static final String INSERT_ACK = "INSERT INTO alert_acknowledgement (alert_id, ack_by, ack_at, note)"
            + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM alert_acknowledgement WHERE alert_id = ?)";
    private static final String ACK = "SELECT ack_by, ack_at, note FROM alert_acknowledgement WHERE alert_id = ?";
    private static final String QUEUED_CHANNELS = "SELECT channel_id FROM outbox WHERE alert_id = ?";
    /** Who the platform's own audit lines are by. */
    private static final String PLATFORM = "vigie";

    private final Database database;

    @Activate
    public H2AlertStore(@Reference(name = "database") Database database) {
        this.database = database;
    }

    @Override
    public void record(AlertEvent event, Collection<String> channelIds) {
        Objects.requireNonNull(event, "event");
        List<String> channels = List.copyOf(new LinkedHashSet<>(channelIds));
        database.inTransaction("record alert " + event.id(), connection -> {
            if (!insertEvent(connection, event)) {
                LOG.debug("Alert {} is already recorded; nothing changed", event.id());
                return null;
            }
            try (PreparedStatement level = connection.prepareStatement(UPSERT_LEVEL)) {
                level.setString(1, event.stationCode());
                level.setString(2, event.level().name());
                level.setString(3, event.id());
                level.setLong(4, EpochNanos.of(event.createdAt()));
                level.executeUpdate();
            }
            insertDeliveries(connection, event.id(), channels, event.createdAt());
            audit(connection, event.id(), event.createdAt(), event.transition().name(), PLATFORM,
                    event.previousLevel() + " -> " + event.level() + " (" + event.basis() + "), queued for " + channels);
            return null;
        });
    }

    private static void insertDeliveries(Connection connection, String alertId, List<String> channels, Instant at)
            throws SQLException {
        try (PreparedStatement delivery = connection.prepareStatement(INSERT_DELIVERY)) {
            for (String channel : channels) {
                delivery.setString(1, alertId);
                delivery.setString(2, channel);
                delivery.setString(3, alertId + "/" + channel);
                delivery.setLong(4, EpochNanos.of(at));
                delivery.addBatch();
            }
            delivery.executeBatch();
        }
    }

    private static void audit(Connection connection, String alertId, Instant at, String action, String actor,
                              String detail) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_AUDIT)) {
            insert.setString(1, alertId);
            insert.setLong(2, EpochNanos.of(at));
            insert.setString(3, action);
            insert.setString(4, actor);
            insert.setString(5, detail);
            insert.executeUpdate();
        }
    }

    @Override
    public Acknowledgement acknowledge(String alertId, String by, Instant at, String note) {
        Acknowledgement wanted = new Acknowledgement(alertId, by, at, note);
        if (event(alertId).isEmpty()) {
            throw new IllegalArgumentException("no alert " + alertId);
        }
        database.inTransaction("acknowledge alert " + alertId, connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_ACK)) {
                insert.setString(1, alertId);
                insert.setString(2, wanted.by());
                insert.setLong(3, EpochNanos.of(at));
                insert.setString(4, wanted.note());
                insert.setString(5, alertId);
                if (insert.executeUpdate() == 1) {
                    audit(connection, alertId, at, "ACKNOWLEDGED", wanted.by(), wanted.note());
                }
            }
            return null;
        });
        return acknowledgement(alertId).orElseThrow();
    }

    @Override
    public Optional<Acknowledgement> acknowledgement(String alertId) {
        return database.withConnection("read the acknowledgement of " + alertId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(ACK)) {
                select.setString(1, alertId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new Acknowledgement(alertId, row.getString(1),
                            EpochNanos.toInstant(row.getLong(2)), row.getString(3))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<String> queue(String alertId, Collection<String> channelIds, Instant at, String reason) {
        if (event(alertId).isEmpty()) {
            throw new IllegalArgumentException("no alert " + alertId);
        }
        return database.inTransaction("queue alert " + alertId + " for " + channelIds, connection -> {
            Set<String> already = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement(QUEUED_CHANNELS)) {
                select.setString(1, alertId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        already.add(row.getString(1));
                    }
                }
            }
            List<String> added = new LinkedHashSet<>(channelIds).stream().filter(c -> !already.contains(c)).toList();
            if (!added.isEmpty()) {
                insertDeliveries(connection, alertId, added, at);
                audit(connection, alertId, at, "QUEUED_FOR_ESCALATION", PLATFORM, added + ": " + reason);
            }
            return added;
        });
    }

    @Override
    public List<AuditEntry> audit(String alertId) {
        return database.withConnection("read the audit trail of " + alertId, connection -> {
            List<AuditEntry> entries = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(AUDIT)) {
                select.setString(1, alertId);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        entries.add(new AuditEntry(alertId, EpochNanos.toInstant(row.getLong(1)), row.getString(2),
                                row.getString(3), row.getString(4)));
                    }
                }
            }
            return entries;
        });
    }

    private static boolean insertEvent(Connection connection, AlertEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT)) {
            insert.setString(1, event.id());
            insert.setString(2, event.stationCode());
            insert.setString(3, event.transition().name());
            insert.setString(4, event.level().name());
            insert.setString(5, event.previousLevel().name());
            insert.setString(6, event.basis().name());
            insert.setString(7, event.quantity() == null ? null : event.quantity().name());
            insert.setDouble(8, event.value());
            setNullableInstant(insert, 9, event.valueTime());
            Threshold threshold = event.threshold();
            insert.setString(10, threshold == null ? null : threshold.stationCode());
            insert.setString(11, threshold == null ? null : threshold.quantity().name());
            insert.setString(12, threshold == null ? null : threshold.level().name());
            if (threshold == null) {
                insert.setNull(13, Types.DOUBLE);
            } else {
                insert.setDouble(13, threshold.value());
            }
            insert.setString(14, threshold == null ? null : threshold.label());
            insert.setLong(15, EpochNanos.of(event.createdAt()));
            insert.setString(16, event.message());
            insert.setString(17, threshold == null ? null : threshold.kind().name());
            if (threshold == null || threshold.rateWindow() == null) {
                insert.setNull(18, Types.BIGINT);
            } else {
                insert.setLong(18, threshold.rateWindow().getSeconds());
            }
            insert.setString(19, threshold == null || !threshold.hasLocalLevel() ? null : threshold.localLevel());
            insert.setString(20, event.id());
            return insert.executeUpdate() == 1;
        }
    }

    @Override
    public Map<String, VigilanceLevel> currentLevels() {
        return database.withConnection("read the current levels", connection -> {
            Map<String, VigilanceLevel> levels = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(LEVELS); ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    levels.put(row.getString(1), VigilanceLevel.valueOf(row.getString(2)));
                }
            }
            return levels;
        });
    }

    @Override
    public java.util.Optional<AlertEvent> event(String id) {
        return database.withConnection("read alert event " + id, connection -> {
            try (PreparedStatement select = connection.prepareStatement(EVENT_BY_ID)) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? java.util.Optional.of(event(row)) : java.util.Optional.<AlertEvent>empty();
                }
            }
        });
    }

    @Override
    public List<AlertEvent> events(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.withConnection("read the latest alert events", connection -> {
            List<AlertEvent> events = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(EVENTS)) {
                select.setInt(1, limit);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        events.add(event(row));
                    }
                }
            }
            return events;
        });
    }

    private static AlertEvent event(ResultSet row) throws SQLException {
        String thresholdLevel = row.getString(12);
        String kind = row.getString(17);
        Long rateWindow = row.getObject(18, Long.class);
        // the rule settings (hysteresis, durations, probabilities) belong to the catchment, not to the event
        Threshold threshold = thresholdLevel == null ? null : new Threshold(row.getString(10),
                Quantity.valueOf(row.getString(11)), VigilanceLevel.valueOf(thresholdLevel), row.getDouble(13),
                row.getString(14), kind == null ? Threshold.Kind.LEVEL : Threshold.Kind.valueOf(kind), 0,
                Duration.ZERO, rateWindow == null ? null : Duration.ofSeconds(rateWindow), 0, null, row.getString(19));
        String quantity = row.getString(7);
        return new AlertEvent(row.getString(1), row.getString(2), AlertEvent.Transition.valueOf(row.getString(3)),
                VigilanceLevel.valueOf(row.getString(4)), VigilanceLevel.valueOf(row.getString(5)),
                AlertEvent.Basis.valueOf(row.getString(6)), quantity == null ? null : Quantity.valueOf(quantity),
                row.getDouble(8), EpochNanos.toInstantOrNull(row.getObject(9, Long.class)), threshold,
                EpochNanos.toInstant(row.getLong(15)), row.getString(16));
    }

    @Override
    public List<OutboxEntry> due(Instant now, Collection<String> channelIds, int limit) {
        Objects.requireNonNull(now, "now");
        if (channelIds.isEmpty() || limit <= 0) {
            return List.of();
        }
        String[] channels = channelIds.toArray(String[]::new);
        return database.withConnection("read the due deliveries", connection -> {
            try (PreparedStatement select = connection.prepareStatement(DUE)) {
                select.setLong(1, EpochNanos.clamped(now));
                select.setObject(2, channels);
                select.setInt(3, limit);
                return entries(select);
            }
        });
    }

    @Override
    public List<OutboxEntry> deliveries(String alertId) {
        Objects.requireNonNull(alertId, "alertId");
        return database.withConnection("read the deliveries of alert " + alertId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(DELIVERIES)) {
                select.setString(1, alertId);
                return entries(select);
            }
        });
    }

    @Override
    public Map<Status, Long> outboxCounts() {
        return database.withConnection("count the outbox", connection -> {
            Map<Status, Long> counts = new EnumMap<>(Status.class);
            for (Status status : Status.values()) {
                counts.put(status, 0L);
            }
            try (PreparedStatement select = connection.prepareStatement(COUNTS); ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    counts.put(Status.valueOf(row.getString(1)), row.getLong(2));
                }
            }
            return counts;
        });
    }

    @Override
    public void markDelivered(long entryId, Instant at, String detail) {
        Objects.requireNonNull(at, "at");
        update("mark delivery " + entryId + " delivered", entryId, MARK_DELIVERED, update -> {
            update.setLong(1, EpochNanos.of(at));
            update.setString(2, detail);
            update.setLong(3, entryId);
        });
    }

    @Override
    public void markRetry(long entryId, Instant nextAttempt, String detail) {
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        update("schedule delivery " + entryId + " again", entryId, MARK_RETRY, update -> {
            update.setLong(1, EpochNanos.of(nextAttempt));
            update.setString(2, detail);
            update.setLong(3, entryId);
        });
    }

    @Override
    public void markRejected(long entryId, String detail) {
        update("mark delivery " + entryId + " rejected", entryId, MARK_REJECTED, update -> {
            update.setString(1, detail);
            update.setLong(2, entryId);
        });
    }

    /** Runs an update of a PENDING entry; an unknown entry is an error, one no longer pending is left alone. */
    private void update(String what, long entryId, String sql, Parameters parameters) {
        database.inTransaction(what, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql)) {
                parameters.set(update);
                if (update.executeUpdate() == 1) {
                    return null;
                }
            }
            try (PreparedStatement select = connection.prepareStatement(ENTRY_EXISTS)) {
                select.setLong(1, entryId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new StoreException("there is no outbox entry " + entryId, null);
                    }
                    LOG.info("Outbox entry {} is already {}; ignoring the request to {}", entryId, row.getString(1), what);
                }
            }
            return null;
        });
    }

    private static List<OutboxEntry> entries(PreparedStatement select) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                entries.add(new OutboxEntry(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        Status.valueOf(row.getString(5)), row.getInt(6), EpochNanos.toInstant(row.getLong(7)),
                        row.getString(8), EpochNanos.toInstantOrNull(row.getObject(9, Long.class))));
            }
        }
        return entries;
    }

    private static void setNullableInstant(PreparedStatement statement, int index, Instant instant)
            throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, EpochNanos.of(instant));
        }
    }

    @FunctionalInterface
    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }
}
