package org.vigie.forecasting.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrOutputs;
import org.vigie.model.gr.internal.core.GrParameters;
import org.vigie.model.gr.internal.core.GrRun;
import org.vigie.model.gr.internal.core.GrState;

class GrpForecasterTest {

    private static final GrParameters PARAMETERS = SyntheticCatchment.MODEL;
    private static final FlowTransform TRANSFORM = new FlowTransform(0.5, 0.001);
    private final SyntheticCatchment catchment = new SyntheticCatchment(2000, 7);

    /** The model state after {@code steps} steps of the synthetic catchment. */
    private GrState stateAfter(int steps) {
        return GrModel.GR4H.run(PARAMETERS, GrModel.GR4H.defaultInitialState(PARAMETERS), catchment.precipitation,
                catchment.evaporation, 0, steps, GrOutputs.STATE_ONLY).endState();
    }

    @Test
    void resetMakesTheLastStepReproduceTheObservation() {
        GrpForecaster forecaster = GrpForecaster.withoutCorrection(PARAMETERS, ResetPolicy.MATCH_TOTAL, TRANSFORM, 1);
        int step = 900;
        GrState before = stateAfter(step);
        double p = catchment.precipitation[step];
        double e = catchment.evaporation[step];
        GrRun plain = GrModel.GR4H.run(PARAMETERS, before, new double[] {p}, new double[] {e}, 0, 1, GrOutputs.ALL);
        double direct = plain.qsim()[0] - plain.series("QR")[0];
        for (double factor : new double[] {0.5, 1.0, 1.7, 4}) {
            double observed = plain.qsim()[0] * factor;
            Assimilation assimilation = forecaster.assimilate(forecaster.initialState(before), p, e, observed);
            assertEquals(plain.qsim()[0], assimilation.simulated(), 0);
            // the level before the outflow that leaves the reset level releases Qobs − Qd
            double level = RoutingStoreReset.levelForOutflow(observed - direct, PARAMETERS.x(3));
            assertEquals(RoutingStoreReset.remainingLevel(level, PARAMETERS.x(3)),
                    assimilation.state().model().routing(), 1e-12);
            assertEquals(observed, RoutingStoreReset.outflow(level, PARAMETERS.x(3)) + direct, 1e-12);
            assertEquals(TRANSFORM.forward(observed) - TRANSFORM.forward(plain.qsim()[0]), assimilation.error(),
                    1e-15);
            // only the routing store moves
            assertEquals(plain.endState().production(), assimilation.state().model().production(), 0);
            assertArrayEquals(plain.endState().uh1(), assimilation.state().model().uh1(), 0);
            assertArrayEquals(plain.endState().uh2(), assimilation.state().model().uh2(), 0);
        }
        // an observation equal to the simulation leaves the state as it was, to rounding
        Assimilation same = forecaster.assimilate(forecaster.initialState(before), p, e, plain.qsim()[0]);
        assertEquals(plain.endState().routing(), same.state().model().routing(), 1e-11);
    }

    @Test
    void higherObservationRaisesTheWholeForecast() {
        GrpForecaster forecaster = GrpForecaster.withoutCorrection(PARAMETERS, ResetPolicy.MATCH_TOTAL, TRANSFORM, 1);
        int step = 1000;
        GrState before = stateAfter(step);
        double[] futureP = java.util.Arrays.copyOfRange(catchment.precipitation, step + 1, step + 25);
        double[] futureE = java.util.Arrays.copyOfRange(catchment.evaporation, step + 1, step + 25);
        Assimilation low = forecaster.assimilate(forecaster.initialState(before), catchment.precipitation[step],
                catchment.evaporation[step], 0.05);
        Assimilation high = forecaster.assimilate(forecaster.initialState(before), catchment.precipitation[step],
                catchment.evaporation[step], 0.5);
        double[] lowForecast = forecaster.forecast(low.state(), futureP, futureE).corrected();
        double[] highForecast = forecaster.forecast(high.state(), futureP, futureE).corrected();
        for (int k = 0; k < 24; k++) {
            assertTrue(highForecast[k] > lowForecast[k], "lead " + (k + 1));
        }
    }

