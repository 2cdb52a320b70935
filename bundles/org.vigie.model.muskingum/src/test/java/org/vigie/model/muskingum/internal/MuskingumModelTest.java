package org.vigie.model.muskingum.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.vigie.model.muskingum.internal.core.MuskingumParameters;
import org.vigie.model.muskingum.internal.core.MuskingumRouting;

class MuskingumModelTest {

    private static final Instant T0 = Instant.parse("2024-12-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Map<String, Double> PARAMETERS = Map.of("K", 6.0, "X", 0.2);

    private final MuskingumModel model = new MuskingumModel();
    private final double[] upstream = new double[200];
    private final double[] downstream = new double[200];

    MuskingumModelTest() {
        for (int h = 0; h < upstream.length; h++) {
            upstream[h] = 50 + 200 * Math.exp(-Math.pow((h - 60) / 8.0, 2));
            downstream[h] = 60 + 150 * Math.exp(-Math.pow((h - 68) / 10.0, 2));
        }
    }

    static IrregularTimeSeries series(Quantity q, double[] values, int from, int to) {
        List<Instant> times = new ArrayList<>();
        for (int h = from; h < to; h++) {
            times.add(T0.plus(HOUR.multipliedBy(h)));
        }
        return new IrregularTimeSeries(q, times, Arrays.copyOfRange(values, from, to));
    }

    private ModelResult run(int issueHour, int horizon, ModelState state, Map<String, Double> parameters,
                            Map<String, TimeSeries> inputs) {
        Map<String, TimeSeries> all = new HashMap<>(inputs);
        all.putIfAbsent(ModelRequest.TARGET, series(Quantity.Q, downstream, 0, issueHour + 1));
        return model.run(new ModelRequest(T0.plus(HOUR.multipliedBy(issueHour)).plusSeconds(17), HOUR, horizon,
                model.descriptor().resolve(parameters), state, all));
    }

    @Test
    void routesFromTheObservedDownstreamDischargeAndHoldsTheLastUpstreamValueBeyondTheIssueTime() {
        ModelResult result = run(100, 12, null, PARAMETERS,
                Map.of("upstream", series(Quantity.Q, upstream, 10, 101)));

        double[] inflow = Arrays.copyOf(Arrays.copyOfRange(upstream, 10, 101), 91 + 12);
        Arrays.fill(inflow, 91, inflow.length, upstream[100]);
        double[] expected = MuskingumRouting.route(new MuskingumParameters(6, 0.2), 1, inflow, 0, downstream[10]);
        assertArrayEquals(Arrays.copyOfRange(expected, 91, 103), result.forecast().values(), 1e-12);
        assertEquals(T0.plus(HOUR.multipliedBy(101)), result.forecast().start(), "steps on whole hours");
        assertEquals(Quantity.Q, result.forecast().quantity());
        ModelState state = result.finalState();
        assertEquals(T0.plus(HOUR.multipliedBy(100)), state.validAt());
        assertEquals(expected[90], state.variable("outflow")[0], 1e-12);
        assertEquals(upstream[100], state.variable("inflow")[0]);
    }

    @Test
    void aRunResumedFromTheSavedStateEqualsAnUninterruptedOne() {
        ModelResult first = run(70, 6, null, PARAMETERS, Map.of("upstream", series(Quantity.Q, upstream, 0, 71)));
        ModelResult resumed = run(130, 24, first.finalState(), PARAMETERS,
                Map.of("upstream", series(Quantity.Q, upstream, 40, 155)));
        double[] expected = MuskingumRouting.route(new MuskingumParameters(6, 0.2), 1, upstream, 0, downstream[0]);
        assertArrayEquals(Arrays.copyOfRange(expected, 131, 155), resumed.forecast().values(), 1e-9,
                "upstream values stored ahead of the issue time are used");
        // a state outside the window of upstream data is ignored: cold start from the observed discharge
        ModelResult cold = run(130, 24, first.finalState(), PARAMETERS,
                Map.of("upstream", series(Quantity.Q, upstream, 80, 155)));
        double[] fromObserved = MuskingumRouting.route(new MuskingumParameters(6, 0.2), 1,
                Arrays.copyOfRange(upstream, 80, 155), 0, downstream[80]);
        assertArrayEquals(Arrays.copyOfRange(fromObserved, 51, 75), cold.forecast().values(), 1e-9);
    }

    @Test
    void sumsTheUpstreamGaugesScalesThemAndAddsTheLateralSeries() {
        double[] second = new double[200];
        double[] lateral = new double[200];
        for (int h = 0; h < 200; h++) {
            second[h] = 0.3 * upstream[h];
            lateral[h] = 5 + h % 7;
        }
        ModelResult result = run(100, 5, null, Map.of("K", 3.0, "X", 0.1, "lateralFraction", 0.5),
                Map.of("upstream", series(Quantity.Q, upstream, 0, 106), "upstream2", series(Quantity.Q, second, 0, 106),
                        "lateral", series(Quantity.Q, lateral, 0, 106)));
        double[] inflow = MuskingumRouting.inflow(new double[][] {Arrays.copyOf(upstream, 106), Arrays.copyOf(second, 106)},
                0.5, Arrays.copyOf(lateral, 106));
        double[] expected = MuskingumRouting.route(new MuskingumParameters(3, 0.1), 1, inflow, 0, downstream[0]);
        assertArrayEquals(Arrays.copyOfRange(expected, 101, 106), result.forecast().values(), 1e-9);
    }

    @Test
    void startsAfterTheLastGapInTheUpstreamData() {
        double[] gappy = upstream.clone();
        gappy[50] = Double.NaN;
        gappy[51] = Double.NaN;
        gappy[52] = Double.NaN;
        gappy[53] = Double.NaN; // four missing hours: not interpolated
        ModelResult result = run(100, 3, null, PARAMETERS, Map.of("upstream", series(Quantity.Q, gappy, 0, 101)));
        double[] expected = MuskingumRouting.route(new MuskingumParameters(6, 0.2), 1, fill(Arrays.copyOfRange(upstream, 54, 101), 50),
                0, downstream[54]);
        assertArrayEquals(Arrays.copyOfRange(expected, 47, 50), result.forecast().values(), 1e-9);
    }

    private static double[] fill(double[] values, int length) {
        double[] out = Arrays.copyOf(values, length);
        Arrays.fill(out, values.length, length, values[values.length - 1]);
        return out;
    }

    @Test
    void interpolatesSubHourlySensorValuesOnTheHourlyGrid() {
        List<Instant> times = new ArrayList<>();
        double[] values = new double[2 * 101];
        for (int i = 0; i < values.length; i++) {
            times.add(T0.plus(Duration.ofMinutes(30 * i + 15)));
            values[i] = 100 + i; // linear in time: the value at h hours interpolates to 99.5 + 2h
        }
        ModelResult result = run(100, 2, null, Map.of("K", 0.0, "X", 0.0),
                Map.of("upstream", new IrregularTimeSeries(Quantity.Q, times, values)));
        // K = 0: the forecast is the inflow, the last one held: at 100 h the value is interpolated to 100 + 199.5
        assertArrayEquals(new double[] {299.5, 299.5}, result.forecast().values(), 1e-12);
    }

    @Test
    void takesTheLatestObservationOfTheLastStepForTheIssueTime() {
        // a sensor reporting at 50 past each hour: nothing after 100:00 to interpolate with yet
        List<Instant> times = new ArrayList<>();
        double[] values = new double[100];
        for (int h = 0; h < 100; h++) {
            times.add(T0.plus(HOUR.multipliedBy(h)).plus(Duration.ofMinutes(50)));
            values[h] = 10 + h;
        }
        ModelResult result = run(100, 1, null, Map.of("K", 0.0, "X", 0.0),
                Map.of("upstream", new IrregularTimeSeries(Quantity.Q, times, values)));
        assertArrayEquals(new double[] {109}, result.forecast().values(), 1e-12, "the value of 99:50");
        assertEquals(109, result.finalState().variable("inflow")[0], 1e-12);
    }

    @Test
    void explainsWhatIsWrongWithTheRequest() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> run(100, 3, null, PARAMETERS, Map.of()));
        assertTrue(missing.getMessage().contains("model input 'upstream' missing"), missing.getMessage());

