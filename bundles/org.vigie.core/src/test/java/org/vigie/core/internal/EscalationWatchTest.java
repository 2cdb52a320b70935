package org.vigie.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.api.AlertEvent;
import org.vigie.api.Quantity;
import org.vigie.api.VigilanceLevel;

class EscalationWatchTest {

    private static final Instant T0 = Instant.parse("2024-10-18T06:00:00Z");
    private final InMemoryAlertStore alerts = new InMemoryAlertStore();

    private static AlertEvent event(String id, String station, VigilanceLevel level, Instant at) {
        return new AlertEvent(id, station, AlertEvent.Transition.RAISED, level, VigilanceLevel.GREEN,
                AlertEvent.Basis.OBSERVED, Quantity.H, 2.3, at, null, at, "");
    }

    private EscalationWatch watchAt(Instant now) {
        return new EscalationWatch(alerts, List.of("sms:cabinet"), Duration.ofMinutes(30), VigilanceLevel.ORANGE,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void anUnacknowledgedAlertIsEscalatedOnceAfterTheDelayAndAnAcknowledgedOneNever() {
        alerts.record(event("loire", "K1", VigilanceLevel.ORANGE, T0), List.of("log"));
        alerts.record(event("dhuy", "K2", VigilanceLevel.RED, T0), List.of("log"));
        alerts.record(event("loiret", "K3", VigilanceLevel.YELLOW, T0), List.of("log"));

        assertEquals(List.of(), watchAt(T0.plusSeconds(29 * 60)).check(), "not yet");
        alerts.acknowledge("dhuy", "astreinte", T0.plusSeconds(600), "");
        assertEquals(List.of("loire"), watchAt(T0.plusSeconds(31 * 60)).check(),
                "the Dhuy was acknowledged, the Loiret is below orange");
        assertEquals(List.of(), watchAt(T0.plusSeconds(60 * 60)).check(), "escalated once");
        assertEquals(List.of("log", "sms:cabinet"), alerts.deliveries("loire").stream()
                .map(org.vigie.api.service.OutboxEntry::channelId).toList());
    }

    @Test
    void onlyTheStationsLatestAlertCounts() {
        alerts.record(event("old", "K1", VigilanceLevel.ORANGE, T0), List.of("log"));
        alerts.record(new AlertEvent("ended", "K1", AlertEvent.Transition.ENDED, VigilanceLevel.GREEN,
                VigilanceLevel.ORANGE, AlertEvent.Basis.OBSERVED, Quantity.H, 1.0, T0.plusSeconds(60), null,
                T0.plusSeconds(60), ""), List.of("log"));
        assertEquals(List.of(), watchAt(T0.plusSeconds(3600)).check());
    }

    @Test
    void aConfigurationWithoutChannelsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EscalationWatch(alerts, List.of(), Duration.ZERO,
                VigilanceLevel.ORANGE, Clock.systemUTC()));
    }
}