    @Test
    void isAPureFunctionOfItsInputs() {
        OutputErrorModel errors = OutputErrorModel.decaying(TRANSFORM, new double[] {0.9, -0.2}, 0.8, 24);
        GrpForecaster forecaster = GrpForecaster.withCorrection(PARAMETERS, ResetPolicy.MATCH_TOTAL, errors);
        ForecastState state = new ForecastState(stateAfter(1200), new double[] {0.05, -0.01});
        ForecastState copy = new ForecastState(state.model(), state.recentErrors());
        double[] p = java.util.Arrays.copyOfRange(catchment.precipitation, 1201, 1225);
        double[] e = java.util.Arrays.copyOfRange(catchment.evaporation, 1201, 1225);
        Forecast first = forecaster.forecast(state, p, e);
        Forecast second = forecaster.forecast(state, p, e);
        assertArrayEquals(first.corrected(), second.corrected(), 0);
        assertEquals(copy, state, "the state given is not modified");
        Assimilation a = forecaster.assimilate(state, 1.2, 0.1, 0.3);
        Assimilation b = forecaster.assimilate(state, 1.2, 0.1, 0.3);
        assertEquals(a.state(), b.state());
        assertEquals(copy, state);
        // the latest error goes in front, the oldest falls out
        assertArrayEquals(new double[] {a.error(), 0.05}, a.state().recentErrors(), 0);
    }

    @Test
    void correctionAddsTheDecayingErrorInTransformedSpace() {
        OutputErrorModel errors = OutputErrorModel.decaying(TRANSFORM, new double[] {0.9, -0.2}, 0.8, 24);
        GrpForecaster forecaster = GrpForecaster.withCorrection(PARAMETERS, ResetPolicy.MATCH_TOTAL, errors);
        ForecastState state = new ForecastState(stateAfter(1300), new double[] {0.05, -0.01});
        double[] p = java.util.Arrays.copyOfRange(catchment.precipitation, 1301, 1331);
        double[] e = java.util.Arrays.copyOfRange(catchment.evaporation, 1301, 1331);
        Forecast forecast = forecaster.forecast(state, p, e);
        for (int k = 0; k < 30; k++) {
            double correction = Math.pow(0.8, k) * (0.9 * 0.05 - 0.2 * -0.01);
            assertEquals(TRANSFORM.inverse(TRANSFORM.forward(forecast.model()[k]) + correction),
                    forecast.corrected()[k], 1e-14, "lead " + (k + 1));
        }
        assertTrue(forecast.corrected()[0] > forecast.model()[0]);
    }

    @Test
    void missingObservationOrNoPolicyRunsOnOpenLoop() {
        GrState before = stateAfter(800);
        GrRun plain = GrModel.GR4H.run(PARAMETERS, before, catchment.precipitation, catchment.evaporation, 800, 801,
                GrOutputs.QSIM_ONLY);
        GrpForecaster updating = GrpForecaster.withoutCorrection(PARAMETERS, ResetPolicy.MATCH_TOTAL, TRANSFORM, 2);
        Assimilation missing = updating.assimilate(updating.initialState(before), catchment.precipitation[800],
                catchment.evaporation[800], Double.NaN);
        assertEquals(plain.endState(), missing.state().model());
        assertEquals(0, missing.error());
        GrpForecaster open = GrpForecaster.withoutCorrection(PARAMETERS, ResetPolicy.NONE, TRANSFORM, 2);
        Assimilation none = open.assimilate(open.initialState(before), catchment.precipitation[800],
                catchment.evaporation[800], 3.0);
        assertEquals(plain.endState(), none.state().model());
        assertNotEquals(0, none.error(), "the error is still measured without a reset");
    }

    @Test
    void proportionalPolicyScalesTheRoutingOutflow() {
        GrState before = stateAfter(950);
        double p = catchment.precipitation[950];
        double e = catchment.evaporation[950];
        GrRun plain = GrModel.GR4H.run(PARAMETERS, before, new double[] {p}, new double[] {e}, 0, 1, GrOutputs.ALL);
        double observed = 0.6 * plain.qsim()[0];
        GrpForecaster forecaster = GrpForecaster.withoutCorrection(PARAMETERS, ResetPolicy.PROPORTIONAL, TRANSFORM, 1);
        ForecastState reset = forecaster.assimilate(forecaster.initialState(before), p, e, observed).state();
        double level = RoutingStoreReset.levelForOutflow(0.6 * plain.series("QR")[0], PARAMETERS.x(3));
        assertEquals(RoutingStoreReset.remainingLevel(level, PARAMETERS.x(3)), reset.model().routing(), 1e-12);
    }

    @Test
    void refusesAnErrorModelOfAnotherSpace() {
        OutputErrorModel errors = OutputErrorModel.decaying(new FlowTransform(0, 0.01), new double[] {1}, 0.5, 3);
        assertThrows(IllegalArgumentException.class,
                () -> new GrpForecaster(PARAMETERS, ResetPolicy.MATCH_TOTAL, TRANSFORM, errors, 1));
    }
}
