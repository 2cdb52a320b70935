package org.vigie.model.muskingum.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.vigie.model.muskingum.internal.core.MuskingumCalibration;
import org.vigie.model.muskingum.internal.core.MuskingumFit;
import org.vigie.model.muskingum.internal.core.MuskingumRouting;
import org.vigie.model.muskingum.internal.core.Nse;
import org.vigie.testing.SharedData;

/**
 * Muskingum on real nested gauges (shared data, read in place):
 * <ul>
 * <li>the Cance (Ardèche), hourly, 2014-09-15 … 2015-01-15: V3515010 (107 km²) + V3517010 (25.3 km²) routed to the
 * outlet V3524010 (381.7 km²);</li>
 * <li>the upper Loire, hourly, 11–16 December 2024: Digoin K1180010 routed to Gilly-sur-Loire K1440010.</li>
 * </ul>
 * The baseline is the same inflow without routing (the scaled upstream discharge at the same hour).
 */
class RealReachesTest {

    static final String CANCE = "cance-hourly-rainfall-runoff-smash/Cance_hourly_2014-09-15_2015-01-15.csv";
    static final String LOIRE = "loire-hydroportail-hourly-and-vigicrues-forecasts-dec2024/";
    static final double AREA_OUTLET = 381.7;
    static final double AREA_UPSTREAM = 107 + 25.3;

    /** The Cance columns: time, then Q of the outlet and of the two upstream gauges. */
    record Cance(List<Instant> times, double[] outlet, double[] upstream1, double[] upstream2) {
        static Cance read() {
            List<String> lines = SharedData.lines(CANCE);
            assertEquals("datetime,P_mm_V3524010,P_mm_V3515010,P_mm_V3517010,Q_m3s_V3524010,Q_m3s_V3515010,"
                    + "Q_m3s_V3517010", lines.get(0));
            int n = lines.size() - 1;
            List<Instant> times = new ArrayList<>();
            double[] q0 = new double[n];
            double[] q1 = new double[n];
            double[] q2 = new double[n];
            for (int i = 0; i < n; i++) {
                String[] f = lines.get(i + 1).split(",", -1);
                times.add(Instant.parse(f[0] + "Z"));
                q0[i] = number(f[4]);
                q1[i] = number(f[5]);
                q2[i] = number(f[6]);
            }
            return new Cance(times, q0, q1, q2);
        }

        int index(String time) {
            return times.indexOf(Instant.parse(time));
        }
    }

    static double number(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    /** A HydroPortail QmnH export: "Date (TU)","Valeur (en m³/s)",… */
    static double[] hydroPortail(String site) {
        List<String> lines = SharedData.lines(LOIRE + site + "_QmnH(n=1_non-glissant).csv");
        double[] q = new double[lines.size() - 1];
        Instant previous = null;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            Instant t = Instant.parse(f[0]);
            if (previous != null) {
                assertEquals(previous.plusSeconds(3600), t, "hourly without gaps");
            }
            previous = t;
            q[i - 1] = Double.parseDouble(f[1].replace("\"", ""));
        }
        return q;
    }

