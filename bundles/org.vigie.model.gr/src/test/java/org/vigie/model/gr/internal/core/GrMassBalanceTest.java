package org.vigie.model.gr.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No reference runs exist for GR5J, GR6J and GR5H, so these check what must hold whatever the parameters: water
 * is conserved, P − AE − Qsim + AExch = change of the water held in stores and hydrographs, step by step and over
 * the whole run; stores that hold water never go negative (GR6J's exponential store may, by design).
 */
class GrMassBalanceTest {

    /** Rounding of a few additions of values up to ~1000 mm: far below a physical leak, far above 1 ulp. */
    private static final double STEP_TOLERANCE_MM = 1e-10;
    private static final double RUN_TOLERANCE_MM = 1e-9;

    static java.util.List<org.junit.jupiter.params.provider.Arguments> cases() {
        return GrTestCases.everyModelAndSource();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void waterIsConservedAndStoresStayNonNegative(GrParameters parameters, GrTestCases.Source source)
            throws IOException {
        Forcings forcing = GrTestCases.forcing(parameters, source);
        GrModel model = parameters.model();
        double[] p = forcing.precipitation();
        double[] e = forcing.evaporation();
        GrState start = model.defaultInitialState(parameters);
        GrState previous = start;
        // step by step, so that the storage before and after each step is known
        BigDecimal inMinusOut = BigDecimal.ZERO;
        double worstStep = 0;
        for (int i = 0; i < forcing.length(); i++) {
            GrRun step = model.run(parameters, previous, p, e, i, i + 1);
            GrState next = step.endState();
            double flux = p[i] - step.series("AE")[0] - step.qsim()[0] + step.series("AExch")[0];
            double change = next.totalStorage() - previous.totalStorage();
            worstStep = Math.max(worstStep, Math.abs(flux - change));
            inMinusOut = inMinusOut.add(new BigDecimal(p[i])).subtract(new BigDecimal(step.series("AE")[0]))
                    .subtract(new BigDecimal(step.qsim()[0])).add(new BigDecimal(step.series("AExch")[0]));
            assertTrue(next.production() >= 0 && next.routing() >= 0 && next.interception() >= -1e-12,
                    () -> "negative store at step " + step + ": " + next);
            previous = next;
        }
        double runImbalance = inMinusOut.subtract(new BigDecimal(previous.totalStorage()))
                .add(new BigDecimal(start.totalStorage())).abs().doubleValue();
        System.out.printf("%s on %s: worst step imbalance %.2e mm, whole-run imbalance %.2e mm over %d steps%n",
                parameters, forcing.name(), worstStep, runImbalance, forcing.length());
        assertTrue(worstStep <= STEP_TOLERANCE_MM, "worst step imbalance " + worstStep + " mm");
        assertTrue(runImbalance <= RUN_TOLERANCE_MM, "whole-run imbalance " + runImbalance + " mm");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.vigie.model.gr.internal.core.GrTestCases#airGrParameterSets")
    void unitHydrographOrdinatesShareOutAllTheirInput(GrParameters parameters) {
        double sum1 = 0;
        for (double o : parameters.ordinatesUh1) {
            assertTrue(o >= 0);
            sum1 += o;
        }
        double sum2 = 0;
        for (double o : parameters.ordinatesUh2) {
            assertTrue(o >= 0);
            sum2 += o;
        }
        assertEquals(parameters.model().uh1Length() == 0 ? 0 : 1, sum1, 1e-15);
        assertEquals(1, sum2, 1e-15);
    }
}
