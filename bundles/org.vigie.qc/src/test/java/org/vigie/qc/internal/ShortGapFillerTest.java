package org.vigie.qc.internal;

import org.vigie.qc.internal.filling.FilledSeries;
import org.vigie.qc.internal.filling.ShortGapFiller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigie.api.Observation;
import org.vigie.api.Quality;
import org.vigie.api.Quantity;

class ShortGapFillerTest {

    static Observation at(int hour, double value) {
        return SeriesDiagnosticsTest.at(hour, value, Quantity.Q);
    }

    @Test
    void shortGapIsInterpolatedAndMarkedFilled() {
        List<Observation> raw = List.of(at(0, 1), at(1, 2), at(4, 5), at(5, 6));
        FilledSeries filled = new ShortGapFiller(Duration.ofHours(1), 2).fill(raw);
        assertEquals(6, filled.observations().size());
        assertEquals(2, filled.filledCount());
        assertEquals(3.0, filled.observations().get(2).value(), 1e-12);
        assertEquals(4.0, filled.observations().get(3).value(), 1e-12);
        assertEquals(Quality.FILLED, filled.observations().get(2).quality());
        assertEquals(Quality.RAW, filled.observations().get(4).quality());
        assertEquals(SeriesDiagnosticsTest.START.plus(Duration.ofHours(3)), filled.observations().get(3).time());
        assertEquals(List.of(at(0, 1), at(1, 2), at(4, 5), at(5, 6)), raw, "raw series untouched");
    }

    @Test
    void longGapStaysMissingAndIsReported() {
        List<Observation> raw = new ArrayList<>(List.of(at(0, 1), at(5, 6), at(6, 7), at(8, 9)));
        FilledSeries filled = new ShortGapFiller(Duration.ofHours(1), 3).fill(raw);
        assertEquals(1, filled.filledCount());
        assertEquals(5, filled.observations().size());
        assertEquals(1, filled.unfilledGaps().size());
        assertEquals(4, filled.unfilledGaps().get(0).missingSteps());
    }

    @Test
    void unorderedAndDuplicatedInputIsOrderedKeepingTheFirstDelivery() {
        List<Observation> raw = List.of(at(2, 3), at(0, 1), at(2, 99), at(1, 2));
        FilledSeries filled = new ShortGapFiller(Duration.ofHours(1), 1).fill(raw);
        assertEquals(List.of(1.0, 2.0, 3.0), filled.observations().stream().map(Observation::value).toList());
        assertEquals(0, filled.filledCount());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new ShortGapFiller(Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new ShortGapFiller(Duration.ofHours(1), -1));
    }
}
