package org.vigie.store.h2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigie.api.RatingCurve;

class H2RatingCurveStoreTest extends StoreFixture {

    private static RatingCurve curve(String validFrom, double a) {
        return new RatingCurve("K001", Instant.parse(validFrom), List.of(
                new RatingCurve.Segment(0.2, a, 0.1, 1.6), new RatingCurve.Segment(1.5, a * 1.1, 0.15, 1.58)), 6.3);
    }

    @Test
    void curvesKeepTheirValidityAndReadBackExactly() {
        H2RatingCurveStore store = new H2RatingCurveStore(database);
        RatingCurve old = curve("2020-01-01T00:00:00Z", 35.123456789012345);
        RatingCurve current = curve("2024-06-01T00:00:00Z", 41.0 / 3);
        store.save(current, "fitted on 12 gaugings");
        store.save(old, "historical");

        assertEquals(List.of(old, current), store.curves("K001"), "oldest first, numbers exact");
        assertEquals(old, RatingCurve.applicableAt(store.curves("K001"), Instant.parse("2023-01-01T00:00:00Z"))
                .orElseThrow(), "old data keep their old curve");

        RatingCurve refit = curve("2024-06-01T00:00:00Z", 42.0);
        store.save(refit, "re-fitted");
        assertEquals(List.of(old, refit), store.curves("K001"), "same validity replaced");
        assertEquals(List.of(), store.curves("K999"));
    }
}
