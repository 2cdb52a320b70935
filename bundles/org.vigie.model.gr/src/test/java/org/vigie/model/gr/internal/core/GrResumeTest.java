package org.vigie.model.gr.internal.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Stopping a run and resuming it from its end state changes nothing, bit for bit, for every model. */
class GrResumeTest {

    static java.util.List<org.junit.jupiter.params.provider.Arguments> cases() {
        return GrTestCases.everyModelAndSource();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void aRunSplitInThreeEqualsTheWholeRunBitForBit(GrParameters parameters, GrTestCases.Source source)
            throws IOException {
        Forcings forcing = GrTestCases.forcing(parameters, source);
        GrModel model = parameters.model();
        double[] p = forcing.precipitation();
        double[] e = forcing.evaporation();
        int n = forcing.length();
        int a = n / 3;
        int b = 2 * n / 3 + 17;
        GrState start = model.defaultInitialState(parameters);

        GrRun whole = model.run(parameters, start, p, e, 0, n);
        GrRun first = model.run(parameters, start, p, e, 0, a);
        GrRun second = model.run(parameters, first.endState(), p, e, a, b);
        GrRun third = model.run(parameters, second.endState(), p, e, b, n);

        assertEquals(whole.endState(), third.endState());
        assertEquals(model.outputNames(), java.util.List.copyOf(whole.outputs().keySet()));
        for (String name : model.outputNames()) {
            double[] joined = new double[n];
            System.arraycopy(first.series(name), 0, joined, 0, a);
            System.arraycopy(second.series(name), 0, joined, a, b - a);
            System.arraycopy(third.series(name), 0, joined, b, n - b);
            assertArrayEquals(whole.series(name), joined, name);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void aWarmUpCarriesItsStateIntoTheRunAndOutputsOnlyCoverTheRun(GrParameters parameters,
                                                                    GrTestCases.Source source) throws IOException {
        Forcings forcing = GrTestCases.forcing(parameters, source);
        GrModel model = parameters.model();
        double[] p = forcing.precipitation();
        double[] e = forcing.evaporation();
        int n = forcing.length();
        int runFrom = n / 2;
        GrState start = model.defaultInitialState(parameters);
        GrRun whole = model.run(parameters, start, p, e, 0, n);
        GrRun warmedUp = model.runAfterWarmUp(parameters, start, p, e, 0, runFrom, runFrom, n, GrOutputs.ALL);
        GrRun qsimOnly = model.runAfterWarmUp(parameters, start, p, e, 0, runFrom, runFrom, n,
                GrOutputs.QSIM_ONLY);

        assertEquals(n - runFrom, warmedUp.steps());
        for (String name : model.outputNames()) {
            assertArrayEquals(Arrays.copyOfRange(whole.series(name), runFrom, n), warmedUp.series(name), name);
        }
        assertArrayEquals(warmedUp.qsim(), qsimOnly.qsim());
        assertEquals(java.util.Set.of("Qsim"), qsimOnly.outputs().keySet());
        assertEquals(whole.endState(), qsimOnly.endState());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void theStateSurvivesAirGrsStateVectorLayout(GrParameters parameters, GrTestCases.Source source)
            throws IOException {
        Forcings forcing = GrTestCases.forcing(parameters, source);
        GrModel model = parameters.model();
        int n = forcing.length();
        GrState middle = model.run(parameters, model.defaultInitialState(parameters), forcing.precipitation(),
                forcing.evaporation(), 0, n / 2, GrOutputs.STATE_ONLY).endState();
        double[] vector = middle.toAirGrVector(model);
        assertEquals(7 + 3 * (model.isHourly() ? 480 : 20), vector.length);
        GrState back = GrState.fromAirGrVector(model, vector);
        assertEquals(middle, back);
        assertArrayEquals(
                model.run(parameters, middle, forcing.precipitation(), forcing.evaporation(), n / 2, n).qsim(),
                model.run(parameters, back, forcing.precipitation(), forcing.evaporation(), n / 2, n).qsim());
    }
}
