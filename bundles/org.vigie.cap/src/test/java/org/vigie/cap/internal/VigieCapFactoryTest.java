package org.vigie.cap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.api.AlertEvent;
import org.vigie.api.AlertEvent.Basis;
import org.vigie.api.AlertEvent.Transition;
import org.vigie.api.GeoPosition;
import org.vigie.api.Quantity;
import org.vigie.api.Threshold;
import org.vigie.api.VigilanceLevel;

/** Vigie alerts become CAP documents that validate against the official schema and read back unchanged. */
class VigieCapFactoryTest {

    static final Instant CREATED = Instant.parse("2024-10-18T06:00:00Z");
    static final String STATION = "K435001010";
    static final GeoPosition ORLEANS = new GeoPosition(1.9036, 47.8967);
    /** A small lon/lat ring around the Loire at Orléans, deliberately left open. */
    static final List<GeoPosition> RING = List.of(new GeoPosition(1.87, 47.89), new GeoPosition(1.94, 47.89),
            new GeoPosition(1.94, 47.91), new GeoPosition(1.87, 47.91));

    private final VigieCapFactory factory = new VigieCapFactory(
            CapSettings.of("vigie@orleans-metropole.fr", "Orléans Métropole — Vigie")
                    .withIdentifierPrefix("vigie-orleans-")
                    .withWebAndContact("https://vigie.orleans-metropole.fr/", "Astreinte Orléans Métropole"));
    private final CapWriter writer = new CapWriter();
    private final CapReader reader = new CapReader();

    static AlertEvent event(String id, VigilanceLevel before, VigilanceLevel after, Basis basis, double value,
                            Instant valueTime) {
        Threshold threshold = after == VigilanceLevel.GREEN ? null
                : new Threshold(STATION, Quantity.H, after, after == VigilanceLevel.YELLOW ? 2.5
                : after == VigilanceLevel.ORANGE ? 4.0 : 5.0, "seuil " + after.french());
        return new AlertEvent(id, STATION, Transition.between(before, after), after, before, basis, Quantity.H, value,
                valueTime, threshold, CREATED, "");
    }

    @Test
    void everyLevelAndTransitionValidatesAndRoundTrips() throws Exception {
        CapValidator validator = CapSharedData.validator();
        int n = 0;
        for (VigilanceLevel before : VigilanceLevel.values()) {
            for (VigilanceLevel after : VigilanceLevel.values()) {
                if (before == after) {
                    continue;
                }
                for (Basis basis : Basis.values()) {
                    AlertEvent e = event("e" + n++, before, after, basis, 4.35, CREATED.plus(Duration.ofHours(8)));
                    for (VigieAlert alert : List.of(VigieAlert.of(e, "La Loire à Orléans - Pont Royal", "Orléans"),
                            VigieAlert.of(e, "La Loire à Orléans", "Orléans").withStationPosition(ORLEANS)
                                    .withExceedanceProbability(0.7).withArea(List.of(RING, RING))
                                    .withReferences(List.of(new CapReference("vigie@orleans-metropole.fr",
                                            "vigie-orleans-e0", CapTimes.utc(CREATED.minusSeconds(3600))))))) {
                        CapAlert cap = factory.create(alert);
                        byte[] xml = writer.write(cap);
                        validator.validate(xml, cap.identifier());
                        assertEquals(cap, reader.read(xml));
                        CapInfo info = cap.infos().get(0);
                        assertEquals(VigieCapMapping.severity(after), info.severity());
                        assertEquals(VigieCapMapping.msgType(e.transition()), cap.msgType());
                    }
                }
            }
        }
        assertEquals(24, n);
    }

