package org.vigie.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * The anti-flapping and early-warning rules of thresholds (docs/vigilance.md): hysteresis, minimum duration, rate of
 * rise, forecast exceedance probability within a horizon — and their survival across a restart.
 */
class VigilanceRulesTest {

    private static final String LOIRE = VigilanceMonitorTest.LOIRE;
    private static final Instant T0 = VigilanceMonitorTest.T0;
    private static final Station STATION = new Station(LOIRE, "La Loire à Orléans", "Loire",
            new GeoPosition(1.9048, 47.8973), null, null);

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

    private VigilanceMonitor monitor(Threshold... thresholds) {
        Catchment catchment = new Catchment("orleans", "Orléans", List.of(STATION), List.of(thresholds), List.of());
        return new VigilanceMonitor(new FixedCatchments(catchment), alerts, series, noChannels,
                new String[] {"log"}, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static Threshold level(VigilanceLevel level, double value, double hysteresis, Duration minDuration) {
        return new Threshold(LOIRE, Quantity.H, level, value, "", Kind.LEVEL, hysteresis, minDuration, null, 0, null);
    }

    /** Stores H values every {@code stepMinutes} from {@code start} as the connector would, evaluating each. */
    private void feed(VigilanceMonitor monitor, Instant start, int stepMinutes, double... values) {
        for (int i = 0; i < values.length; i++) {
            Observation o = new Observation(LOIRE, Quantity.H, start.plus(Duration.ofMinutes((long) i * stepMinutes)),
                    values[i], Quality.RAW, Provenance.of("csv"), T0);
            series.append(List.of(o));
            monitor.observed(series.latest(LOIRE, Quantity.H).orElseThrow());
        }
    }

    private List<Transition> transitions() {
        return alerts.events.stream().map(AlertEvent::transition).toList();
    }

    /** A river hovering at the yellow threshold, as the Loire does at a slow crest: 15-minute values with noise. */
    private static final double[] HOVERING = {1.41, 1.45, 1.48, 1.51, 1.49, 1.52, 1.50, 1.47, 1.51, 1.53, 1.49, 1.48,
        1.52, 1.50, 1.46, 1.49, 1.51, 1.47, 1.44, 1.42, 1.39, 1.36};

    @Test
    void withoutHysteresisAHoveringRiverFlaps() {
        feed(monitor(level(VigilanceLevel.YELLOW, 1.50, 0, Duration.ZERO)), T0, 15, HOVERING);
        assertTrue(alerts.events.size() >= 8, "the current behaviour: " + transitions());
    }

    @Test
    void withHysteresisAHoveringRiverRaisesOneAlertAndEndsItOnce() {
        feed(monitor(level(VigilanceLevel.YELLOW, 1.50, 0.10, Duration.ZERO)), T0, 15, HOVERING);
        assertEquals(List.of(Transition.RAISED, Transition.ENDED), transitions());
        assertEquals(1.51, alerts.events.get(0).value());
        assertEquals(1.39, alerts.events.get(1).value(), "left only below 1.50 − 0.10");
    }

    @Test
    void hysteresisStepsDownOneLevelAtATime() {
        VigilanceMonitor monitor = monitor(level(VigilanceLevel.YELLOW, 1.50, 0.05, Duration.ZERO),
                level(VigilanceLevel.ORANGE, 2.20, 0.10, Duration.ZERO));
        feed(monitor, T0, 60, 1.60, 2.25, 2.15, 2.12, 2.05, 1.60, 1.48, 1.44);
        assertEquals(List.of(Transition.RAISED, Transition.ESCALATED, Transition.DEESCALATED, Transition.ENDED),
                transitions());
        assertEquals(2.05, alerts.events.get(2).value());
        assertEquals(1.44, alerts.events.get(3).value());
    }

    @Test
    void aSpikeShorterThanTheMinimumDurationRaisesNothing() {
        VigilanceMonitor monitor = monitor(level(VigilanceLevel.YELLOW, 1.50, 0, Duration.ofHours(1)));
        // a 30-minute spike (three 15-minute values above 1.50): a wave, a sensor glitch
        feed(monitor, T0, 15, 1.40, 1.42, 1.58, 1.63, 1.55, 1.44, 1.41, 1.43);
        assertTrue(alerts.events.isEmpty(), transitions().toString());
    }

    @Test
    void aRiseSustainedForTheMinimumDurationRaisesOnceWhenItHasLasted() {
        VigilanceMonitor monitor = monitor(level(VigilanceLevel.YELLOW, 1.50, 0, Duration.ofHours(1)));
        feed(monitor, T0, 15, 1.40, 1.46, 1.51, 1.54, 1.57, 1.59, 1.62, 1.66);
        assertEquals(List.of(Transition.RAISED), transitions());
        AlertEvent raised = alerts.events.get(0);
        assertEquals(1.62, raised.value(), "above since 06:30, one hour later at 07:30");
        assertEquals(T0.plus(Duration.ofMinutes(90)), raised.valueTime());
    }

    @Test
    void aRestartOnTheSameStoresNeitherRaisesNorEndsAgain() {
        Threshold yellow = level(VigilanceLevel.YELLOW, 1.50, 0.10, Duration.ofHours(1));
        feed(monitor(yellow), T0, 15, 1.45, 1.52, 1.55, 1.58, 1.61, 1.63);
        assertEquals(List.of(Transition.RAISED), transitions());

        VigilanceMonitor restarted = monitor(yellow);
        assertEquals(VigilanceLevel.YELLOW, restarted.levels().get(LOIRE));
        // within the hysteresis band, then above again: still the same alert
        feed(restarted, T0.plus(Duration.ofMinutes(90)), 15, 1.47, 1.44, 1.53, 1.56);
        assertEquals(List.of(Transition.RAISED), transitions());

        VigilanceMonitor again = monitor(yellow);
        feed(again, T0.plus(Duration.ofHours(3)), 15, 1.38);
        assertEquals(List.of(Transition.RAISED, Transition.ENDED), transitions());
    }

    @Test
    void aFastRiseRaisesItsLevelBeforeAnyLevelThresholdIsReached() {
        Threshold rise = new Threshold(LOIRE, Quantity.H, VigilanceLevel.YELLOW, 0.10, "montée rapide",
                Kind.RATE_OF_RISE, 0.02, Duration.ZERO, Duration.ofHours(3), 0, null);
        VigilanceMonitor monitor = monitor(level(VigilanceLevel.ORANGE, 2.20, 0, Duration.ZERO), rise);
        // hourly: slow at first, then 0.35 m in 3 h, then the crest flattens
        feed(monitor, T0, 60, 1.00, 1.02, 1.05, 1.09, 1.20, 1.32, 1.44, 1.50, 1.53, 1.54, 1.54);
        assertEquals(List.of(Transition.RAISED, Transition.ENDED), transitions());
        AlertEvent raised = alerts.events.get(0);
        assertEquals(VigilanceLevel.YELLOW, raised.level());
        // at +5 h the window [+2 h, +5 h] gives (1.32 − 1.05) / 3 = 0.09 m/h; at +6 h (1.44 − 1.09) / 3 = 0.117
        assertEquals(T0.plus(Duration.ofHours(6)), raised.valueTime());
        assertEquals("Vigilance jaune — La Loire à Orléans (K435001010) : hauteur observée 1,44 m le 18/10/2024 "
                + "à 14:00 (heure de Paris), en hausse, montée de 0,12 m/h sur 3 h, seuil de montée jaune 0,10 m/h "
                + "(montée rapide). Niveau précédent : vert.", raised.message());
        // held while the rise stays at or above 0.10 − 0.02 m/h: (1.50 − 1.20) / 3 = 0.10 at +7 h keeps it,
        // (1.53 − 1.32) / 3 = 0.07 at +8 h ends it
        assertEquals(T0.plus(Duration.ofHours(8)), alerts.events.get(1).valueTime());
    }

    @Test
    void theRiseIsLastMinusFirstValueOverTheirTimeWithinTheWindow() {
        List<Observation> values = List.of(VigilanceMonitorTest.h(1.0, 0), VigilanceMonitorTest.h(1.1, 1),
                VigilanceMonitorTest.h(1.4, 2), VigilanceMonitorTest.h(1.6, 3));
        assertEquals(0.25, VigilanceMonitor.risePerHour(values, Duration.ofHours(2)), 1e-12);
        assertEquals(0.20, VigilanceMonitor.risePerHour(values, Duration.ofHours(5)), 1e-12, "0.6 m in 3 h");
        assertTrue(Double.isNaN(VigilanceMonitor.risePerHour(values.subList(0, 1), Duration.ofHours(2))));
        assertTrue(Double.isNaN(VigilanceMonitor.risePerHour(values.subList(2, 4), Duration.ofHours(3))),
                "one hour of values does not measure a three-hour rise");
    }

    private static Forecast quantiled(Instant issue, double[] q10, double[] q50, double[] q90, int... leadHours) {
        List<Duration> leads = java.util.Arrays.stream(leadHours).mapToObj(Duration::ofHours).toList();
        return new Forecast("orleans-loire-H", LOIRE, Quantity.H, "grp", "1", issue, leads, q50,
                Map.of(0.1, q10, 0.5, q50, 0.9, q90));
    }

    @Test
    void aLikelyExceedanceWithinTheHorizonRaisesOnForecastBasis() {
        Threshold orange = new Threshold(LOIRE, Quantity.H, VigilanceLevel.ORANGE, 2.20, "seuil d'alerte",
                Kind.LEVEL, 0, Duration.ZERO, null, 0.7, Duration.ofHours(12));
        VigilanceMonitor monitor = monitor(orange);
        // at +3 h P(H > 2.20) ≈ 37 %; at +6 h 80 % (2.20 a quarter of the way from q10 2.15 to q50 2.35), median 2.35
        monitor.forecast(quantiled(T0, new double[] {1.90, 2.15, 2.30}, new double[] {2.10, 2.35, 2.50},
                new double[] {2.40, 2.60, 2.80}, 3, 6, 9));
        assertEquals(List.of(Transition.RAISED), transitions());
        AlertEvent raised = alerts.events.get(0);
        assertEquals(Basis.FORECAST, raised.basis());
        assertEquals(VigilanceLevel.ORANGE, raised.level());
        assertEquals(T0.plus(Duration.ofHours(6)), raised.valueTime());
        assertTrue(raised.message().endsWith("seuil orange 2,20 m (seuil d'alerte), probabilité de dépassement "
                + "80 %. Niveau précédent : vert."), raised.message());

        // the next run: a median above the threshold but too uncertain (P ≈ 52 %), and a sure exceedance beyond 12 h
        monitor.forecast(quantiled(T0.plus(Duration.ofHours(1)), new double[] {1.80, 1.90, 2.50},
                new double[] {2.10, 2.22, 2.70}, new double[] {2.40, 2.60, 2.90}, 3, 6, 18));
        assertEquals(List.of(Transition.RAISED, Transition.ENDED), transitions());
    }

    @Test
    void withoutQuantilesTheDeterministicValueDecidesWithinTheHorizon() {
        Threshold orange = new Threshold(LOIRE, Quantity.H, VigilanceLevel.ORANGE, 2.20, "", Kind.LEVEL, 0,
                Duration.ZERO, null, 0.7, Duration.ofHours(12));
        VigilanceMonitor monitor = monitor(orange);
        List<Duration> leads = List.of(Duration.ofHours(6), Duration.ofHours(18));
        monitor.forecast(new Forecast("p", LOIRE, Quantity.H, "m", "1", T0, leads, new double[] {2.1, 2.9}, Map.of()));
        assertTrue(alerts.events.isEmpty(), "2.9 m is beyond the 12 h horizon");
        monitor.forecast(new Forecast("p", LOIRE, Quantity.H, "m", "1", T0, leads, new double[] {2.2, 2.9}, Map.of()));
        assertEquals(List.of(Transition.RAISED), transitions());
        assertTrue(alerts.events.get(0).message().endsWith("seuil orange 2,20 m. Niveau précédent : vert."));
    }

    @Test
    void aForecastHoldsItsLevelWithinTheHysteresisBand() {
        Threshold orange = new Threshold(LOIRE, Quantity.H, VigilanceLevel.ORANGE, 2.20, "", Kind.LEVEL, 0.10,
                Duration.ZERO, null, 0.5, null);
        VigilanceMonitor monitor = monitor(orange);
        double[] q10 = {2.00};
        monitor.forecast(quantiled(T0, q10, new double[] {2.25}, new double[] {2.50}, 6));
        monitor.forecast(quantiled(T0.plusSeconds(3600), q10, new double[] {2.15}, new double[] {2.40}, 6));
        assertEquals(List.of(Transition.RAISED), transitions(), "P(H > 2.10) ≥ 50 % keeps orange");
        monitor.forecast(quantiled(T0.plusSeconds(7200), q10, new double[] {2.05}, new double[] {2.30}, 6));
        assertEquals(List.of(Transition.RAISED, Transition.ENDED), transitions());
    }
}
