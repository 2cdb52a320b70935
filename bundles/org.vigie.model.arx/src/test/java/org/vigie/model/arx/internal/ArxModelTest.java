package org.vigie.model.arx.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.api.IrregularTimeSeries;
import org.vigie.api.Quantity;
import org.vigie.api.TimeSeries;
import org.vigie.api.spi.ModelRequest;
import org.vigie.api.spi.ModelResult;
import org.vigie.api.spi.ModelState;

class ArxModelTest {

    private static final Instant T0 = Instant.parse("2024-10-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int HOURS = 600;

    private final ArxModel model = new ArxModel();
    private final double[] rain = new double[HOURS];
    private final double[] upstream = new double[HOURS];
    private final double[] flow = new double[HOURS];

    /** Q(t) = 1 + 0.8 Q(t-1) + 0.5 P(t-1) + 0.3 P(t-2) + 0.1 Qup(t-2), exactly. */
    ArxModelTest() {
        for (int h = 0; h < HOURS; h++) {
            rain[h] = h % 50 < 4 ? 2 + h % 3 : 0;
            upstream[h] = 20 + 5 * Math.sin(h / 9.0);
        }
        flow[0] = flow[1] = 10;
        for (int h = 2; h < HOURS; h++) {
            flow[h] = 1 + 0.8 * flow[h - 1] + 0.5 * rain[h - 1] + 0.3 * rain[h - 2] + 0.1 * upstream[h - 2];
        }
    }

    private static IrregularTimeSeries series(Quantity q, double[] values, int from, int to) {
        List<Instant> times = new ArrayList<>();
        for (int h = from; h < to; h++) {
            times.add(T0.plus(HOUR.multipliedBy(h)));
        }
        return new IrregularTimeSeries(q, times, Arrays.copyOfRange(values, from, to));
    }

    private static final Map<String, Double> ORDERS = Map.of("na", 1.0, "nb1", 2.0, "nk1", 1.0, "nb2", 1.0,
            "nk2", 2.0);

    private ModelResult run(int historyFrom, int issueHour, int horizon, ModelState state, Map<String, Double> params,
                            Map<String, TimeSeries> extra) {
        Map<String, TimeSeries> inputs = new HashMap<>();
        inputs.put(ModelRequest.TARGET, series(Quantity.Q, flow, historyFrom, issueHour + 1));
        inputs.put("x1", series(Quantity.P, rain, historyFrom, issueHour + 1));
        inputs.put("x2", series(Quantity.Q, upstream, historyFrom, issueHour + 1));
        inputs.putAll(extra);
        return model.run(new ModelRequest(T0.plus(HOUR.multipliedBy(issueHour)).plusSeconds(42), HOUR, horizon,
                model.descriptor().resolve(params), state, inputs));
    }

    @Test
    void fitsOnTheHistoryWindowWithoutStoredCoefficientsAndStoresThem() {
        ModelResult result = run(0, 300, 6, null, ORDERS, Map.of());
        ModelState state = result.finalState();
        double[] c = state.variable("coefficients");
        assertArrayEquals(new double[] {1, 0.8, 0.5, 0.3, 0.1}, Arrays.copyOf(c, 5), 1e-8);
        assertEquals(T0.plus(HOUR.multipliedBy(300)), state.validAt());
        assertEquals(T0.plus(HOUR.multipliedBy(300)).getEpochSecond(), state.variable("fittedAt")[0]);
        assertEquals(300 - 2 + 1, state.variable("fit")[0], "rows 2..300");
        // recursion with zero rain and the upstream flow held beyond the issue time
        double[] expected = new double[6];
        double q = flow[300];
        double[] p = Arrays.copyOf(rain, 307);
        Arrays.fill(p, 301, 307, 0);
        double[] u = Arrays.copyOf(upstream, 307);
        Arrays.fill(u, 301, 307, upstream[300]);
        for (int h = 1; h <= 6; h++) {
            q = 1 + 0.8 * q + 0.5 * p[300 + h - 1] + 0.3 * p[300 + h - 2] + 0.1 * u[300 + h - 2];
            expected[h - 1] = q;
        }
        assertArrayEquals(expected, result.forecast().values(), 1e-7);
        assertEquals(T0.plus(HOUR.multipliedBy(301)), result.forecast().start());
        assertEquals(Quantity.Q, result.forecast().quantity());
    }

    @Test
    void reusesStoredCoefficientsAndUsesAStoredRainfallScenario() {
        ModelState fitted = run(0, 300, 6, null, ORDERS, Map.of()).finalState();
        // a short window: too short to fit, enough to forecast from the stored coefficients
        ModelResult result = run(395, 400, 12, fitted, ORDERS, Map.of("x1", series(Quantity.P, rain, 395, 413),
                "x2", series(Quantity.Q, upstream, 395, 413)));
        assertArrayEquals(Arrays.copyOfRange(flow, 401, 413), result.forecast().values(), 1e-6,
                "perfect inputs: the exact process");
        assertEquals(fitted.variable("fittedAt")[0], result.finalState().variable("fittedAt")[0]);
        assertArrayEquals(fitted.variable("coefficients"), result.finalState().variable("coefficients"));
    }

    @Test
    void refitsWhenTheStructureChangesOrTheCoefficientsAreDue() {
        ModelState fitted = run(0, 300, 6, null, ORDERS, Map.of()).finalState();
        Map<String, Double> other = new HashMap<>(ORDERS);
        other.put("na", 2.0);
        ModelState refitted = run(0, 310, 6, fitted, other, Map.of()).finalState();
        assertEquals(T0.plus(HOUR.multipliedBy(310)).getEpochSecond(), refitted.variable("fittedAt")[0]);
        assertEquals(6, refitted.variable("coefficients").length);

        Map<String, Double> weekly = new HashMap<>(ORDERS);
        weekly.put("refitHours", 168.0);
        ModelState kept = run(0, 300 + 167, 6, fitted, weekly, Map.of()).finalState();
        assertEquals(fitted.variable("fittedAt")[0], kept.variable("fittedAt")[0]);
        ModelState due = run(0, 300 + 168, 6, fitted, weekly, Map.of()).finalState();
        assertNotEquals(fitted.variable("fittedAt")[0], due.variable("fittedAt")[0]);
    }

    @Test
    void forecastsInTheBoxCoxSpaceAndReturnsToCubicMetresPerSecond() {
        Map<String, Double> sqrt = new HashMap<>(ORDERS);
        sqrt.put("lambda", 0.5);
        ModelResult result = run(0, 300, 6, null, sqrt, Map.of());
        assertEquals(1, result.finalState().variable("structure")[6], "x2 is a discharge like the target");
        assertEquals(0, result.finalState().variable("structure")[3], "x1 (rain) is not transformed");
        for (double v : result.forecast().values()) {
            assertTrue(v > 5 && v < 60, "plausible " + v);
        }
    }

    @Test
    void explainsWhatIsWrongWithTheRequest() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> run(0, 300, 6, null, Map.of("na", 1.0, "nb3", 2.0), Map.of()));
        assertTrue(missing.getMessage().startsWith("arx: input x1 is given but nb1 = 0"), missing.getMessage());