    @Test
    void forecastOrangeDocument() throws Exception {
        AlertEvent e = new AlertEvent("7f3c", STATION, Transition.ESCALATED, VigilanceLevel.ORANGE,
                VigilanceLevel.YELLOW, Basis.FORECAST, Quantity.H, 4.35, Instant.parse("2024-10-18T12:00:00Z"),
                new Threshold(STATION, Quantity.H, VigilanceLevel.ORANGE, 4.0, "seuil orange Vigicrues"), CREATED,
                "Vigilance orange — La Loire à Orléans : 4,35 m prévus vendredi 14 h (probabilité 70 %)");
        CapAlert previous = factory.create(VigieAlert.of(event("6a1b", VigilanceLevel.GREEN, VigilanceLevel.YELLOW,
                Basis.OBSERVED, 2.6, CREATED.minusSeconds(7200)), "La Loire à Orléans - Pont Royal", "Orléans"));
        CapAlert cap = factory.create(VigieAlert.of(e, "La Loire à Orléans - Pont Royal", "Orléans Métropole")
                .withExceedanceProbability(0.7).withArea(List.of(RING)).withReferences(List.of(previous.reference())));
        String xml = new String(writer.write(cap), StandardCharsets.UTF_8);

        assertEquals("vigie-orleans-7f3c", cap.identifier());
        assertEquals(CapAlert.MsgType.UPDATE, cap.msgType());
        assertTrue(xml.contains("<sent>2024-10-18T06:00:00+00:00</sent>"), xml);
        assertTrue(xml.contains("<references>vigie@orleans-metropole.fr,vigie-orleans-6a1b,2024-10-18T06:00:00+00:00"
                + "</references>"), xml);
        CapInfo info = cap.infos().get(0);
        assertEquals("fr-FR", info.language());
        assertEquals(List.of(CapInfo.Category.MET), info.categories());
        assertEquals("Vigilance orange crues", info.event());
        assertEquals(CapInfo.Severity.SEVERE, info.severity());
        assertEquals(CapInfo.Certainty.LIKELY, info.certainty());
        assertEquals(CapInfo.Urgency.FUTURE, info.urgency(), "exceedance 6 h ahead");
        assertEquals(List.of(CapInfo.ResponseType.PREPARE), info.responseTypes());
        assertTrue(xml.contains("<onset>2024-10-18T12:00:00+00:00</onset>"), xml);
        assertTrue(xml.contains("<expires>2024-10-19T06:00:00+00:00</expires>"), xml);
        assertEquals("Vigilance orange crues — La Loire à Orléans - Pont Royal", info.headline());
        assertTrue(info.description().contains("Vigilance relevée de jaune à orange"), info.description());
        assertTrue(info.description().contains("Hauteur prévue : 4,35 m, vendredi 18 octobre 2024 à 14 h 00 (heure de"
                + " Paris), probabilité de dépassement du seuil 70 %."), info.description());
        assertTrue(info.description().contains("Seuil orange : 4,00 m (seuil orange Vigicrues)."), info.description());
        assertEquals("3; orange; Severe", info.parameter("awareness_level"));
        assertEquals("4.35 m", info.parameter("vigie:value"));
        assertEquals("0.7", info.parameter("vigie:exceedanceProbability"));
        assertTrue(xml.contains("<polygon>47.89,1.87 47.89,1.94 47.91,1.94 47.91,1.87 47.89,1.87</polygon>"),
                "latitude first, ring closed: " + xml);
        assertTrue(info.areas().get(0).circles().isEmpty());
        assertEquals("La Loire à Orléans - Pont Royal, Orléans Métropole", info.areas().get(0).areaDesc());
        CapSharedData.validator().validate(xml.getBytes(StandardCharsets.UTF_8), "orange");
    }

    @Test
    void endedIsAnAllClearUpdate() {
        AlertEvent e = event("end", VigilanceLevel.ORANGE, VigilanceLevel.GREEN, Basis.OBSERVED, 3.1,
                CREATED.minusSeconds(600));
        CapInfo info = factory.create(VigieAlert.of(e, "Pont Royal", "").withStationPosition(ORLEANS)).infos().get(0);
        assertEquals(CapInfo.Severity.MINOR, info.severity());
        assertEquals(CapInfo.Urgency.PAST, info.urgency());
        assertEquals(CapInfo.Certainty.OBSERVED, info.certainty());
        assertEquals(List.of(CapInfo.ResponseType.ALL_CLEAR), info.responseTypes());
        assertEquals("Fin de vigilance crues", info.event());
        assertNull(info.onset());
        assertEquals(CapTimes.utc(CREATED.plus(Duration.ofHours(6))), info.expires());
        assertEquals(List.of(new CapCircle(new CapPoint(47.8967, 1.9036), 2.0)), info.areas().get(0).circles(),
                "without a polygon, a circle around the station");
        assertTrue(info.description().contains("Fin de la vigilance orange"), info.description());
    }

