package org.vigie.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vigie.api.AlertEvent;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.service.Acknowledgement;
import org.vigie.api.service.AlertStore;
import org.vigie.api.service.AuditEntry;
import org.vigie.api.service.OutboxEntry;
import org.vigie.api.service.OutboxEntry.Status;

/** The alert store contract held in memory, for testing core logic in isolation. */
class InMemoryAlertStore implements AlertStore {

    final List<AlertEvent> events = new ArrayList<>();
    final Map<Long, OutboxEntry> outbox = new LinkedHashMap<>();
    final Map<String, VigilanceLevel> levels = new LinkedHashMap<>();

    @Override
    public synchronized void record(AlertEvent event, Collection<String> channelIds) {
        events.add(event);
        levels.put(event.stationCode(), event.level());
        for (String channel : channelIds) {
            long id = outbox.size() + 1;
            outbox.put(id, new OutboxEntry(id, event.id(), channel, event.id() + "/" + channel, Status.PENDING, 0,
                    event.createdAt(), "", null));
        }
    }

    @Override
    public synchronized Map<String, VigilanceLevel> currentLevels() {
        return Map.copyOf(levels);
    }

    @Override
    public synchronized Optional<AlertEvent> event(String id) {
        return events.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    @Override
    public synchronized List<AlertEvent> events(int limit) {
        List<AlertEvent> newestFirst = new ArrayList<>(events);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
    }

    @Override
    public synchronized List<OutboxEntry> due(Instant now, Collection<String> channelIds, int limit) {
        return outbox.values().stream().filter(e -> e.status() == Status.PENDING
                && channelIds.contains(e.channelId()) && !e.nextAttempt().isAfter(now)).limit(limit).toList();
    }

    @Override
    public synchronized List<OutboxEntry> deliveries(String alertId) {
        return outbox.values().stream().filter(e -> e.alertId().equals(alertId)).toList();
    }

    @Override
    public synchronized Map<Status, Long> outboxCounts() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        outbox.values().forEach(e -> counts.merge(e.status(), 1L, Long::sum));
        return counts;
    }

    private void replace(long id, Status status, int attempts, Instant next, String detail, Instant delivered) {
        OutboxEntry e = outbox.get(id);
        outbox.put(id, new OutboxEntry(id, e.alertId(), e.channelId(), e.idempotencyKey(), status, attempts, next,
                detail, delivered));
    }

    @Override
    public synchronized void markDelivered(long entryId, Instant at, String detail) {
        OutboxEntry e = outbox.get(entryId);
        replace(entryId, Status.DELIVERED, e.attempts() + 1, e.nextAttempt(), detail, at);
    }

    @Override
    public synchronized void markRetry(long entryId, Instant nextAttempt, String detail) {
        replace(entryId, Status.PENDING, outbox.get(entryId).attempts() + 1, nextAttempt, detail, null);
    }

    @Override
    public synchronized void markRejected(long entryId, String detail) {
        OutboxEntry e = outbox.get(entryId);
        replace(entryId, Status.REJECTED, e.attempts() + 1, e.nextAttempt(), detail, null);
    }

    final Map<String, Acknowledgement> acknowledgements = new LinkedHashMap<>();
    final List<AuditEntry> audit = new ArrayList<>();

    @Override
    public synchronized Acknowledgement acknowledge(String alertId, String by, Instant at, String note) {
        if (event(alertId).isEmpty()) {
            throw new IllegalArgumentException("no alert " + alertId);
        }
        return acknowledgements.computeIfAbsent(alertId, id -> new Acknowledgement(id, by, at, note));
    }

    @Override
    public synchronized Optional<Acknowledgement> acknowledgement(String alertId) {
        return Optional.ofNullable(acknowledgements.get(alertId));
    }

    @Override
    public synchronized List<String> queue(String alertId, Collection<String> channelIds, Instant at, String reason) {
        List<String> added = new ArrayList<>();
        for (String channel : channelIds) {
            if (outbox.values().stream().noneMatch(e -> e.alertId().equals(alertId) && e.channelId().equals(channel))) {
                long id = outbox.size() + 1;
                outbox.put(id, new OutboxEntry(id, alertId, channel, alertId + "/" + channel, Status.PENDING, 0, at,
                        "", null));
                added.add(channel);
            }
        }
        if (!added.isEmpty()) {
            audit.add(new AuditEntry(alertId, at, "QUEUED_FOR_ESCALATION", "vigie", added + ": " + reason));
        }
        return added;
    }

    @Override
    public synchronized List<AuditEntry> audit(String alertId) {
        return audit.stream().filter(a -> a.alertId().equals(alertId)).toList();
    }
}
