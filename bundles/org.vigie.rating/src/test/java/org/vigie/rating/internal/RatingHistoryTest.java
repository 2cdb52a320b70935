package org.vigie.rating.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigie.api.RatingCurve;

class RatingHistoryTest {

    private static final Instant V1 = Instant.parse("2018-01-01T00:00:00Z");
    private static final Instant V2 = Instant.parse("2023-10-15T12:00:00Z");

    /** Gaugings of a control whose zero-flow level rose by {@code shift} m (e.g. after sediment deposition). */
    private static List<Gauging> gaugings(double shift) {
        List<Gauging> gaugings = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            double h = 0.6 + 0.15 * i + shift;
            gaugings.add(new Gauging(h, 25 * Math.pow(h - 0.3 - shift, 1.6)));
        }
        return gaugings;
    }

    @Test
    void oldDataKeepTheirOldCurve() {
        RatingCurveFitter fitter = new RatingCurveFitter();
        RatingCurve before = fitter.fit("K447001001", V1, gaugings(0)).curve();
        RatingCurve after = fitter.fit("K447001001", V2, gaugings(0.2)).curve();
        RatingHistory history = RatingHistory.empty("K447001001").with(after).with(before);

        assertEquals(List.of(before, after), history.curves());
        assertEquals(Optional.empty(), history.applicableAt(Instant.parse("2017-12-31T23:59:59Z")));
        assertEquals(before, history.applicableAt(V1).orElseThrow());
        assertEquals(before, history.applicableAt(V2.minusSeconds(1)).orElseThrow());
        assertEquals(after, history.applicableAt(V2).orElseThrow());
        assertEquals(Optional.of(V2), history.validUntil(before));
        assertEquals(Optional.empty(), history.validUntil(after));

        // the same level means less water after the control rose
        double oldQ = history.discharge(Instant.parse("2020-06-01T00:00:00Z"), 1.5).orElseThrow().value();
        double newQ = history.discharge(Instant.parse("2024-06-01T00:00:00Z"), 1.5).orElseThrow().value();
        assertEquals(25 * Math.pow(1.2, 1.6), oldQ, 1e-6 * oldQ);
        assertEquals(25 * Math.pow(1.0, 1.6), newQ, 1e-6 * newQ);
        assertEquals(1.7, history.level(Instant.parse("2024-06-01T00:00:00Z"), 25 * Math.pow(1.2, 1.6))
                .orElseThrow().value(), 1e-6);
        assertTrue(history.discharge(Instant.parse("2000-01-01T00:00:00Z"), 1.5).isEmpty());
    }

    @Test
    void refusesForeignAndDuplicateCurves() {
        RatingCurve a = new RatingCurve("A", V1, List.of(new RatingCurve.Segment(0.5, 10, 0.2, 1.5)), 3);
        RatingCurve b = new RatingCurve("B", V2, List.of(new RatingCurve.Segment(0.5, 10, 0.2, 1.5)), 3);
        RatingCurve a2 = new RatingCurve("A", V1, List.of(new RatingCurve.Segment(0.5, 12, 0.2, 1.5)), 3);
        RatingHistory history = new RatingHistory("A", List.of(a));
        assertThrows(IllegalArgumentException.class, () -> history.with(b));
        assertThrows(IllegalArgumentException.class, () -> history.with(a2));
        assertThrows(IllegalArgumentException.class, () -> history.validUntil(b));
        assertEquals(1, history.curves().size(), "unchanged by the refused additions");
    }
}