    @Test
    void mappingTables() {
        assertEquals(CapInfo.Severity.MINOR, VigieCapMapping.severity(VigilanceLevel.GREEN));
        assertEquals(CapInfo.Severity.MODERATE, VigieCapMapping.severity(VigilanceLevel.YELLOW));
        assertEquals(CapInfo.Severity.SEVERE, VigieCapMapping.severity(VigilanceLevel.ORANGE));
        assertEquals(CapInfo.Severity.EXTREME, VigieCapMapping.severity(VigilanceLevel.RED));

        assertEquals(CapInfo.Certainty.OBSERVED, VigieCapMapping.certainty(Basis.OBSERVED, 0.01));
        assertEquals(CapInfo.Certainty.LIKELY, VigieCapMapping.certainty(Basis.FORECAST, 1.0));
        assertEquals(CapInfo.Certainty.LIKELY, VigieCapMapping.certainty(Basis.FORECAST, 0.5));
        assertEquals(CapInfo.Certainty.POSSIBLE, VigieCapMapping.certainty(Basis.FORECAST, 0.4999));
        assertEquals(CapInfo.Certainty.POSSIBLE, VigieCapMapping.certainty(Basis.FORECAST, 0.05));
        assertEquals(CapInfo.Certainty.UNLIKELY, VigieCapMapping.certainty(Basis.FORECAST, 0.0499));
        assertEquals(CapInfo.Certainty.UNLIKELY, VigieCapMapping.certainty(Basis.FORECAST, 0.0));
        assertEquals(CapInfo.Certainty.UNKNOWN, VigieCapMapping.certainty(Basis.FORECAST, null));
        assertEquals(CapInfo.Certainty.UNKNOWN, VigieCapMapping.certainty(Basis.FORECAST, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> VigieCapMapping.certainty(Basis.FORECAST, 1.2));

        Duration hour = Duration.ofHours(1);
        assertEquals(CapInfo.Urgency.IMMEDIATE, VigieCapMapping.urgency(event("u", VigilanceLevel.GREEN,
                VigilanceLevel.RED, Basis.OBSERVED, 5, CREATED), hour));
        assertEquals(CapInfo.Urgency.IMMEDIATE, VigieCapMapping.urgency(event("u", VigilanceLevel.GREEN,
                VigilanceLevel.RED, Basis.FORECAST, 5, CREATED), hour));
        assertEquals(CapInfo.Urgency.EXPECTED, VigieCapMapping.urgency(event("u", VigilanceLevel.GREEN,
                VigilanceLevel.RED, Basis.FORECAST, 5, CREATED.plus(hour)), hour));
        assertEquals(CapInfo.Urgency.FUTURE, VigieCapMapping.urgency(event("u", VigilanceLevel.GREEN,
                VigilanceLevel.RED, Basis.FORECAST, 5, CREATED.plus(hour).plusSeconds(1)), hour));
        assertEquals(CapInfo.Urgency.UNKNOWN, VigieCapMapping.urgency(event("u", VigilanceLevel.GREEN,
                VigilanceLevel.RED, Basis.FORECAST, 5, null), hour));

        assertEquals(CapAlert.MsgType.ALERT, VigieCapMapping.msgType(Transition.RAISED));
        assertEquals(CapAlert.MsgType.UPDATE, VigieCapMapping.msgType(Transition.ESCALATED));
        assertEquals(CapAlert.MsgType.UPDATE, VigieCapMapping.msgType(Transition.DEESCALATED));
        assertEquals(CapAlert.MsgType.UPDATE, VigieCapMapping.msgType(Transition.ENDED));
    }

    @Test
    void observedAlertIgnoresProbabilityAndIsImmediate() {
        AlertEvent e = event("obs", VigilanceLevel.GREEN, VigilanceLevel.YELLOW, Basis.OBSERVED, 2.61,
                CREATED.minusSeconds(300));
        CapAlert cap = factory.create(VigieAlert.of(e, "Pont Royal", "Orléans").withExceedanceProbability(0.2));
        CapInfo info = cap.infos().get(0);
        assertEquals(CapAlert.MsgType.ALERT, cap.msgType());
        assertEquals(CapInfo.Certainty.OBSERVED, info.certainty());
        assertEquals(CapInfo.Urgency.IMMEDIATE, info.urgency());
        assertNull(info.parameter("vigie:exceedanceProbability"));
        assertTrue(info.description().contains("Hauteur observée : 2,61 m"), info.description());
        assertNull(cap.references());
    }

    @Test
    void badInputsAreRefused() {
        AlertEvent comma = event("a,b", VigilanceLevel.GREEN, VigilanceLevel.YELLOW, Basis.OBSERVED, 2.6, CREATED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> factory.create(VigieAlert.of(comma, "x", "y")));
        assertTrue(e.getMessage().contains("'a,b'"), e.getMessage());

        AlertEvent ok = event("ok", VigilanceLevel.GREEN, VigilanceLevel.YELLOW, Basis.OBSERVED, 2.6, CREATED);
        List<GeoPosition> line = List.of(new GeoPosition(1, 47), new GeoPosition(2, 47), new GeoPosition(1, 47));
        assertThrows(IllegalArgumentException.class,
                () -> factory.create(VigieAlert.of(ok, "x", "y").withArea(List.of(line))));
        assertThrows(IllegalArgumentException.class,
                () -> VigieAlert.of(ok, "x", "y").withExceedanceProbability(-0.1));
        assertThrows(IllegalArgumentException.class, () -> CapSettings.of("vigie orleans", "x"));
    }

    @Test
    void polygonIsClosedLatitudeFirstAndRounded() {
        CapPolygon p = VigieCapFactory.polygon(List.of(new GeoPosition(1.123456789, 47.1), new GeoPosition(2, 47.1),
                new GeoPosition(2, 48), new GeoPosition(1.123456789, 47.1)));
        assertEquals("47.1,1.123457 47.1,2 48,2 47.1,1.123457", p.text());
        assertTrue(p.isClosedRing());
    }
}
