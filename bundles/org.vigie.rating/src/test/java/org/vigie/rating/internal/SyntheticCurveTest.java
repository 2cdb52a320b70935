package org.vigie.rating.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vigie.api.RatingCurve;

/** Curves with known parameters: the fit must give them back. */
class SyntheticCurveTest {

    private static final Instant FROM = Instant.parse("2021-03-01T00:00:00Z");

    /** Low-flow control up to 1.5 m, then a channel control continuous at 1.5 m. */
    private static final RatingCurve TWO_SEGMENTS = twoSegments();

    private static RatingCurve twoSegments() {
        double joint = 20 * Math.pow(1.5 - 0.1, 1.5);
        return new RatingCurve("SYNTH", FROM, List.of(new RatingCurve.Segment(0.3, 20, 0.1, 1.5),
                new RatingCurve.Segment(1.5, joint / Math.pow(1.5 - 0.8, 2.2), 0.8, 2.2)), 3.5);
    }

    private static List<Gauging> sample(RatingCurve truth, double from, double to, double step, double noise,
            long seed) {
        Random random = new Random(seed);
        List<Gauging> gaugings = new ArrayList<>();
        for (int i = 0; from + i * step <= to + 1e-9; i++) {
            double h = Math.round((from + i * step) * 1e4) / 1e4;
            double q = truth.discharge(h).value() * Math.exp(noise * random.nextGaussian());
            gaugings.add(new Gauging(h, q));
        }
        return gaugings;
    }

    @Test
    void recoversASinglePowerLawExactly() {
        RatingCurve truth = new RatingCurve("SYNTH", FROM, List.of(new RatingCurve.Segment(0.4, 35, 0.25, 1.65)), 3);
        RatingFit fit = new RatingCurveFitter().fit("SYNTH", FROM, sample(truth, 0.4, 3.0, 0.1, 0, 1));

        assertEquals(1, fit.chosen().segments(), "BIC keeps one segment for exact one-segment data");
        RatingCurve.Segment s = fit.curve().segments().get(0);
        assertEquals(35, s.a(), 35e-6);
        assertEquals(0.25, s.h0(), 1e-6);
        assertEquals(1.65, s.b(), 1e-6);
        assertEquals(0.4, s.fromLevel());
        assertEquals(3.0, fit.curve().maxGaugedLevel(), 1e-12);
        assertTrue(fit.residuals().maxAbsRelativeError() < 1e-8, fit.residuals().summary());
    }

    @Test
    void recoversTwoSegmentsFromExactGaugings() {
        RatingFit fit = new RatingCurveFitter(RatingFitOptions.defaults().withSegments(2)).fit("SYNTH", FROM,
                sample(TWO_SEGMENTS, 0.3, 3.5, 0.05, 0, 1));

        List<RatingCurve.Segment> segments = fit.curve().segments();
        assertEquals(2, segments.size());
        assertEquals(1.5, segments.get(1).fromLevel(), 1e-12, "breakpoint found at the gauged level 1.5 m");
        for (int k = 0; k < 2; k++) {
            RatingCurve.Segment expected = TWO_SEGMENTS.segments().get(k);
            RatingCurve.Segment actual = segments.get(k);
            assertEquals(expected.a(), actual.a(), 1e-5 * expected.a(), "a of segment " + k);
            assertEquals(expected.h0(), actual.h0(), 1e-6, "h0 of segment " + k);
            assertEquals(expected.b(), actual.b(), 1e-6, "b of segment " + k);
        }
    }

    @Test
    void bicFindsTwoSegmentsInNoisyGaugings() {
        // 65 gaugings every 5 cm with a 1 % log-normal error
        List<Gauging> gaugings = sample(TWO_SEGMENTS, 0.3, 3.5, 0.05, 0.01, 20240601L);
        RatingFit fit = new RatingCurveFitter().fit("SYNTH", FROM, gaugings);

        assertEquals(2, fit.chosen().segments(), "trials " + fit.trials());
        List<RatingCurve.Segment> segments = fit.curve().segments();
        assertEquals(1.5, segments.get(1).fromLevel(), 0.15, "breakpoint");
        assertEquals(1.5, segments.get(0).b(), 0.15, "low-flow exponent");
        assertEquals(2.2, segments.get(1).b(), 0.3, "channel exponent");
        // the residuals are the noise: RMSE in log space close to σ = 0.01
        assertEquals(0.01, fit.residuals().rmseLog(), 0.003, fit.residuals().summary());
        // and the curve follows the true one within 1.5 % over the gauged range
        for (double h = 0.3; h <= 3.5; h += 0.01) {
            double truth = TWO_SEGMENTS.discharge(h).value();
            assertEquals(truth, fit.curve().discharge(h).value(), 0.015 * truth, "Q at " + h);
        }
        assertEquals(3, fit.trials().size());
        assertEquals(9, fit.trials().get(2).parameters());
    }