        IllegalArgumentException level = assertThrows(IllegalArgumentException.class,
                () -> run(100, 3, null, PARAMETERS, Map.of("upstream", series(Quantity.H, upstream, 0, 101))));
        assertEquals("muskingum routes discharge: input 'upstream' is H, expected Q in m3/s", level.getMessage());

        IllegalArgumentException late = assertThrows(IllegalArgumentException.class,
                () -> run(100, 3, null, PARAMETERS, Map.of("upstream", series(Quantity.Q, upstream, 0, 90))));
        assertEquals("muskingum: no upstream discharge at the issue time 2024-12-05T04:00:00Z; every upstream"
                + " input must reach it", late.getMessage());

        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> run(100, 3, null, Map.of("K", 6.0, "X", 0.7), Map.of("upstream", series(Quantity.Q, upstream, 0, 101))));
        assertTrue(range.getMessage().startsWith("parameter X = 0.7 outside [0.0, 0.5]"), range.getMessage());
    }

    @Test
    void describesItself() {
        assertEquals("muskingum", model.id());
        assertEquals(List.of("upstream", "lateral"), model.descriptor().inputs());
        assertEquals(Map.of("K", 12.0, "X", 0.2, "lateralFraction", 0.0), model.descriptor().resolve(Map.of()));
    }
}
