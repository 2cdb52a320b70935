package org.vigie.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.vigie.api.VigilanceLevel;
import org.vigie.api.spi.AlertChannel;

class VigilanceMonitorTest {

    static final String LOIRE = "K435001010";
    static final Instant T0 = Instant.parse("2024-10-18T06:00:00Z");
    static final Catchment ORLEANS = new Catchment("orleans", "Orléans",
            List.of(new Station(LOIRE, "La Loire à Orléans", "Loire", new GeoPosition(1.9048, 47.8973), null, null)),
            List.of(new Threshold(LOIRE, Quantity.H, VigilanceLevel.YELLOW, 1.50, "vigilance"),
                    new Threshold(LOIRE, Quantity.H, VigilanceLevel.ORANGE, 2.20, "seuil d'alerte"),
                    new Threshold(LOIRE, Quantity.H, VigilanceLevel.RED, 4.20, "évacuation")),
            List.of());

    private final InMemoryAlertStore store = new InMemoryAlertStore();
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

    private VigilanceMonitor monitor() {
        return new VigilanceMonitor(new FixedCatchments(ORLEANS), store, noChannels, new String[] {"log", "email"},
                Clock.fixed(T0, ZoneOffset.UTC));
    }

    static Observation h(double value, int hour) {
        return new Observation(LOIRE, Quantity.H, T0.plus(Duration.ofHours(hour)), value, Quality.RAW,
                Provenance.of("csv"), T0);
    }

    @Test
    void eachChangeOfLevelIsOneEventQueuedForEveryConfiguredChannel() {
        VigilanceMonitor monitor = monitor();
        monitor.observed(h(1.20, 0));
        assertTrue(store.events.isEmpty(), "green stays green silently");
        monitor.observed(h(1.60, 1));
        monitor.observed(h(1.70, 2));
        monitor.observed(h(2.35, 3));
        monitor.observed(h(1.90, 4));
        monitor.observed(h(1.00, 5));
        assertEquals(List.of(Transition.RAISED, Transition.ESCALATED, Transition.DEESCALATED, Transition.ENDED),
                store.events.stream().map(AlertEvent::transition).toList());
        AlertEvent orange = store.events.get(1);
        assertEquals(VigilanceLevel.ORANGE, orange.level());
        assertEquals(VigilanceLevel.YELLOW, orange.previousLevel());
        assertEquals(2.35, orange.value());
        assertEquals(2.20, orange.threshold().value());
        assertEquals("Vigilance orange — La Loire à Orléans (K435001010) : hauteur observée 2,35 m le 18/10/2024 "
                + "à 11:00 (heure de Paris), seuil orange 2,20 m (seuil d'alerte). Niveau précédent : jaune.",
                orange.message());
        assertNull(store.events.get(3).threshold());
        assertEquals(8, store.outbox.size(), "4 events × 2 channels");
        assertEquals(Map.of(LOIRE, VigilanceLevel.GREEN), store.currentLevels());
    }

    @Test
    void aForecastAboveTheObservedLevelRaisesTheStationOnForecastBasis() {
        VigilanceMonitor monitor = monitor();
        monitor.observed(h(1.60, 0));
        Forecast rising = new Forecast("p", LOIRE, Quantity.H, "m", "1", T0,
                List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3)),
                new double[] {1.9, 2.4, 2.3}, Map.of());
        monitor.forecast(rising);
        AlertEvent last = store.events.get(store.events.size() - 1);
        assertEquals(Basis.FORECAST, last.basis());
        assertEquals(VigilanceLevel.ORANGE, last.level());
        assertEquals(T0.plus(Duration.ofHours(2)), last.valueTime(), "the first lead reaching the worst level");
        // the forecast falls back: the station returns to what the observation says
        monitor.forecast(new Forecast("p", LOIRE, Quantity.H, "m", "1", T0.plusSeconds(3600),
                List.of(Duration.ofHours(1)), new double[] {1.0}, Map.of()));
        assertEquals(VigilanceLevel.YELLOW, store.currentLevels().get(LOIRE));
    }

    @Test
    void aRestartResumesFromTheStoredLevelsWithoutRaisingAgain() {
        monitor().observed(h(2.5, 0));
        assertEquals(1, store.events.size());
        VigilanceMonitor restarted = monitor();
        restarted.observed(h(2.6, 1));
        assertEquals(1, store.events.size());
        assertEquals(VigilanceLevel.ORANGE, restarted.levels().get(LOIRE));
    }

    @Test
    void stationsWithoutThresholdsNeverAlert() {
        VigilanceMonitor monitor = monitor();
        monitor.observed(new Observation("K999", Quantity.H, T0, 99, Quality.RAW, Provenance.of("csv"), T0));
        monitor.observed(new Observation(LOIRE, Quantity.Q, T0, 5000, Quality.RAW, Provenance.of("csv"), T0));
        assertTrue(store.events.isEmpty());
    }
}
