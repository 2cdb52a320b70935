package org.vigie.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class RatingCurveTest {

    private static final Instant V1 = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant V2 = Instant.parse("2024-06-01T00:00:00Z");

    // low-flow control up to 1 m, then a channel control continuous at 1 m: 20·(1-0.2)^1.5 = 14.311 m³/s
    private final RatingCurve curve = new RatingCurve("K", V1, List.of(
            new RatingCurve.Segment(0.2, 20, 0.2, 1.5),
            new RatingCurve.Segment(1.0, 14.310835055998654 / Math.pow(1.0 - 0.5, 1.8), 0.5, 1.8)), 4.0);

    @Test
    void convertsBothWaysOnEachSegment() {
        assertEquals(20 * Math.pow(0.5, 1.5), curve.discharge(0.7).value(), 1e-12);
        double q = curve.discharge(2.5).value();
        assertEquals(14.310835055998654 / Math.pow(0.5, 1.8) * Math.pow(2.0, 1.8), q, 1e-9);
        for (double h : new double[] {0.25, 0.7, 1.0, 1.7, 3.9}) {
            assertEquals(h, curve.level(curve.discharge(h).value()).value(), 1e-12, "round trip at " + h);
        }
    }

    @Test
    void flagsExtrapolationOutsideTheGaugedRange() {
        assertFalse(curve.discharge(3.9).extrapolated());
        assertTrue(curve.discharge(4.5).extrapolated());
        assertTrue(curve.discharge(0.1).extrapolated());
        assertEquals(0, curve.discharge(0.1).value());
        assertTrue(curve.level(curve.discharge(5).value()).extrapolated());
    }

    @Test
    void oldDataKeepTheirOldCurve() {
        RatingCurve newer = new RatingCurve("K", V2, List.of(new RatingCurve.Segment(0.1, 25, 0.1, 1.6)), 4.5);
        List<RatingCurve> both = List.of(newer, curve);
        assertEquals(V1, RatingCurve.applicableAt(both, Instant.parse("2023-03-01T00:00:00Z")).orElseThrow().validFrom());
        assertEquals(V2, RatingCurve.applicableAt(both, V2).orElseThrow().validFrom());
        assertTrue(RatingCurve.applicableAt(both, Instant.parse("2019-01-01T00:00:00Z")).isEmpty());
    }

    @Test
    void refusesCurvesThatAreNotIncreasing() {
        assertThrows(IllegalArgumentException.class, () -> new RatingCurve("K", V1, List.of(
                new RatingCurve.Segment(0.2, 20, 0.2, 1.5), new RatingCurve.Segment(1.0, 1, 0.9, 1.5)), 3));
        assertThrows(IllegalArgumentException.class, () -> new RatingCurve.Segment(0.2, -1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> curve.level(-1));
    }

    @Test
    void aDischargeInsideAJumpUpAtAJointConvertsToTheJointLevel() {
        RatingCurve jump = new RatingCurve("K1", java.time.Instant.EPOCH, java.util.List.of(
                new RatingCurve.Segment(0.5, 10, 0, 2), new RatingCurve.Segment(1.0, 30, 0, 2)), 3);
        org.junit.jupiter.api.Assertions.assertEquals(1.0, jump.level(20).value(), 1e-12);
        org.junit.jupiter.api.Assertions.assertEquals(Math.sqrt(2), jump.level(60).value(), 1e-12);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> jump.discharge(Double.NaN));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new RatingCurve("K1",
                java.time.Instant.EPOCH, java.util.List.of(new RatingCurve.Segment(0.5, 10, 0, 2)),
                Double.POSITIVE_INFINITY));
    }
}
