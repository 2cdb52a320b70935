package org.vigie.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigie.api.AlertEvent;
import org.vigie.api.AlertEvent.Basis;
import org.vigie.api.AlertEvent.Transition;
import org.vigie.api.Catchment;
import org.vigie.api.Forecast;
import org.vigie.api.GeoPosition;
import org.vigie.api.Observation;
import org.vigie.api.Provenance;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;
import org.vigie.api.Station;
import org.vigie.api.Threshold;
import org.vigie.api.Threshold.Kind;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.spi.AlertChannel;

/** Named local levels (docs/vigilance.md, "Named local levels"): one LOCAL_STEP per change of local stage. */
class LocalLevelsTest {

    private static final String LOIRE = VigilanceMonitorTest.LOIRE;
    private static final Instant T0 = VigilanceMonitorTest.T0;
    private static final Station STATION = new Station(LOIRE, "La Loire à Orléans", "Loire",
            new GeoPosition(1.9048, 47.8973), null, null);
    private static final String N1 = "N1 – pontons fermés";
    private static final String N2 = "N2 – caves à vider";
    private static final String N3 = "N3 – quais fermés";

    private final InMemoryAlertStore alerts = new InMemoryAlertStore();
    private final InMemorySeriesStore series = new InMemorySeriesStore();
    private final PluginLookup noChannels = new PluginLookup() {
        @Override
        public Optional<VersionedModel> model(String id) {
            return Optional.empty();
        }

        @Override
        public List<AlertChannel> channels() {
            return List.of();
        }
    };

    private static Threshold level(VigilanceLevel level, double value, double hysteresis, String local) {
        return new Threshold(LOIRE, Quantity.H, level, value, "", Kind.LEVEL, hysteresis, Duration.ZERO, null, 0,
                null, local);
    }

    private static final Threshold[] CITY = {
        level(VigilanceLevel.YELLOW, 1.50, 0.05, null),
        level(VigilanceLevel.ORANGE, 2.20, 0.10, null),
        level(VigilanceLevel.ORANGE, 2.50, 0.10, N1),
        level(VigilanceLevel.ORANGE, 2.80, 0.10, N2),
        level(VigilanceLevel.ORANGE, 3.10, 0.10, N3),
        level(VigilanceLevel.RED, 4.20, 0.10, null)};

