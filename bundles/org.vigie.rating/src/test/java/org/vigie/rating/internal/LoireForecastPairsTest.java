package org.vigie.rating.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigie.api.RatingCurve;
import org.vigie.testing.SharedData;

/**
 * Real data: the Vigicrues forecasts of 11 December 2024 pair a forecast Q and a forecast H at the same place and
 * time (three trends: 10 %, 50 %, 90 %), i.e. points of the rating curve the forecaster used. Each station's curve is
 * fitted to all pairs and must reproduce them.
 */
class LoireForecastPairsTest {

    private static final String DIRECTORY = "loire-hydroportail-hourly-and-vigicrues-forecasts-dec2024/";
    private static final Instant ISSUED = Instant.parse("2024-12-11T06:00:00Z");

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource({
        // file, Q site, H station, max |rel| Q, RMS rel Q, max |ΔH| (m) from Q → H. The files give Q to 0.1 m³/s
        // (0.05 % of ~200 m³/s) and H to 0.1 mm or 1 mm: the tolerances are those roundings.
        "Prev_E_20241211_0706_20241211_0707_5159.prv, K1180010, K118001010, 0.0005, 0.0002, 0.001",
        "Prev_E_20241211_0706_20241211_0707_5166.prv, K1440010, K144001010, 0.0005, 0.0002, 0.001",
    })
    void fittedCurveReproducesTheForecastPairs(String file, String dischargeStation, String levelStation,
            double maxRelative, double rmsRelative, double maxLevelError) {
        Path prv = SharedData.file(DIRECTORY + file);
        List<PrvFile.Pair> pairs = PrvFile.pairs(prv);
        assertEquals(3 * 119, pairs.size(), "three trends × 119 hourly rows");
        assertEquals(Set.of(dischargeStation), pairs.stream().map(PrvFile.Pair::dischargeStation)
                .collect(Collectors.toSet()));
        assertEquals(Set.of(levelStation), pairs.stream().map(PrvFile.Pair::levelStation).collect(Collectors.toSet()));
        List<Gauging> gaugings = pairs.stream().map(PrvFile.Pair::gauging).toList();

        long started = System.nanoTime();
        RatingFit fit = new RatingCurveFitter().fit(levelStation, ISSUED, gaugings);
        long millis = (System.nanoTime() - started) / 1_000_000;
        RatingCurve curve = fit.curve();
        RatingResiduals residuals = fit.residuals();

        double maxLevel = gaugings.stream().mapToDouble(Gauging::level).max().orElseThrow();
        double minLevel = gaugings.stream().mapToDouble(Gauging::level).min().orElseThrow();
        double maxDischarge = gaugings.stream().mapToDouble(Gauging::discharge).max().orElseThrow();
        double worstLevelError = 0;
        double sumLevelError2 = 0;
        double worstRoundTrip = 0;
        for (Gauging g : gaugings) {
            RatingCurve.Conversion level = curve.level(g.discharge());
            worstLevelError = Math.max(worstLevelError, Math.abs(level.value() - g.level()));
            sumLevelError2 += (level.value() - g.level()) * (level.value() - g.level());
            double q = curve.discharge(g.level()).value();
            worstRoundTrip = Math.max(worstRoundTrip, Math.abs(curve.level(q).value() - g.level()));
            assertFalse(curve.discharge(g.level()).extrapolated(), "gauged level " + g.level() + " not extrapolated");
        }
        System.out.printf(Locale.ROOT, "%s (Q %s, H %s): %d pairs, H %.4f..%.4f m, fitted in %d ms%n", file,
                dischargeStation, levelStation, gaugings.size(), minLevel, maxLevel, millis);
        fit.trials().forEach(t -> System.out.printf(Locale.ROOT, "  N=%d breakpoints=%s RSS=%.3e BIC=%.1f%n",
                t.segments(), t.breakpoints(), t.rss(), t.bic()));
        curve.segments().forEach(s -> System.out.printf(Locale.ROOT,
                "  segment from %.4f m: a=%.6g h0=%.6g b=%.6g%n", s.fromLevel(), s.a(), s.h0(), s.b()));
        System.out.printf(Locale.ROOT, "  %s; Q→H: max |ΔH| %.2f mm, RMS %.2f mm; H→Q→H max %.1e m%n",
                residuals.summary(), 1000 * worstLevelError, 1000 * Math.sqrt(sumLevelError2 / gaugings.size()),
                worstRoundTrip);

        assertEquals(curve.segments().size(), fit.chosen().segments());
        assertTrue(residuals.maxAbsRelativeError() <= maxRelative, residuals.summary());
        assertTrue(residuals.rmsRelativeError() <= rmsRelative, residuals.summary());
        assertTrue(worstLevelError <= maxLevelError, "Q → H error " + worstLevelError + " m");
        assertTrue(worstRoundTrip <= 1e-9, "H → Q → H round trip " + worstRoundTrip + " m");

        // the gauged range is [lowest, highest] paired level; beyond it the conversion says it extrapolates
        assertEquals(minLevel, curve.segments().get(0).fromLevel());
        assertEquals(maxLevel, curve.maxGaugedLevel());
        RatingCurve.Conversion above = curve.discharge(maxLevel + 0.5);
        assertTrue(above.extrapolated());
        assertTrue(above.value() > maxDischarge);
        assertTrue(curve.level(1.5 * maxDischarge).extrapolated());
        assertTrue(curve.discharge(minLevel - 0.05).extrapolated());
        assertFalse(curve.discharge((minLevel + maxLevel) / 2).extrapolated());
        assertEquals(ISSUED, curve.validFrom());
    }

    /**
     * Hold-out check: a curve fitted on the 10 % and 90 % trends only must predict the 50 % one. At Digoin the outer
     * trends leave a gap between 0.918 and 0.976 m, just where the forecaster's curve bends (the central trend has the
     * only points there), so the hold-out error is an interpolation error across that gap: about 1 %.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Prev_E_20241211_0706_20241211_0707_5159.prv, 0.015",
        "Prev_E_20241211_0706_20241211_0707_5166.prv, 0.0005",
    })
    void curveFittedOnTheOuterTrendsPredictsTheCentralOne(String file, double maxRelative) {
        List<PrvFile.Pair> pairs = PrvFile.pairs(SharedData.file(DIRECTORY + file));
        List<Gauging> outer = pairs.stream().filter(p -> !p.series().endsWith("centrale_50")).map(PrvFile.Pair::gauging)
                .toList();
        List<Gauging> central = pairs.stream().filter(p -> p.series().endsWith("centrale_50"))
                .map(PrvFile.Pair::gauging).toList();
        assertEquals(2 * 119, outer.size());
        assertEquals(119, central.size());

        RatingFit fit = new RatingCurveFitter().fit("K", ISSUED, outer);
        RatingResiduals check = RatingResiduals.of(fit.curve(), central);
        GaugingResidual worst = check.residuals().stream()
                .max(java.util.Comparator.comparingDouble(r -> Math.abs(r.relativeError()))).orElseThrow();
        System.out.printf(Locale.ROOT, "%s: fitted on the 10 %%/90 %% trends (%d segments, %s), central trend: %s, "
                + "worst at H=%.4f m%n", file, fit.chosen().segments(), fit.residuals().summary(), check.summary(),
                worst.level());
        assertTrue(check.residuals().stream().noneMatch(GaugingResidual::extrapolated),
                "the central trend lies within the outer ones");
        assertTrue(check.maxAbsRelativeError() <= maxRelative, check.summary());
    }
}
