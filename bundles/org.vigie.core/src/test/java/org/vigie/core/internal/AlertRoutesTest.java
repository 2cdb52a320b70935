package org.vigie.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vigie.api.AlertEvent;
import org.vigie.api.Quantity;
import org.vigie.api.VigilanceLevel;

class AlertRoutesTest {

    private static final List<String> CHANNELS = List.of("log", "email:cabinet", "sms:astreinte");
    private static final AlertRoutes ROUTES = AlertRoutes.parse(new String[] {"orleans/ORANGE/email:cabinet",
            "*/RED/sms:astreinte", "loire-amont/YELLOW/sms:astreinte"});

    private static AlertEvent event(VigilanceLevel level, VigilanceLevel before) {
        return new AlertEvent("a", "K1", AlertEvent.Transition.between(before, level), level, before,
                AlertEvent.Basis.OBSERVED, Quantity.H, 1, Instant.EPOCH, null, Instant.EPOCH, "");
    }

    @Test
    void channelsGetTheAlertsTheirRoutesMatchAndUnroutedChannelsGetAll() {
        assertEquals(Set.of("log"), ROUTES.channelsFor(event(VigilanceLevel.YELLOW, VigilanceLevel.GREEN),
                List.of("orleans"), CHANNELS));
        assertEquals(Set.of("log", "email:cabinet"), ROUTES.channelsFor(event(VigilanceLevel.ORANGE,
                VigilanceLevel.YELLOW), List.of("orleans"), CHANNELS));
        assertEquals(Set.of("log", "email:cabinet", "sms:astreinte"), ROUTES.channelsFor(
                event(VigilanceLevel.RED, VigilanceLevel.ORANGE), List.of("orleans"), CHANNELS));
        assertEquals(Set.of("log", "sms:astreinte"), ROUTES.channelsFor(event(VigilanceLevel.YELLOW,
                VigilanceLevel.GREEN), List.of("loire-amont"), CHANNELS), "routed by catchment");
        assertTrue(ROUTES.channelsFor(event(VigilanceLevel.GREEN, VigilanceLevel.RED), List.of("orleans"), CHANNELS)
                .contains("sms:astreinte"), "the end of a red alert reaches those told of it");
        assertEquals(Set.copyOf(CHANNELS), AlertRoutes.NONE.channelsFor(event(VigilanceLevel.YELLOW,
                VigilanceLevel.GREEN), List.of("orleans"), CHANNELS), "no routes: every channel");
    }

    @Test
    void aRouteThatCannotBeReadIsRefusedNamingIt() {
        assertThrows(IllegalArgumentException.class, () -> AlertRoutes.parse(new String[] {"orleans/PURPLE/log"}));
        assertThrows(IllegalArgumentException.class, () -> AlertRoutes.parse(new String[] {"orleans-log"}));
    }
}