        IllegalArgumentException slot = assertThrows(IllegalArgumentException.class, () -> model.run(new ModelRequest(
                T0.plus(HOUR.multipliedBy(300)), HOUR, 3, model.descriptor().resolve(ORDERS), null,
                Map.of(ModelRequest.TARGET, series(Quantity.Q, flow, 0, 301), "x1", series(Quantity.P, rain, 0, 301)))));
        assertTrue(slot.getMessage().startsWith("arx: nb2 = 1 but input x2 is missing; given ["), slot.getMessage());

        Map<String, Double> fractional = new HashMap<>(ORDERS);
        fractional.put("na", 1.5);
        IllegalArgumentException whole = assertThrows(IllegalArgumentException.class,
                () -> run(0, 300, 6, null, fractional, Map.of()));
        assertEquals("arx: parameter na must be a whole number of steps, got 1.5", whole.getMessage());

        double[] gappy = rain.clone();
        gappy[299] = Double.NaN;
        ModelState fitted = run(0, 300, 6, null, ORDERS, Map.of()).finalState();
        IllegalArgumentException gap = assertThrows(IllegalArgumentException.class,
                () -> run(0, 300, 6, fitted, ORDERS, Map.of("x1", series(Quantity.P, gappy, 0, 301))));
        assertEquals("arx: input x1 has no value at 2024-10-13T11:00:00Z, which the forecast issued at"
                + " 2024-10-13T12:00:00Z needs", gap.getMessage());

        IllegalArgumentException shortHistory = assertThrows(IllegalArgumentException.class,
                () -> run(290, 300, 6, null, ORDERS, Map.of()));
        assertTrue(shortHistory.getMessage().startsWith("only 9 complete steps to fit 5 coefficients"),
                shortHistory.getMessage());
    }

    @Test
    void describesItself() {
        assertEquals("arx", model.id());
        assertEquals(List.of("x1", "x2", "x3", "x4"), model.descriptor().inputs());
        assertEquals(2.0, model.descriptor().resolve(Map.of()).get("na"));
    }
}
