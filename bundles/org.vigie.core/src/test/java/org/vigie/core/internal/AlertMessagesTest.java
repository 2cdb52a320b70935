package org.vigie.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AlertMessagesTest {

    @Test
    void theTrendIgnoresSensorNoise() {
        assertEquals("en hausse", AlertMessages.trend(2.10, 2.35));
        assertEquals("en baisse", AlertMessages.trend(2.35, 2.10));
        assertEquals("stable", AlertMessages.trend(2.350, 2.355), "half a centimetre is noise");
        assertEquals("stable", AlertMessages.trend(400, 403), "under one percent of a discharge");
        assertEquals("en hausse", AlertMessages.trend(400, 410));
        assertNull(AlertMessages.trend(Double.NaN, 1));
    }

    @Test
    void aConfiguredTemplateWordsTheMessage() {
        org.vigie.api.AlertEvent event = new org.vigie.api.AlertEvent("a", "K435001010",
                org.vigie.api.AlertEvent.Transition.ESCALATED, org.vigie.api.VigilanceLevel.ORANGE,
                org.vigie.api.VigilanceLevel.YELLOW, org.vigie.api.AlertEvent.Basis.FORECAST,
                org.vigie.api.Quantity.H, 4.35, java.time.Instant.parse("2024-10-22T12:00:00Z"),
                new org.vigie.api.Threshold("K435001010", org.vigie.api.Quantity.H, org.vigie.api.VigilanceLevel.ORANGE,
                        2.2, "seuil d'alerte"), java.time.Instant.parse("2024-10-22T06:00:00Z"), "");
        assertEquals("Vigilance orange — K435001010 : hauteur prévue 4,35 m le 22/10/2024 à 14:00 (probabilité 70 %),"
                + " en hausse", AlertMessages.fromTemplate("Vigilance {niveau} — {station} : {grandeur} {base} {valeur}"
                        + " le {quand}"
                        + " (probabilité {probabilite}), {tendance}", event, null, 0.7, "en hausse"));
    }
}
