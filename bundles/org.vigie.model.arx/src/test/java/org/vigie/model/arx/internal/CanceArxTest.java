package org.vigie.model.arx.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.api.IrregularTimeSeries;
import org.vigie.api.Quantity;
import org.vigie.api.spi.ModelRequest;
import org.vigie.api.spi.ModelResult;
import org.vigie.api.spi.ModelState;
import org.vigie.testing.SharedData;

/**
 * The ARX model on the Cance (Ardèche), hourly, shared data read in place: the outlet discharge V3524010 from its
 * own lags, the areal rainfall over the catchment and the discharge of the two upstream gauges V3515010 and
 * V3517010. Fitted by the model itself on 2014-09-15 … 10-31 (the first run's history window), then replayed as in
 * real time every hour over 2014-11-01 … 2015-01-15 from the stored coefficients, with the operational scenario:
 * zero rain and upstream flows held at their last value beyond the issue time. Per-lead NSE against persistence.
 */
class CanceArxTest {

    static final String CANCE = "cance-hourly-rainfall-runoff-smash/Cance_hourly_2014-09-15_2015-01-15.csv";
    static final Duration HOUR = Duration.ofHours(1);
    static final int HORIZON = 24;
    static final int[] REPORTED = {1, 2, 3, 6, 12, 24};

    private final List<Instant> times = new ArrayList<>();
    private double[] rain;
    private double[] outlet;
    private double[] up1;
    private double[] up2;

    private void read() {
        List<String> lines = SharedData.lines(CANCE);
        assertEquals("datetime,P_mm_V3524010,P_mm_V3515010,P_mm_V3517010,Q_m3s_V3524010,Q_m3s_V3515010,"
                + "Q_m3s_V3517010", lines.get(0));
        int n = lines.size() - 1;
        rain = new double[n];
        outlet = new double[n];
        up1 = new double[n];
        up2 = new double[n];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i + 1).split(",", -1);
            times.add(Instant.parse(f[0] + "Z"));
            rain[i] = number(f[1]);
            outlet[i] = number(f[4]);
            up1[i] = number(f[5]);
            up2[i] = number(f[6]);
        }
    }

    private static double number(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    private IrregularTimeSeries series(Quantity q, double[] values, int from, int to) {
        return new IrregularTimeSeries(q, times.subList(from, to), Arrays.copyOfRange(values, from, to));
    }

    private ModelResult run(ArxModel model, Map<String, Double> parameters, int historyFrom, int issue,
                            ModelState state) {
        // as the core gives them: observations up to the issue time, nothing ahead
        return model.run(new ModelRequest(times.get(issue), HOUR, HORIZON, model.descriptor().resolve(parameters),
                state, Map.of(ModelRequest.TARGET, series(Quantity.Q, outlet, historyFrom, issue + 1),
                "x1", series(Quantity.P, rain, historyFrom, issue + 1),
                "x2", series(Quantity.Q, up1, historyFrom, issue + 1),
                "x3", series(Quantity.Q, up2, historyFrom, issue + 1))));
    }

    private static double nse(List<double[]> pairs, int column) {
        double mean = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double error = 0;
        double variance = 0;
        for (double[] p : pairs) {
            error += (p[0] - p[column]) * (p[0] - p[column]);
            variance += (p[0] - mean) * (p[0] - mean);
        }
        return 1 - error / variance;
    }

    @Test
    void beatsPersistenceAtEveryLeadTimeOnTheCance() {
        read();
        ArxModel model = new ArxModel();
        Map<String, Double> parameters = Map.of("na", 2.0, "nb1", 4.0, "nk1", 0.0, "nb2", 2.0, "nk2", 0.0,
                "nb3", 2.0, "nk3", 0.0, "lambda", 0.5);
        int split = times.indexOf(Instant.parse("2014-11-01T00:00:00Z"));

        long started = System.nanoTime();
        ModelState fitted = run(model, parameters, 0, split - 1, null).finalState();
        double[] fit = fitted.variable("fit");
        System.out.printf(Locale.ROOT, "Cance ARX fitted on %d hourly steps to 2014-10-31T23:00Z: coefficients %s,"
                + " one-step residual std %.4f (sqrt space)%n", (int) fit[0],
                Arrays.toString(Arrays.stream(fitted.variable("coefficients")).map(v -> Math.rint(v * 1e4) / 1e4)
                        .toArray()), fit[1]);

        List<List<double[]>> byLead = new ArrayList<>();
        for (int h = 0; h < HORIZON; h++) {
            byLead.add(new ArrayList<>());
        }
        int issues = 0;
        int refused = 0;
        for (int issue = split; issue + HORIZON < times.size(); issue++) {
            ModelResult result;
            try {
                result = run(model, parameters, issue - 48, issue, fitted);
            } catch (IllegalArgumentException e) {
                // the rainfall grid of 2014-12-19T00:00 is missing from the source: those issues cannot run
                assertTrue(e.getMessage().contains("input x1 has no value at 2014-12-19T00:00:00Z"), e.getMessage());
                refused++;
                continue;
            }
            issues++;
            assertEquals(fitted.variable("fittedAt")[0], result.finalState().variable("fittedAt")[0],
                    "stored coefficients are reused");
            double[] f = result.forecast().values();
            for (int h = 1; h <= HORIZON; h++) {
                byLead.get(h - 1).add(new double[] {outlet[issue + h], f[h - 1], outlet[issue]});
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "Cance ARX hindcast 2014-11-01..2015-01-15: %d hourly issues (%d refused: the"
                + " missing rainfall of 2014-12-19T00Z) in %.2f s%n", issues, refused, seconds);
        System.out.println("  lead  NSE ARX  NSE persistence");
        for (int h = 1; h <= HORIZON; h++) {
            double arx = nse(byLead.get(h - 1), 1);
            double persistence = nse(byLead.get(h - 1), 2);
            if (Arrays.binarySearch(REPORTED, h) >= 0) {
                System.out.printf(Locale.ROOT, "  %4d  %7.4f  %7.4f%n", h, arx, persistence);
            }
            assertTrue(arx > persistence, "lead " + h + ": ARX " + arx + " vs persistence " + persistence);
        }
        assertTrue(refused <= 6, "only the issues needing the missing rainfall hour fail: " + refused);
    }
}