    private VigilanceMonitor monitor(Threshold... thresholds) {
        Catchment catchment = new Catchment("orleans", "Orléans", List.of(STATION), List.of(thresholds), List.of());
        return new VigilanceMonitor(new FixedCatchments(catchment), alerts, series, noChannels,
                new String[] {"log"}, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private Instant last = T0;

    private void feed(VigilanceMonitor monitor, double... values) {
        for (double value : values) {
            last = last.plus(Duration.ofHours(1));
            series.append(List.of(new Observation(LOIRE, Quantity.H, last, value, Quality.RAW, Provenance.of("csv"),
                    T0)));
            monitor.observed(series.latest(LOIRE, Quantity.H).orElseThrow());
        }
    }

    private List<String> story() {
        return alerts.events.stream().map(e -> e.transition() + " " + e.level()
                + (e.transition() == Transition.LOCAL_STEP ? " " + e.threshold().localLevel() : "")).toList();
    }

    @Test
    void aRiverRisingThroughThreeLocalLevelsWithinOrangeRaisesOneStepEachWithoutFlapping() {
        VigilanceMonitor monitor = monitor(CITY);
        // yellow, orange, then N1, N2, N3 — each wavering within its hysteresis band after being reached
        feed(monitor, 1.60, 2.25, 2.45, 2.52, 2.47, 2.41, 2.55, 2.78, 2.83, 2.75, 2.71, 2.81, 3.05, 3.12, 3.04,
                3.15, 3.01);
        assertEquals(List.of("RAISED YELLOW", "ESCALATED ORANGE", "LOCAL_STEP ORANGE " + N1,
                "LOCAL_STEP ORANGE " + N2, "LOCAL_STEP ORANGE " + N3), story());
        AlertEvent n2 = alerts.events.get(3);
        assertEquals(VigilanceLevel.ORANGE, n2.previousLevel());
        assertEquals(2.80, n2.threshold().value());
        assertEquals(2.83, n2.value());
        assertEquals(Basis.OBSERVED, n2.basis());
        assertTrue(n2.message().startsWith("Niveau local " + N2 + " atteint — La Loire à Orléans (" + LOIRE
                + ") : hauteur observée 2,83 m le "), n2.message());
        assertTrue(n2.message().endsWith("Vigilance orange inchangée."), n2.message());
        assertEquals("Niveau local " + N2 + " atteint — La Loire à Orléans (" + LOIRE + ")",
                AlertMessages.subject(n2, STATION));

        // falling back: N3 is left below 3.00 (one step), N2 held down to 2.70
        feed(monitor, 2.98, 2.90, 2.72, 2.78, 2.71);
        assertEquals(6, alerts.events.size(), story().toString());
        AlertEvent down = alerts.events.get(5);
        assertEquals(Transition.LOCAL_STEP, down.transition());
        assertEquals(N3, down.threshold().localLevel(), "the level left");
        assertEquals(2.98, down.value());
        assertTrue(down.message().startsWith("Niveau local " + N3 + " quitté — "), down.message());
        assertTrue(down.message().contains("Niveau local actuel : " + N2 + "."), down.message());
    }

    @Test
    void aChangeOfLevelTellsTheLocalStageInItsOwnEventOnly() {
        VigilanceMonitor monitor = monitor(CITY);
        feed(monitor, 2.55);
        assertEquals(List.of("RAISED ORANGE"), story(), "N1 reached with orange: one event");
        assertTrue(alerts.events.get(0).message().endsWith("Niveau local " + N1 + " atteint."),
                alerts.events.get(0).message());
        feed(monitor, 4.30, 3.15, 2.05);
        assertEquals(List.of("RAISED ORANGE", "ESCALATED RED", "DEESCALATED ORANGE", "DEESCALATED YELLOW"), story());
        assertTrue(alerts.events.get(1).message().endsWith("Niveau local " + N3 + " atteint."),
                alerts.events.get(1).message());
        assertTrue(alerts.events.get(2).message().endsWith("Niveau précédent : rouge."),
                "N3 still: " + alerts.events.get(2).message());
        assertTrue(alerts.events.get(3).message().endsWith("Niveau local " + N3
                + " quitté ; niveau local actuel : aucun."), alerts.events.get(3).message());
    }

    @Test
    void withoutLocalLevelsTwoThresholdsOfTheSameLevelStillRaiseNothing() {
        VigilanceMonitor monitor = monitor(level(VigilanceLevel.ORANGE, 2.20, 0, null),
                level(VigilanceLevel.ORANGE, 2.80, 0, null));
        feed(monitor, 2.30, 2.90, 2.40);
        assertEquals(List.of("RAISED ORANGE"), story());
    }

    @Test
    void aForecastReachingALocalLevelRaisesAStepOnForecastBasis() {
        VigilanceMonitor monitor = monitor(CITY);
        feed(monitor, 2.30);
        List<Duration> leads = List.of(Duration.ofHours(3), Duration.ofHours(6));
        monitor.forecast(new Forecast("p", LOIRE, Quantity.H, "m", "1", T0, leads, new double[] {2.60, 2.85},
                Map.of()));
        assertEquals(List.of("RAISED ORANGE", "LOCAL_STEP ORANGE " + N2), story());
        AlertEvent step = alerts.events.get(1);
        assertEquals(Basis.FORECAST, step.basis());
        assertEquals(2.85, step.value());
        assertEquals(T0.plus(Duration.ofHours(6)), step.valueTime());
        assertTrue(step.message().contains("hauteur prévue 2,85 m"), step.message());
        // the next run no longer reaches N1 or N2, even within their bands: one step down to no local stage
        monitor.forecast(new Forecast("p", LOIRE, Quantity.H, "m", "1", T0.plus(Duration.ofHours(1)), leads,
                new double[] {2.30, 2.35}, Map.of()));
        assertEquals(List.of("RAISED ORANGE", "LOCAL_STEP ORANGE " + N2, "LOCAL_STEP ORANGE " + N2), story());
        assertTrue(alerts.events.get(2).message().contains("Niveau local actuel : aucun."),
                alerts.events.get(2).message());
    }

    @Test
    void afterARestartAValueWithinTheHysteresisBandRaisesNoStep() {
        feed(monitor(CITY), 2.30, 2.85);
        assertEquals(2, alerts.events.size());
        VigilanceMonitor restarted = monitor(CITY);
        feed(restarted, 2.75, 2.72);
        assertEquals(2, alerts.events.size(), story().toString());
        feed(restarted, 2.65);
        assertEquals(List.of("RAISED ORANGE", "LOCAL_STEP ORANGE " + N2, "LOCAL_STEP ORANGE " + N2), story(),
                "N2 left after the restart: one step");
    }

    @Test
    void afterARestartAStageAlreadyToldIsNotToldAgainButAHigherOneIs() {
        feed(monitor(CITY), 2.30, 2.85);
        feed(monitor(CITY), 2.90);
        assertEquals(2, alerts.events.size(), "N2 still: " + story());
        feed(monitor(CITY), 3.20);
        assertEquals(List.of("RAISED ORANGE", "LOCAL_STEP ORANGE " + N2, "LOCAL_STEP ORANGE " + N3), story(),
                "N3 reached while Vigie was down");
    }

    @Test
    void aLocalLevelIsReadFromTheCatchmentAndRefusedOnARateOfRise() throws Exception {
        String station = "{\"code\":\"K1\",\"name\":\"A\",\"longitude\":1.9,\"latitude\":47.9}";
        Catchment c = parse("{\"id\":\"x\",\"stations\":[" + station + "],\"thresholds\":["
                + "{\"station\":\"K1\",\"quantity\":\"H\",\"level\":\"ORANGE\",\"value\":2.8,"
                + "\"localLevel\":\"" + N2 + "\"},"
                + "{\"station\":\"K1\",\"quantity\":\"H\",\"level\":\"ORANGE\",\"value\":2.2}]}");
        assertEquals(N2, c.thresholds().get(0).localLevel());
        assertEquals("", c.thresholds().get(1).localLevel());
        String message = assertThrows(CatchmentParser.InvalidCatchmentException.class, () -> parse(
                "{\"id\":\"x\",\"stations\":[" + station + "],\"thresholds\":[{\"station\":\"K1\",\"quantity\":\"H\","
                        + "\"level\":\"YELLOW\",\"kind\":\"rateOfRise\",\"value\":0.1,\"rateWindow\":\"PT3H\","
                        + "\"localLevel\":\"N0\"}]}")).getMessage();
        assertTrue(message.contains("$.thresholds[0].localLevel"), message);
    }

    @Test
    void theDemoLoireThresholdsNameTheCityLevels() throws Exception {
        Catchment c;
        try (var in = java.nio.file.Files.newInputStream(
                java.nio.file.Path.of("../org.vigie.catchment.orleans/src/main/resources/catchment.json"))) {
            c = CatchmentParser.parse(in, "orleans");
        }
        assertEquals(List.of("N1 – pontons démontés", "N2 – caves à vider", "N3 – évacuation de la Charpenterie"),
                c.thresholds(LOIRE, Quantity.H).stream().map(Threshold::localLevel).toList());
    }

    private static Catchment parse(String json) throws Exception {
        return CatchmentParser.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }
}
