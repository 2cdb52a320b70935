package org.vigie.calibration.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CmaesCalibrationTest {

    @Test
    void findsTheMinimumOfAShiftedQuadraticFarMoreAccuratelyThanMichel() {
        ParameterSpace gr4j = AirGrModel.GR4J.parameterSpace();
        double[] optimum = {5.83, -0.41, 4.02, -8.37};
        AtomicInteger calls = new AtomicInteger();

        CalibrationResult result = new CmaesCalibration().calibrate(AnalyticProblems.shiftedQuadratic(gr4j, optimum, calls));

        assertArrayEquals(optimum, result.transformedParameters(), 1e-6);
        assertEquals(calls.get(), result.runs());
        assertTrue(result.runs() <= CmaesOptions.defaults().maxEvaluations());
        assertEquals(CmaesCalibration.METHOD, result.method());
    }

    @Test
    void reachesTheBottomOfTheSteepRosenbrockValleyWhereMichelStalls() {
        ParameterSpace gr4j = AirGrModel.GR4J.parameterSpace();
        double[] shift = {4.5, -1.2, 3.0, -9.0};

        CalibrationResult result = new CmaesCalibration().calibrate(AnalyticProblems.shiftedRosenbrock(gr4j, shift, 100));
        CalibrationResult michel = new MichelCalibration().calibrate(AnalyticProblems.shiftedRosenbrock(gr4j, shift, 100));
        assertTrue(result.criterion() > michel.criterion());

        assertEquals(1.0, result.criterion(), 1e-8);
        assertArrayEquals(new double[] {5.5, -0.2, 4.0, -8.0}, result.transformedParameters(), 1e-3);
    }

    @Test
    void sameSeedGivesTheSameCalibrationAndAnotherSeedAnotherPath() {
        ParameterSpace gr5j = AirGrModel.GR5J.parameterSpace();
        double[] shift = {4.0, -1.0, 3.5, -8.8, -2.0};
        CmaesOptions options = CmaesOptions.defaults().withSeed(7).withMaxEvaluations(600);

        CalibrationResult first = new CmaesCalibration(options).calibrate(AnalyticProblems.shiftedRosenbrock(gr5j, shift, 100));
        CalibrationResult second = new CmaesCalibration(options).calibrate(AnalyticProblems.shiftedRosenbrock(gr5j, shift, 100));
        CalibrationResult otherSeed = new CmaesCalibration(options.withSeed(8))
                .calibrate(AnalyticProblems.shiftedRosenbrock(gr5j, shift, 100));

        assertArrayEquals(first.transformedParameters(), second.transformedParameters(), 0.0);
        assertEquals(first.runs(), second.runs());
        assertTrue(first.criterion() != otherSeed.criterion()
                || !java.util.Arrays.equals(first.transformedParameters(), otherSeed.transformedParameters()));
    }

    @Test
    void respectsTheEvaluationBudgetAndThePopulationSize() {
        ParameterSpace gr4j = AirGrModel.GR4J.parameterSpace();
        List<CalibrationProgress> reports = new ArrayList<>();
        CmaesOptions options = CmaesOptions.defaults().withPopulationSize(12).withMaxEvaluations(81 + 120)
                .withScreenStartLevels(true);

        CalibrationResult result = new CmaesCalibration(options).calibrate(
                AnalyticProblems.shiftedRosenbrock(gr4j, new double[] {4.5, -1.2, 3.0, -9.0}, 100), reports::add);

        assertEquals(81 + 120, result.runs());
        assertEquals(10, result.iterations());
        List<CalibrationProgress> generations = reports.stream()
                .filter(p -> p.phase() == CalibrationPhase.EVOLUTION).toList();
        assertEquals(10, generations.size());
        assertEquals(81 + 12, generations.get(0).runs());
        assertEquals(CalibrationPhase.COMPLETED, reports.get(reports.size() - 1).phase());
        assertEquals(11, result.history().size(), "start point and one entry per generation");
    }

    @Test
    void staysInsideTheSearchBoxAndKeepsFixedParameters() {
        ParameterSpace space = AirGrModel.GR4J.parameterSpace()
                .withFixedValues(new double[] {Double.NaN, 0.3, Double.NaN, Double.NaN});
        double[] lowerT = space.lowerBoundsTransformed();
        double[] upperT = space.upperBoundsTransformed();
        List<double[]> evaluated = new ArrayList<>();
        CalibrationProblem problem = new CalibrationProblem(space, CriterionDefinition.minimised("distance", 0), real -> {
            evaluated.add(real.clone());
            double[] t = space.toTransformed(real);
            return Math.abs(t[0] - 20) + Math.abs(t[2] - 4) + Math.abs(t[3] + 8);
        });

        CalibrationResult result = new CmaesCalibration(CmaesOptions.defaults().withScreenStartLevels(false))
                .calibrate(problem);

        for (double[] real : evaluated) {
            assertEquals(0.3, real[1]);
            double[] t = space.toTransformed(real);
            for (int i = 0; i < t.length; i++) {
                assertTrue(t[i] >= lowerT[i] - 1e-12 && t[i] <= upperT[i] + 1e-12, "outside the box: " + t[i]);
            }
        }
        assertEquals(upperT[0], result.transformedParameters()[0], 1e-6);
        assertEquals(4.0, result.transformedParameters()[2], 1e-6);
    }
}
