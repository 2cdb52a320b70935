package org.vigie.model.gr.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.api.IrregularTimeSeries;
import org.vigie.api.Quantity;

class ForcingGridTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private static IrregularTimeSeries series(Quantity quantity, double... values) {
        List<Instant> times = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            times.add(T0.plus(HOUR.multipliedBy(i)));
        }
        return new IrregularTimeSeries(quantity, times, values);
    }

    @Test
    void beyondTheIssueTimeRainIsZeroAndPetCarriesOnEvenWhenTheGridStartsThere() {
        IrregularTimeSeries pet = series(Quantity.E, 0.1, 0.2, 0.3);
        // a run resuming at the issue time (index 0 is already the future): PET goes on from its last known value
        assertArrayEquals(new double[] {0.3, 0.3}, ForcingGrid.onGrid("E", pet, T0.plus(HOUR.multipliedBy(3)), HOUR, 2,
                0, ForcingGrid.FutureGap.LAST_VALUE));
        assertArrayEquals(new double[] {0.2, 0.3, 0.3, 0.3}, ForcingGrid.onGrid("E", pet, T0.plus(HOUR), HOUR, 4, 2,
                ForcingGrid.FutureGap.LAST_VALUE));
        assertArrayEquals(new double[] {0.3, 0, 0}, ForcingGrid.onGrid("P", series(Quantity.P, 0.1, 0.2, 0.3),
                T0.plus(HOUR.multipliedBy(2)), HOUR, 3, 1, ForcingGrid.FutureGap.ZERO));
    }

    @Test
    void aMissingPastStepIsAnErrorNamingIt() {
        assertThrows(IllegalArgumentException.class, () -> ForcingGrid.onGrid("P", series(Quantity.P, 0.1),
                T0, HOUR, 3, 2, ForcingGrid.FutureGap.ZERO));
    }
}
