package org.vigie.rating.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Unusable gaugings are refused with a message that says why. */
class BadGaugingsTest {

    private static final Instant FROM = Instant.parse("2022-01-01T00:00:00Z");
    private final RatingCurveFitter fitter = new RatingCurveFitter();

    private static List<Gauging> good() {
        List<Gauging> gaugings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double h = 0.5 + 0.2 * i;
            gaugings.add(new Gauging(h, 12 * Math.pow(h - 0.2, 1.7)));
        }
        return gaugings;
    }

    private static void assertRefused(Executable fit, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, fit);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "message \"" + e.getMessage() + "\" lacks \""
                    + fragment + "\"");
        }
    }

    private void assertRefused(List<Gauging> gaugings, String... fragments) {
        assertRefused(() -> fitter.fit("K", FROM, gaugings), fragments);
    }

    @Test
    void fewerGaugingsThanParameters() {
        assertRefused(List.of(), "no gaugings");
        assertRefused(good().subList(0, 2), "need at least 3 gaugings, got 2");
        assertRefused(List.of(new Gauging(1, 10), new Gauging(1, 11), new Gauging(2, 30)), "3 distinct levels",
                "got 2");
    }

    @Test
    void tooFewLevelsForTheImposedSegments() {
        RatingCurveFitter threeSegments = new RatingCurveFitter(RatingFitOptions.defaults().withSegments(3));
        assertRefused(() -> threeSegments.fit("K", FROM, good().subList(0, 8)), "3 segment(s) need gaugings at 9 "
                + "distinct levels", "got 8 gaugings at 8 distinct levels");
    }

    @Test
    void nonPositiveDischarge() {
        List<Gauging> zero = good();
        zero.set(4, new Gauging(1.3, 0));
        assertRefused(zero, "gauging #4", "must be positive", "got 0.0");
        List<Gauging> negative = good();
        negative.set(0, new Gauging(0.5, -2));
        assertRefused(negative, "gauging #0", "must be positive");
    }

    @Test
    void notANumber() {
        List<Gauging> nanLevel = good();
        nanLevel.set(2, new Gauging(Double.NaN, 10));
        assertRefused(nanLevel, "gauging #2", "level is not a finite number");
        List<Gauging> nanDischarge = good();
        nanDischarge.set(3, new Gauging(1.1, Double.NaN));
        assertRefused(nanDischarge, "gauging #3", "discharge is not a finite number");
        List<Gauging> infinite = good();
        infinite.set(3, new Gauging(Double.POSITIVE_INFINITY, 10));
        assertRefused(infinite, "gauging #3", "level is not a finite number");
        List<Gauging> withNull = new ArrayList<>(good());
        withNull.set(1, null);
        assertRefused(withNull, "gauging #1 is null");
    }

    @Test
    void dischargeThatDoesNotIncreaseWithTheLevel() {
        List<Gauging> decreasing = good().stream().map(g -> new Gauging(-g.level(), g.discharge())).toList();
        assertRefused(decreasing, "does not increase with the level", "cannot be fitted");
        List<Gauging> scrambled = new ArrayList<>();
        double[] q = {30, 5, 22, 8, 40, 3, 18, 12, 9, 25};
        for (int i = 0; i < q.length; i++) {
            scrambled.add(new Gauging(0.5 + 0.2 * i, q[i]));
        }
        assertRefused(scrambled, "Spearman rank correlation");
        List<Gauging> constant = good().stream().map(g -> new Gauging(g.level(), 7)).toList();
        assertRefused(constant, "does not vary");
    }

    @Test
    void badOptions() {
        assertThrows(IllegalArgumentException.class, () -> new RatingFitOptions(0, 2, 3, 16, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new RatingFitOptions(3, 2, 3, 16, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new RatingFitOptions(1, 2, 1, 16, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new RatingFitOptions(1, 2, 3, 16, Double.NaN));
        assertThrows(NullPointerException.class, () -> fitter.fit("K", null, good()));
        assertThrows(NullPointerException.class, () -> fitter.fit(null, FROM, good()));
    }

    @Test
    void toleratesTiesAndSmallInversionsAsInRealData() {
        // rounding in real pairs gives equal levels with slightly different discharges, as in the Vigicrues files
        List<Gauging> gaugings = new ArrayList<>(good());
        gaugings.add(new Gauging(0.9, 12 * Math.pow(0.7, 1.7) * 1.001));
        gaugings.add(new Gauging(1.1, 12 * Math.pow(0.9, 1.7) * 0.999));
        RatingFit fit = fitter.fit("K", FROM, gaugings);
        assertTrue(fit.residuals().maxAbsRelativeError() < 0.002, fit.residuals().summary());
        assertTrue(Arrays.asList(1, 2, 3).contains(fit.chosen().segments()));
    }
}
