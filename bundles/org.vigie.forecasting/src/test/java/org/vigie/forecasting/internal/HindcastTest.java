package org.vigie.forecasting.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrOutputs;
import org.vigie.model.gr.internal.core.GrParameters;
import org.vigie.model.gr.internal.core.GrState;

class HindcastTest {

    private static final GrParameters PARAMETERS = SyntheticCatchment.MODEL;
    private static final FlowTransform TRANSFORM = new FlowTransform(0.5, 0.001);
    private static final OutputErrorModel ERRORS = OutputErrorModel.decaying(TRANSFORM, new double[] {1.0, -0.2},
            0.8, 12);
    private static final GrpForecaster FORECASTER = GrpForecaster.withCorrection(PARAMETERS, ResetPolicy.MATCH_TOTAL,
            ERRORS);
    private static final GrState START = GrModel.GR4H.defaultInitialState(PARAMETERS);

    private static Map<Integer, IssuedForecast> replay(Hindcast.Inputs inputs, RainfallScenario scenario) {
        Map<Integer, IssuedForecast> issued = new HashMap<>();
        new Hindcast(FORECASTER).run(inputs, START, new Hindcast.Period(0, 200, 1800, 12, scenario),
                f -> issued.put(f.issueIndex(), f), HindcastProgressListener.IGNORE, "test");
        return issued;
    }

    @Test
    void carryingTheStateForwardGivesWhatReplayingTheHistoryGives() {
        SyntheticCatchment catchment = new SyntheticCatchment(2000, 1);
        Map<Integer, IssuedForecast> issued = replay(catchment.inputs(), RainfallScenario.OBSERVED);
        assertEquals(1600, issued.size());
        for (int issue : new int[] {200, 777, 1500, 1799}) {
            // from scratch: assimilate every observation up to the issue step, then forecast
            ForecastState state = FORECASTER.initialState(START);
            for (int i = 0; i <= issue; i++) {
                state = FORECASTER.assimilate(state, catchment.precipitation[i], catchment.evaporation[i],
                        catchment.observed[i]).state();
            }
            double[] p = Arrays.copyOfRange(catchment.precipitation, issue + 1, issue + 13);
            double[] e = Arrays.copyOfRange(catchment.evaporation, issue + 1, issue + 13);
            Forecast fresh = FORECASTER.forecast(state, p, e);
            IssuedForecast replayed = issued.get(issue);
            assertArrayEquals(fresh.corrected(), replayed.forecast().corrected(), 0, "issue " + issue);
            assertArrayEquals(fresh.model(), replayed.forecast().model(), 0);
            assertEquals(catchment.observed[issue], replayed.lastObserved(), 0);
            // without updating and with the observed rain, a forecast is the continuous simulation
            double[] simulation = GrModel.GR4H.run(PARAMETERS, START, catchment.precipitation, catchment.evaporation,
                    0, issue + 13, GrOutputs.QSIM_ONLY).qsim();
            assertArrayEquals(Arrays.copyOfRange(simulation, issue + 1, issue + 13), replayed.openLoop(), 0);
        }
    }

    @Test
    void forecastsUseNoDataAfterTheirIssueTime() {
        SyntheticCatchment catchment = new SyntheticCatchment(2000, 2);
        Map<Integer, IssuedForecast> reference = replay(catchment.inputs(), RainfallScenario.ZERO);
        int cut = 1000;
        double[] p = catchment.precipitation.clone();
        double[] q = catchment.observed.clone();
        for (int i = cut + 1; i < q.length; i++) {
            p[i] = 3 * p[i] + 1;
            q[i] = 2 * q[i] + 5;
        }
        Map<Integer, IssuedForecast> altered = replay(new Hindcast.Inputs(p, catchment.evaporation, q),
                RainfallScenario.ZERO);
        for (int issue = 200; issue <= cut; issue++) {
            assertArrayEquals(reference.get(issue).forecast().corrected(), altered.get(issue).forecast().corrected(),
                    0, "issue " + issue);
        }
        assertTrue(!Arrays.equals(reference.get(cut + 1).forecast().corrected(),
                altered.get(cut + 1).forecast().corrected()), "the next issue sees the new observation");
        // the zero-rain scenario really has no rain: a forecast never rises above the model's own recession
        for (IssuedForecast forecast : reference.values()) {
            assertEquals(12, forecast.leads());
        }
    }

    @Test
    void horizonShrinksAtTheEndOfTheInputsAndProgressReaches100() {
        SyntheticCatchment catchment = new SyntheticCatchment(300, 3);
        List<Integer> percents = new ArrayList<>();
        List<IssuedForecast> issued = new ArrayList<>();
        new Hindcast(FORECASTER).run(catchment.inputs(), START, new Hindcast.Period(0, 250, 300, 24,
                RainfallScenario.OBSERVED), issued::add, (phase, percent) -> percents.add(percent), "test");
        assertEquals(49, issued.size(), "the last step has no future left to forecast");
        assertEquals(1, issued.get(issued.size() - 1).leads());
        assertEquals(24, issued.get(0).leads());
        assertEquals(100, percents.get(percents.size() - 1));
        for (int i = 1; i < percents.size(); i++) {
            assertTrue(percents.get(i) > percents.get(i - 1));
        }
    }

    @Test
    void updatingBeatsPersistenceAndOpenLoopOnASyntheticCatchment() {
        SyntheticCatchment catchment = new SyntheticCatchment(12_000, 4);
        Verification verification = new Verification(catchment.observed, 12, null, 0.1, 0.9, new double[] {0.5},
                FloodEvent.largest(catchment.observed, 2000, 12_000, 3, 24));
        new Hindcast(FORECASTER).run(catchment.inputs(), START, new Hindcast.Period(0, 2000, 12_000, 12,
                RainfallScenario.OBSERVED), verification, HindcastProgressListener.IGNORE, "test");
        VerificationResult result = verification.result();
        assertEquals(9_999, result.issues(), "the last step has no future left to forecast");
        for (LeadScores lead : result.leads()) {
            assertTrue(lead.nse() > lead.nseNoUpdate(), "lead " + lead.lead() + ": " + lead);
        }
        assertTrue(result.lead(1).nse() > result.lead(1).nsePersistence(), result.lead(1).toString());
        assertTrue(Double.isNaN(result.overallCoverage()), "no band without an uncertainty model");
        assertEquals(3, result.events().size());
        assertTrue(result.lead(1).thresholds().get(0).pod() > 0.9);
    }
}