    private static double[] scaled(double[] q, double factor) {
        double[] s = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            s[i] = q[i] * factor;
        }
        return s;
    }

    private static double[] sum(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    /** NSE of the best constant multiple c·U of the upstream discharge (least squares c), no routing. */
    private static double[] bestScaling(double[] upstream, double[] downstream, int from) {
        double num = 0;
        double den = 0;
        for (int t = from; t < upstream.length; t++) {
            num += upstream[t] * downstream[t];
            den += upstream[t] * upstream[t];
        }
        double c = num / den;
        return new double[] {c - 1, Nse.of(downstream, scaled(upstream, c), from)};
    }

    private static double routedNse(double[] upstream, double[] downstream, MuskingumFit fit, int from, int warmUp) {
        double[] inflow = MuskingumRouting.inflow(new double[][] {Arrays.copyOfRange(upstream, from, upstream.length)},
                fit.lateralFraction(), null);
        double[] observed = Arrays.copyOfRange(downstream, from, downstream.length);
        double[] routed = MuskingumRouting.route(fit.parameters(), 1, inflow, 0, observed[0]);
        return Nse.of(observed, routed, warmUp);
    }

    /**
     * Calibrates K, X, f on [calFrom, calTo), validates on [valFrom, valTo) against the unrouted inflow scaled by
     * the least-squares factor of the calibration period.
     *
     * @return K, X, f, calibration NSE, validation NSE, no-routing f, no-routing validation NSE
     */
    private static double[] splitSample(double[] upstream, double[] downstream, int calFrom, int calTo, int valFrom,
                                        int valTo, int warmUp) {
        double[] calUp = Arrays.copyOfRange(upstream, calFrom, calTo);
        double[] calDown = Arrays.copyOfRange(downstream, calFrom, calTo);
        MuskingumFit fit = MuskingumCalibration.calibrate(new double[][] {calUp}, null, calDown, 1,
                MuskingumCalibration.Options.calibratedFraction(1, 0, 5));
        double[] valUp = Arrays.copyOfRange(upstream, valFrom, valTo);
        double[] valDown = Arrays.copyOfRange(downstream, valFrom, valTo);
        double validation = routedNse(valUp, valDown, fit, 0, warmUp);
        double[] scaling = bestScaling(calUp, calDown, warmUp);
        double noRouting = Nse.of(valDown, scaled(valUp, 1 + scaling[0]), warmUp);
        return new double[] {fit.parameters().kHours(), fit.parameters().x(), fit.lateralFraction(), fit.nse(),
                validation, scaling[0], noRouting};
    }

    @Test
    void routingTheCanceUpstreamGaugesToTheOutletBeatsTheUnroutedInflow() {
        Cance cance = Cance.read();
        double[] upstream = sum(cance.upstream1(), cance.upstream2());
        double areaFraction = AREA_OUTLET / AREA_UPSTREAM - 1;
        int warmUp = 24;

        double noRoutingArea = Nse.of(cance.outlet(), scaled(upstream, 1 + areaFraction), warmUp);
        MuskingumFit areaScaled = MuskingumCalibration.calibrate(new double[][] {upstream}, null, cance.outlet(), 1,
                MuskingumCalibration.Options.fixedFraction(1, areaFraction));
        double[] noRoutingBest = bestScaling(upstream, cance.outlet(), warmUp);
        MuskingumFit withFraction = MuskingumCalibration.calibrate(new double[][] {upstream}, null, cance.outlet(), 1,
                MuskingumCalibration.Options.calibratedFraction(1, 0, 5));

        // split sample, both ways around 2014-11-01 (the November half holds the largest flood); f calibrated
        int split = cance.index("2014-11-01T00:00:00Z");
        int n = upstream.length;
        double[][] halves = {splitSample(upstream, cance.outlet(), 0, split, split, n, warmUp),
                splitSample(upstream, cance.outlet(), split, n, 0, split, warmUp)};

        System.out.printf(Locale.ROOT, "Cance V3515010+V3517010 -> V3524010, hourly, %d steps (NSE after 24 h)%n", n);
        System.out.printf(Locale.ROOT, "  area-scaled f=%.3f   no routing NSE %.4f | Muskingum K=%.3f h X=%.3f NSE %.4f"
                + " (%d runs)%n", areaFraction, noRoutingArea, areaScaled.parameters().kHours(),
                areaScaled.parameters().x(), areaScaled.nse(), areaScaled.evaluations());
        System.out.printf(Locale.ROOT, "  f calibrated        no routing NSE %.4f (f=%.3f) | Muskingum K=%.3f h X=%.3f"
                + " f=%.3f NSE %.4f%n", noRoutingBest[1], noRoutingBest[0], withFraction.parameters().kHours(),
                withFraction.parameters().x(), withFraction.lateralFraction(), withFraction.nse());
        String[] names = {"Sep-Oct -> Nov-Jan", "Nov-Jan -> Sep-Oct"};
        for (int i = 0; i < 2; i++) {
            double[] r = halves[i];
            System.out.printf(Locale.ROOT, "  split %s: K=%.3f h X=%.3f f=%.3f calibration NSE %.4f, validation NSE"
                    + " %.4f (no routing, f=%.3f: %.4f)%n", names[i], r[0], r[1], r[2], r[3], r[4], r[5], r[6]);
        }

        assertTrue(areaScaled.nse() > noRoutingArea + 0.015, "routing beats the area-scaled inflow");
        assertTrue(withFraction.nse() > noRoutingBest[1] + 0.015, "routing beats the best-scaled inflow");
        assertTrue(withFraction.nse() > 0.89, "NSE " + withFraction.nse());
        assertTrue(withFraction.parameters().kHours() > 0.5 && withFraction.parameters().kHours() < 6,
                "a travel time of hours over some 20 km: " + withFraction.parameters().kHours());
    }

    @Test
    void routingDigoinToGillySurLoireBeatsTheUnroutedInflow() {
        double[] digoin = hydroPortail("K1180010");
        double[] gilly = hydroPortail("K1440010");
        int warmUp = 24;
        double[] noRouting = bestScaling(digoin, gilly, warmUp);
        MuskingumFit fit = MuskingumCalibration.calibrate(new double[][] {digoin}, null, gilly, 1,
                MuskingumCalibration.Options.calibratedFraction(1, 0, 3));
        System.out.printf(Locale.ROOT, "Loire Digoin K1180010 -> Gilly-sur-Loire K1440010, hourly, %d steps:"
                        + " no routing NSE %.4f (f=%.3f) | Muskingum K=%.3f h X=%.3f f=%.3f NSE %.4f (%d runs)%n",
                digoin.length, noRouting[1], noRouting[0], fit.parameters().kHours(), fit.parameters().x(),
                fit.lateralFraction(), fit.nse(), fit.evaluations());
        assertTrue(fit.nse() > 0.9, "NSE " + fit.nse());
        assertTrue(noRouting[1] < 0.3, "without routing the recession is out of phase: " + noRouting[1]);
        assertTrue(fit.parameters().kHours() > 10 && fit.parameters().kHours() < 40,
                "about a day of travel: " + fit.parameters().kHours());
    }
}
