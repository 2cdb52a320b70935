package org.vigie.model.support.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.vigie.api.IrregularTimeSeries;
import org.vigie.api.Quantity;
import org.vigie.api.TimeSeries;

class SeriesGridTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2024-12-01T00:00:00Z");

    private static TimeSeries series(Quantity quantity, String[] times, double... values) {
        return new IrregularTimeSeries(quantity, Arrays.stream(times).map(Instant::parse).toList(), values);
    }

    @Test
    void alignsOnTheStepWhateverTheSecond() {
        assertEquals(T0.plus(HOUR), SeriesGrid.aligned(Instant.parse("2024-12-01T01:59:59Z"), HOUR));
        assertEquals(T0, SeriesGrid.aligned(T0, HOUR));
        assertEquals(T0, SeriesGrid.aligned(Instant.parse("2024-12-01T17:00:00Z"), Duration.ofDays(1)));
        assertThrows(IllegalArgumentException.class, () -> SeriesGrid.aligned(T0, Duration.ofMillis(1500)));
    }

    @Test
    void theFirstGridTimeIsAtOrAfterTheFirstValue() {
        assertEquals(T0, SeriesGrid.firstGridTime(series(Quantity.Q, new String[] {"2024-12-01T00:00:00Z"}, 1),
                HOUR));
        assertEquals(T0.plus(HOUR), SeriesGrid.firstGridTime(
                series(Quantity.Q, new String[] {"2024-12-01T00:10:00Z"}, 1), HOUR));
        assertNull(SeriesGrid.firstGridTime(series(Quantity.Q, new String[0]), HOUR));
    }

    @Test
    void instantaneousValuesAreInterpolatedAcrossAtMostThreeSteps() {
        TimeSeries q = series(Quantity.Q, new String[] {"2024-12-01T00:00:00Z", "2024-12-01T01:30:00Z",
            "2024-12-01T02:00:00Z", "2024-12-01T06:00:00Z"}, 10, 40, Double.NaN, 80);
        double[] values = SeriesGrid.sample(q, T0, HOUR, 8);
        // 01:00 lies two thirds of the way from 00:00 to 01:30; 02:00 is missing and 01:30 → 06:00 is too wide
        assertArrayEquals(new double[] {10, 30, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 80, Double.NaN},
                values, 1e-12);
        assertEquals(3, SeriesGrid.MAX_INTERPOLATED_STEPS);
    }

    @Test
    void accumulatedValuesCountOnlyOnTheGrid() {
        TimeSeries p = series(Quantity.P, new String[] {"2024-12-01T00:00:00Z", "2024-12-01T01:30:00Z",
            "2024-12-01T02:00:00Z"}, 1, 2, 3);
        assertArrayEquals(new double[] {1, Double.NaN, 3}, SeriesGrid.sample(p, T0, HOUR, 3), 0);
    }

    @Test
    void theLatestObservationOfTheStepBeforeStandsForAMissingGridValue() {
        TimeSeries h = series(Quantity.H, new String[] {"2024-12-01T00:00:00Z", "2024-12-01T01:20:00Z",
            "2024-12-01T01:40:00Z"}, 1.0, 1.2, 1.4);
        double[] values = SeriesGrid.sample(h, T0, HOUR, 3);
        assertEquals(Double.NaN, values[2]);
        SeriesGrid.fillFromLatest(values, h, T0, HOUR, 2);
        assertEquals(1.4, values[2]);

        // nothing in the step before: stays missing
        double[] far = SeriesGrid.sample(h, T0, HOUR, 4);
        SeriesGrid.fillFromLatest(far, h, T0, HOUR, 3);
        assertEquals(Double.NaN, far[3]);

        // rainfall is never carried over
        TimeSeries p = series(Quantity.P, new String[] {"2024-12-01T01:40:00Z"}, 5);
        double[] rain = {Double.NaN, Double.NaN, Double.NaN};
        SeriesGrid.fillFromLatest(rain, p, T0, HOUR, 2);
        assertEquals(Double.NaN, rain[2]);
    }

    @Test
    void theFutureIsZeroRainOrPersistence() {
        double[] rain = {1, Double.NaN, 2, Double.NaN, 3};
        SeriesGrid.zeroBeyond(rain, 2);
        assertArrayEquals(new double[] {1, Double.NaN, 2, 0, 3}, rain, 0);

        double[] level = {1, Double.NaN, 2, Double.NaN, Double.NaN, 5};
        SeriesGrid.holdLast(level, 2);
        assertArrayEquals(new double[] {1, Double.NaN, 2, 2, 2, 5}, level, 0);
    }
}
