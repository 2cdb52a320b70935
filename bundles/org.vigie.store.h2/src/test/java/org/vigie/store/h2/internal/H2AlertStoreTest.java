package org.vigie.store.h2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.api.AlertEvent;
import org.vigie.api.AlertEvent.Basis;
import org.vigie.api.AlertEvent.Transition;
import org.vigie.api.Quantity;
import org.vigie.api.Threshold;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.service.OutboxEntry;
import org.vigie.api.service.OutboxEntry.Status;
import org.vigie.api.service.StoreException;

class H2AlertStoreTest extends StoreFixture {
    private H2AlertStore store;

    @BeforeEach
    void createStore() {
        store = new H2AlertStore(database);
    }

    @Test
    void recordingQueuesOneDeliveryPerChannelAndSetsTheLevel() {
        AlertEvent raised = raised("a1", "K001", hour(0));
        store.record(raised, List.of("email", "sms", "email"));

        assertEquals(List.of(raised), store.events(10));
        assertEquals(Map.of("K001", VigilanceLevel.ORANGE), store.currentLevels());
        List<OutboxEntry> deliveries = store.deliveries("a1");
        assertEquals(List.of("email", "sms"), deliveries.stream().map(OutboxEntry::channelId).toList());
        OutboxEntry email = deliveries.get(0);
        assertEquals("a1/email", email.idempotencyKey());
        assertEquals(Status.PENDING, email.status());
        assertEquals(0, email.attempts());
        assertEquals(hour(0), email.nextAttempt());
        assertNull(email.lastDetail());
        assertNull(email.deliveredAt());
        assertEquals(Map.of(Status.PENDING, 2L, Status.DELIVERED, 0L, Status.REJECTED, 0L), store.outboxCounts());
    }

    @Test
    void aLocalStepAndItsLocalLevelSurviveAWriteAndARead() {
        Threshold n2 = new Threshold("K001", Quantity.H, VigilanceLevel.ORANGE, 2.80, "caves",
                Threshold.Kind.LEVEL, 0, java.time.Duration.ZERO, null, 0, null, "N2 – caves à vider");
        AlertEvent step = new AlertEvent("s1", "K001", Transition.LOCAL_STEP, VigilanceLevel.ORANGE,
                VigilanceLevel.ORANGE, Basis.OBSERVED, Quantity.H, 2.83, hour(1), n2, hour(1),
                "Niveau local N2 – caves à vider atteint — K001 : …");
        store.record(step, List.of("log"));
        AlertEvent read = store.event("s1").orElseThrow();
        assertEquals(step, read);
        assertEquals("N2 – caves à vider", read.threshold().localLevel());
        assertEquals(Map.of("K001", VigilanceLevel.ORANGE), store.currentLevels());
        assertEquals(step, store.events(1).get(0), "read back by events(…) too");
    }

    @Test
    void recordingTheSameEventAgainChangesNothing() {
        store.record(raised("a1", "K001", hour(0)), List.of("email"));
        store.record(raised("a1", "K001", hour(0)), List.of("email", "sms"));

        assertEquals(1, store.events(10).size());
        assertEquals(1, store.deliveries("a1").size());
    }

    @Test
    void eventsAreNewestFirstAndLevelsFollowTheLatestEvent() throws Exception {
        AlertEvent first = raised("a1", "K001", hour(0));
        AlertEvent other = raised("a2", "K002", hour(1));
        AlertEvent ended = new AlertEvent("a3", "K001", Transition.ENDED, VigilanceLevel.GREEN, VigilanceLevel.ORANGE,
                Basis.OBSERVED, Quantity.H, Double.NaN, null, null, hour(2), null);
        store.record(first, List.of());
        store.record(other, List.of("sms"));
        store.record(ended, List.of("sms"));

        reopen();
        store = new H2AlertStore(database);

        assertEquals(List.of(ended, other, first), store.events(10));
        assertEquals(List.of(ended, other), store.events(2));
        assertEquals(List.of(), store.events(0));
        assertEquals(Map.of("K001", VigilanceLevel.GREEN, "K002", VigilanceLevel.ORANGE), store.currentLevels());
        AlertEvent readEnded = store.events(1).get(0);
        assertNull(readEnded.threshold());
        assertNull(readEnded.valueTime());
        assertEquals("", readEnded.message());
    }

