package org.vigie.calibration.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class MichelCalibrationTest {

    private final MichelCalibration michel = new MichelCalibration();

    @Test
    void convergesToTheMinimumOfAShiftedQuadraticInTransformedSpace() {
        ParameterSpace gr4j = AirGrModel.GR4J.parameterSpace();
        double[] optimum = {5.83, -0.41, 4.02, -8.37};
        AtomicInteger calls = new AtomicInteger();

        CalibrationResult result = michel.calibrate(AnalyticProblems.shiftedQuadratic(gr4j, optimum, calls));

        assertArrayEquals(optimum, result.transformedParameters(), 0.02);
        assertArrayEquals(gr4j.toReal(result.transformedParameters()), result.realParameters(), 1e-12);
        assertTrue(result.criterion() < 0.02, "distance " + result.criterion());
        assertEquals(calls.get(), result.runs());
        assertEquals(result.iterations(), result.history().size(), "history holds the start and each iteration");
        assertEquals(MichelCalibration.METHOD, result.method());
    }

    @Test
    void historyNeverGetsWorse() {
        CalibrationResult result = michel.calibrate(AnalyticProblems.shiftedQuadratic(AirGrModel.GR5J.parameterSpace(),
                new double[] {4.1, 1.3, 2.2, -7.0, 3.3}, new AtomicInteger()));

        List<CalibrationStep> history = result.history();
        for (int k = 1; k < history.size(); k++) {
            assertTrue(history.get(k).criterion() <= history.get(k - 1).criterion(), "step " + k);
        }
        assertEquals(result.criterion(), history.get(history.size() - 1).criterion());
    }

    @Test
    void followsAGentlyCurvedRosenbrockValleyToItsBottom() {
        ParameterSpace gr4j = AirGrModel.GR4J.parameterSpace();
        double[] shift = {4.5, -1.2, 3.0, -9.0};

        CalibrationResult result = michel.calibrate(AnalyticProblems.shiftedRosenbrock(gr4j, shift, 1));

        assertTrue(result.criterion() > 0.999, "1-Rosenbrock only reached " + result.criterion());
        assertArrayEquals(new double[] {5.5, -0.2, 4.0, -8.0}, result.transformedParameters(), 0.05);
    }

    @Test
    void stallsInTheSteepClassicRosenbrockValleyAfterLargeProgress() {
        // a known limit of one-parameter-at-a-time moves; CmaesCalibrationTest shows CMA-ES getting through
        ParameterSpace gr4j = AirGrModel.GR4J.parameterSpace();
        double[] shift = {4.5, -1.2, 3.0, -9.0};

        CalibrationResult result = michel.calibrate(AnalyticProblems.shiftedRosenbrock(gr4j, shift, 100));

        double startCriterion = result.history().get(0).criterion();
        assertTrue(result.criterion() - startCriterion > 10, "from " + startCriterion + " to " + result.criterion());
        assertTrue(result.criterion() < 0.9, "unexpectedly reached " + result.criterion());
    }

    @Test
    void flatCriterionKeepsTheFirstGridPointAndHalvesThePaceUntilItStops() {
        ParameterSpace gr4j = AirGrModel.GR4J.parameterSpace();
        CalibrationProblem flat = new CalibrationProblem(gr4j, CriterionDefinition.maximised("NSE", 1), real -> 0.5);

        CalibrationResult result = michel.calibrate(flat);

        // strict improvements only: the first of 81 equal grid points wins; 0.64 / 2^7 < 0.01 after 7 idle iterations
        double[] firstGridPoint = {gr4j.startLevelsReal(0)[0], gr4j.startLevelsReal(1)[0], gr4j.startLevelsReal(2)[0],
            gr4j.startLevelsReal(3)[0]};
        assertArrayEquals(firstGridPoint, result.realParameters(), 1e-12);
        assertEquals(81 + 7 * 8, result.runs());
        assertEquals(8, result.iterations());
        assertEquals(0.5, result.criterion());
    }

    @Test
    void stopsAfterOneHundredIterationsPerParameterWhenEveryRunImproves() {
        AtomicInteger calls = new AtomicInteger();
        CalibrationProblem everImproving = new CalibrationProblem(AirGrModel.GR4J.parameterSpace(),
                CriterionDefinition.maximised("NSE", 1), real -> calls.incrementAndGet());

        CalibrationResult result = michel.calibrate(everImproving);

        // airGR reports NIter = 100·n here although it ran 100·n local iterations after the screening
        assertEquals(400, result.iterations());
        assertEquals(401, result.history().size());
        assertEquals(calls.get(), result.criterion());
        assertTrue(result.summary().startsWith("Michel: X1="), result.summary());
        assertTrue(result.summary().contains("NSE=" + String.format(java.util.Locale.ROOT, "%.6f", result.criterion())));
    }

    @Test
    void stopsExactlyOnTheBoundaryWhenTheOptimumLiesOutsideTheSearchBox() {
        ParameterSpace gr4j = AirGrModel.GR4J.parameterSpace();
        double[] outside = {5.5, -0.5, 3.8, 14.0};

        CalibrationResult result = michel.calibrate(AnalyticProblems.shiftedQuadratic(gr4j, outside, new AtomicInteger()));

        assertEquals(gr4j.upperBoundsTransformed()[3], result.transformedParameters()[3]);
        assertEquals(20.0, result.realParameters()[3], 1e-12);
        assertArrayEquals(new double[] {5.5, -0.5, 3.8}, java.util.Arrays.copyOf(result.transformedParameters(), 3), 0.02);
    }

    @Test
    void fixedParametersAreNeverMoved() {
        ParameterSpace space = AirGrModel.GR4J.parameterSpace()
                .withFixedValues(new double[] {Double.NaN, Double.NaN, 60.0, Double.NaN});
        List<double[]> evaluated = new ArrayList<>();
        CalibrationProblem problem = new CalibrationProblem(space, CriterionDefinition.minimised("distance", 0), real -> {
            evaluated.add(real.clone());
            double[] t = space.toTransformed(real);
            return Math.abs(t[0] - 6) + Math.abs(t[1] + 1) + Math.abs(t[2] - 2) + Math.abs(t[3] + 8);
        });

        CalibrationResult result = michel.calibrate(problem);

        evaluated.forEach(real -> assertEquals(60.0, real[2]));
        assertEquals(60.0, result.realParameters()[2]);
        assertEquals(6.0, result.transformedParameters()[0], 0.02);
        assertEquals(27, evaluated.stream().limit(27).count());
    }

    @Test
    void reportsScreeningThenLocalSearchThenCompletionWithGrowingRunCounts() {
        List<CalibrationProgress> reports = new ArrayList<>();
        CalibrationResult result = michel.calibrate(AnalyticProblems.shiftedQuadratic(AirGrModel.GR4J.parameterSpace(),
                new double[] {5.83, -0.41, 4.02, -8.37}, new AtomicInteger()), reports::add);

        assertEquals(CalibrationPhase.SCREENING, reports.get(0).phase());
        assertEquals(81, reports.stream().filter(p -> p.phase() == CalibrationPhase.SCREENING).count());
        CalibrationProgress last = reports.get(reports.size() - 1);
        assertEquals(CalibrationPhase.COMPLETED, last.phase());
        assertEquals(result.runs(), last.runs());
        assertEquals(result.criterion(), last.bestCriterion());
        for (int k = 1; k < reports.size(); k++) {
            assertTrue(reports.get(k).runs() >= reports.get(k - 1).runs());
            assertTrue(reports.get(k).phase().ordinal() >= reports.get(k - 1).phase().ordinal());
        }
    }

    @Test
    void failedRunsAreSkippedAndAnAllFailedGridIsReported() {
        ParameterSpace gr4j = AirGrModel.GR4J.parameterSpace();
        CalibrationProblem partlyFailing = new CalibrationProblem(gr4j, CriterionDefinition.maximised("NSE", 1),
                real -> real[1] < -1 ? Double.NaN : 1 - Math.abs(real[0] - 300) / 300);
        CalibrationResult result = michel.calibrate(partlyFailing);
        assertTrue(result.realParameters()[1] >= -1);
        assertEquals(300, result.realParameters()[0], 300 * 0.01);

        CalibrationProblem allFailing = new CalibrationProblem(gr4j, CriterionDefinition.maximised("NSE", 1),
                real -> Double.NaN);
        assertThrows(IllegalStateException.class, () -> michel.calibrate(allFailing));
    }
}