    @Test
    void imposedSegmentCountIsKept() {
        List<Gauging> gaugings = sample(TWO_SEGMENTS, 0.3, 3.5, 0.05, 0.01, 7);
        RatingFit one = new RatingCurveFitter(RatingFitOptions.defaults().withSegments(1)).fit("SYNTH", FROM,
                gaugings);
        RatingFit two = new RatingCurveFitter(RatingFitOptions.defaults().withSegments(2)).fit("SYNTH", FROM,
                gaugings);
        assertEquals(1, one.curve().segments().size());
        assertEquals(1, one.trials().size());
        assertEquals(2, two.curve().segments().size());
        assertTrue(two.residuals().rmseLog() < one.residuals().rmseLog());
        assertTrue(one.curve().segments().get(0).h0() < 0.3, "h0 below the lowest gauged level");
    }

    @Test
    void fittedCurveIsContinuousIncreasingAndInvertible() {
        RatingFit fit = new RatingCurveFitter().fit("SYNTH", FROM, sample(TWO_SEGMENTS, 0.3, 3.5, 0.05, 0.02, 3));
        RatingCurve curve = fit.curve();
        double previous = 0;
        for (double h = 0.2; h <= 5; h += 0.001) {
            double q = curve.discharge(h).value();
            assertTrue(q >= previous, "Q decreases at " + h);
            previous = q;
            if (q > 0) {
                assertEquals(h, curve.level(q).value(), 1e-9, "H → Q → H at " + h);
            }
        }
        for (int k = 1; k < curve.segments().size(); k++) {
            double joint = curve.segments().get(k).fromLevel();
            double below = curve.discharge(Math.nextDown(joint)).value();
            double at = curve.discharge(joint).value();
            assertEquals(below, at, 1e-9 * at, "continuity at " + joint);
        }
    }

    @Test
    void flagsExtrapolationOutsideTheGaugedRange() {
        RatingFit fit = new RatingCurveFitter().fit("SYNTH", FROM, sample(TWO_SEGMENTS, 0.3, 3.5, 0.05, 0, 1));
        RatingCurve curve = fit.curve();
        assertFalse(curve.discharge(0.3).extrapolated());
        assertFalse(curve.discharge(3.5).extrapolated());
        assertTrue(curve.discharge(3.6).extrapolated());
        assertTrue(curve.discharge(0.25).extrapolated());
        double qMax = TWO_SEGMENTS.discharge(3.5).value();
        assertFalse(curve.level(0.99 * qMax).extrapolated());
        RatingCurve.Conversion above = curve.level(1.2 * qMax);
        assertTrue(above.extrapolated());
        assertTrue(above.value() > 3.5);
        assertEquals(TWO_SEGMENTS.discharge(4.0).value(), curve.discharge(4.0).value(),
                1e-4 * TWO_SEGMENTS.discharge(4.0).value(), "extrapolation continues the top segment");
    }

    @Test
    void residualsOfAGivenCurve() {
        RatingCurve curve = new RatingCurve("SYNTH", FROM, List.of(new RatingCurve.Segment(0.5, 10, 0, 2)), 2);
        RatingResiduals r = RatingResiduals.of(curve, List.of(new Gauging(1, 11), new Gauging(2, 40), new Gauging(3,
                80)));
        assertEquals(10 / 11.0 - 1, r.residuals().get(0).relativeError(), 1e-15);
        assertEquals(Math.log(11 / 10.0), r.residuals().get(0).logResidual(), 1e-15);
        assertEquals(0, r.residuals().get(1).relativeError(), 1e-15);
        assertTrue(r.residuals().get(2).extrapolated());
        assertEquals(90 / 80.0 - 1, r.maxAbsRelativeError(), 1e-15);
        double rms = Math.sqrt((Math.pow(10 / 11.0 - 1, 2) + Math.pow(90 / 80.0 - 1, 2)) / 3);
        assertEquals(rms, r.rmsRelativeError(), 1e-15);
        double rmseLog = Math.sqrt((Math.pow(Math.log(1.1), 2) + Math.pow(Math.log(80 / 90.0), 2)) / 3);
        assertEquals(rmseLog, r.rmseLog(), 1e-15);
    }
}