    @Test
    void aDeliveryIsRetriedWhenDueThenDelivered() {
        store.record(raised("a1", "K001", hour(0)), List.of("email", "sms"));
        store.record(raised("a2", "K002", hour(1)), List.of("email"));

        assertEquals(List.of(), store.due(hour(0).minusSeconds(1), List.of("email"), 10));
        List<OutboxEntry> due = store.due(hour(1), List.of("email"), 10);
        assertEquals(List.of("a1/email", "a2/email"), due.stream().map(OutboxEntry::idempotencyKey).toList());
        assertEquals(1, store.due(hour(1), List.of("email"), 1).size());
        assertEquals(List.of(), store.due(hour(1), List.of(), 10));

        OutboxEntry email = due.get(0);
        store.markRetry(email.id(), hour(3), "SMTP 451 try later");
        assertEquals(List.of("a2/email"), keys(store.due(hour(2), List.of("email"), 10)));
        List<OutboxEntry> dueLater = store.due(hour(3), List.of("email"), 10);
        assertEquals(List.of("a1/email", "a2/email"), keys(dueLater), "oldest alert first");
        OutboxEntry retried = dueLater.get(0);
        assertEquals(1, retried.attempts());
        assertEquals(hour(3), retried.nextAttempt());
        assertEquals("SMTP 451 try later", retried.lastDetail());

        Instant deliveredAt = hour(3).plusMillis(1234).plusNanos(5);
        store.markDelivered(email.id(), deliveredAt, "250 OK");
        OutboxEntry delivered = store.deliveries("a1").get(0);
        assertEquals(Status.DELIVERED, delivered.status());
        assertEquals(2, delivered.attempts());
        assertEquals(deliveredAt, delivered.deliveredAt());
        assertEquals("250 OK", delivered.lastDetail());
        assertEquals(List.of("a2/email"), keys(store.due(hour(9), List.of("email"), 10)));
        assertEquals(List.of("a1/sms"), keys(store.due(hour(9), List.of("sms", "fax"), 10)));
    }

    @Test
    void aRejectedDeliveryIsNeverDueAgainNorReopened() {
        store.record(raised("a1", "K001", hour(0)), List.of("sms"));
        long id = store.deliveries("a1").get(0).id();

        store.markRejected(id, "invalid phone number");
        store.markRetry(id, hour(1), "late answer");
        store.markDelivered(id, hour(1), "late answer");

        OutboxEntry rejected = store.deliveries("a1").get(0);
        assertEquals(Status.REJECTED, rejected.status());
        assertEquals(1, rejected.attempts());
        assertEquals("invalid phone number", rejected.lastDetail());
        assertEquals(List.of(), store.due(hour(99), List.of("sms"), 10));
        assertEquals(Map.of(Status.PENDING, 0L, Status.DELIVERED, 0L, Status.REJECTED, 1L), store.outboxCounts());
    }

    @Test
    void markingAnUnknownEntryFails() {
        assertThrows(StoreException.class, () -> store.markDelivered(42, hour(0), "?"));
    }

    private static List<String> keys(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::idempotencyKey).toList();
    }

    private static AlertEvent raised(String id, String station, Instant at) {
        Threshold orange = new Threshold(station, Quantity.H, VigilanceLevel.ORANGE, 2.2, "seuil d'alerte de la ville (2,20 m)");
        return new AlertEvent(id, station, Transition.RAISED, VigilanceLevel.ORANGE, VigilanceLevel.GREEN,
                Basis.FORECAST, Quantity.H, 2.31, at.plusSeconds(5400), orange, at, "Vigilance orange à " + station);
    }

    @Test
    void acknowledgementsEscalationsAndTransitionsFormTheAuditTrail() {
        H2AlertStore store = new H2AlertStore(database);
        AlertEvent raised = new AlertEvent("a1", "K1", AlertEvent.Transition.RAISED, VigilanceLevel.ORANGE,
                VigilanceLevel.GREEN, AlertEvent.Basis.OBSERVED, Quantity.H, 2.3, hour(0), null, hour(0), "orange");
        store.record(raised, List.of("log"));

        assertEquals(List.of("email"), store.queue("a1", List.of("log", "email"), hour(1), "not acknowledged"));
        assertEquals(List.of(), store.queue("a1", List.of("email"), hour(2), "again"), "queued once only");
        assertEquals(List.of("a1/log", "a1/email"), store.deliveries("a1").stream()
                .map(org.vigie.api.service.OutboxEntry::idempotencyKey).toList());

        var ack = store.acknowledge("a1", "M. Dupont", hour(3), "pris en compte");
        assertEquals("M. Dupont", ack.by());
        assertEquals(ack, store.acknowledge("a1", "someone else", hour(4), ""), "the first acknowledgement stands");
        assertEquals(ack, store.acknowledgement("a1").orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> store.acknowledge("nope", "x", hour(5), ""));

        assertEquals(List.of("RAISED", "QUEUED_FOR_ESCALATION", "ACKNOWLEDGED"),
                store.audit("a1").stream().map(org.vigie.api.service.AuditEntry::action).toList());
    }

    @Test
    void aRateOfRiseAlertReadsBackAsARateOfRise() {
        H2AlertStore store = new H2AlertStore(database);
        Threshold rise = new Threshold("K1", Quantity.H, VigilanceLevel.YELLOW, 0.10, "montée rapide",
                Threshold.Kind.RATE_OF_RISE, 0, java.time.Duration.ZERO, java.time.Duration.ofHours(3), 0, null);
        store.record(new AlertEvent("r1", "K1", Transition.RAISED, VigilanceLevel.YELLOW, VigilanceLevel.GREEN,
                Basis.OBSERVED, Quantity.H, 0.12, hour(0), rise, hour(0), "montée"), List.of("log"));
        Threshold read = store.event("r1").orElseThrow().threshold();
        assertEquals(Threshold.Kind.RATE_OF_RISE, read.kind());
        assertEquals(java.time.Duration.ofHours(3), read.rateWindow());
    }
}
