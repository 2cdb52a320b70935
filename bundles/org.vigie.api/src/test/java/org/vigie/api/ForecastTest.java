package org.vigie.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ForecastTest {

    private static Forecast forecast(Map<Double, double[]> quantiles) {
        return new Forecast("p", "K1", Quantity.H, "m", "1", Instant.parse("2024-01-01T00:00:00Z"),
                List.of(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3)), new double[] {2.0, 2.5, Double.NaN},
                quantiles);
    }

    @Test
    void exceedanceIsReadOffTheQuantilesAndBoundedOutsideThem() {
        Forecast f = forecast(Map.of(0.1, new double[] {1.5, 2.0, Double.NaN}, 0.5, new double[] {2.0, 2.5, Double.NaN},
                0.9, new double[] {3.0, 3.5, Double.NaN}));
        // lead 1: 2.5 lies half-way between q50 = 2.0 and q90 = 3.0, so F = 0.7; lead 2: 2.5 is the median
        assertArrayEquals(new double[] {0.3, 0.5, Double.NaN}, f.exceedanceProbabilities(2.5), 1e-12);
        assertArrayEquals(new double[] {0.9, 0.9, Double.NaN}, f.exceedanceProbabilities(1.0), 1e-12,
                "below the lowest quantile: at least 90 %");
        assertArrayEquals(new double[] {0.1, 0.1, Double.NaN}, f.exceedanceProbabilities(9.0), 1e-12,
                "above the highest quantile: at most 10 %");
    }

    @Test
    void withoutQuantilesTheDeterministicValueDecides() {
        assertArrayEquals(new double[] {0, 1, Double.NaN}, forecast(Map.of()).exceedanceProbabilities(2.2), 0);
    }
}
