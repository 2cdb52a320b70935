package org.vigie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.api.AlertEvent.Transition;

class DomainTest {

    private static final Instant T = Instant.parse("2024-10-18T06:00:00Z");

    @Test
    void quantityCodesParseLeniently() {
        assertEquals(Quantity.Q, Quantity.parse(" q "));
        assertEquals("m3/s", Quantity.Q.unit());
        assertEquals("unknown quantity 'X', expected one of H, Q, P, E, T",
                assertThrows(IllegalArgumentException.class, () -> Quantity.parse("X")).getMessage());
    }

    @Test
    void theHighestReachedThresholdDecidesTheLevel() {
        List<Threshold> thresholds = List.of(
                new Threshold("K", Quantity.H, VigilanceLevel.ORANGE, 2.2, ""),
                new Threshold("K", Quantity.H, VigilanceLevel.YELLOW, 1.5, ""),
                new Threshold("K", Quantity.H, VigilanceLevel.RED, 4.2, ""));
        assertNull(Threshold.highestReached(thresholds, 1.49));
        assertEquals(VigilanceLevel.YELLOW, Threshold.highestReached(thresholds, 1.5).level());
        assertEquals(VigilanceLevel.ORANGE, Threshold.highestReached(thresholds, 4.19).level());
        assertEquals(VigilanceLevel.RED, Threshold.highestReached(thresholds, 7.1).level());
        assertNull(Threshold.highestReached(thresholds, Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new Threshold("K", Quantity.H, VigilanceLevel.GREEN, 1, ""));
    }

    @Test
    void transitionsFollowTheLevelOrder() {
        assertEquals(Transition.RAISED, Transition.between(VigilanceLevel.GREEN, VigilanceLevel.ORANGE));
        assertEquals(Transition.ESCALATED, Transition.between(VigilanceLevel.YELLOW, VigilanceLevel.RED));
        assertEquals(Transition.DEESCALATED, Transition.between(VigilanceLevel.RED, VigilanceLevel.YELLOW));
        assertEquals(Transition.ENDED, Transition.between(VigilanceLevel.ORANGE, VigilanceLevel.GREEN));
        assertThrows(IllegalArgumentException.class,
                () -> Transition.between(VigilanceLevel.RED, VigilanceLevel.RED));
    }

    @Test
    void forecastsKnowTheirValidTimesPeakAndQuantiles() {
        Forecast f = new Forecast("p", "K", Quantity.Q, "gr4h", "1.0", T,
                List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3)), new double[] {10, 30, 20},
                Map.of(0.9, new double[] {12, 36, 25}, 0.1, new double[] {8, 25, 16}));
        assertEquals(T.plus(Duration.ofHours(2)), f.peak().time());
        assertEquals(30, f.peak().value());
        assertEquals(List.of(0.1, 0.9), List.copyOf(f.quantiles().keySet()), "quantiles sorted by probability");
        assertThrows(IllegalArgumentException.class, () -> new Forecast("p", "K", Quantity.Q, "m", "", T,
                List.of(Duration.ofHours(2), Duration.ofHours(1)), new double[] {1, 2}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new Forecast("p", "K", Quantity.Q, "m", "", T,
                List.of(Duration.ofHours(1)), new double[] {1}, Map.of(1.5, new double[] {1})));
    }

    @Test
    void seriesAreImmutableAndOrdered() {
        double[] values = {1, Double.NaN, 3};
        RegularTimeSeries regular = new RegularTimeSeries(Quantity.P, T, Duration.ofHours(1), values);
        values[0] = 99;
        assertEquals(1, regular.value(0));
        assertEquals(T.plus(Duration.ofHours(2)), regular.time(2));
        assertEquals(2, regular.lastValidIndex().getAsInt());
        assertThrows(IllegalArgumentException.class,
                () -> new IrregularTimeSeries(Quantity.H, List.of(T, T), new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new Observation("K", Quantity.H, T, Double.NaN,
                Quality.RAW, Provenance.of("csv"), T));
        assertTrue(new IrregularTimeSeries(Quantity.H, List.of(), new double[0]).lastValidIndex().isEmpty());
    }
}
