package org.vigie.calibration.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.vigie.model.gr.internal.core.Gr4;

/**
 * airGR's scheduled calibrations (tests/testthat/helper_scheduled_Calibration.R, confirmed by a run of airGR 1.7.6
 * for GR4J): Michel must land on airGR's parameters, CMA-ES at least as high. Skipped without the shared data.
 */
class AirGrReferenceCalibrationTest {

    private static final double AIRGR_GR4J_NSE = 0.797051747443064;

    @Test
    void michelReproducesAirGrsGr4jCalibration() throws IOException {
        CalibrationProblem problem = gr4jProblem(ReferenceCase.daily(BasinObservations.loadOrSkip("L0123001")));

        CalibrationResult result = timed("GR4J", new MichelCalibration(), problem);

        assertArrayEquals(new String[] {"223.6316", "0.5781516", "97.51439", "2.217718"}, printed(result));
        assertEquals(AIRGR_GR4J_NSE, result.criterion(), 1e-9);
    }

    @Test
    void cmaesReachesAtLeastAirGrsGr4jCriterion() throws IOException {
        CalibrationProblem problem = gr4jProblem(ReferenceCase.daily(BasinObservations.loadOrSkip("L0123001")));

        CalibrationResult result = timed("GR4J", new CmaesCalibration(), problem);

        assertTrue(result.criterion() >= AIRGR_GR4J_NSE - 1e-6, "CMA-ES NSE " + result.criterion());
        assertEquals(result.criterion(), problem.objective().evaluate(result.realParameters()),
                "reported criterion is the one of the returned parameters");
    }

    @Test
    void michelReproducesAirGrsGr4hCalibration() throws IOException {
        ReferenceCase hourly = ReferenceCase.hourly(BasinObservations.loadOrSkip("L0123003"));
        CalibrationProblem problem = hourly.nseProblem(AirGrModel.GR4H.parameterSpace(),
                simulator(Gr4.Variant.GR4H, hourly));

        CalibrationResult result = timed("GR4H", new MichelCalibration(), problem);

        assertArrayEquals(new String[] {"711.6766", "-1.158469", "150.5561", "4.686093"}, printed(result));
    }

    @Test
    void cmaesReachesAtLeastMichelsGr4hCriterion() throws IOException {
        ReferenceCase hourly = ReferenceCase.hourly(BasinObservations.loadOrSkip("L0123003"));
        CalibrationProblem problem = hourly.nseProblem(AirGrModel.GR4H.parameterSpace(),
                simulator(Gr4.Variant.GR4H, hourly));
        double michelCriterion = problem.objective().evaluate(new double[] {711.6766, -1.158469, 150.5561, 4.686093});

        CalibrationResult result = timed("GR4H", new CmaesCalibration(), problem);

        assertTrue(result.criterion() >= michelCriterion - 1e-6, "CMA-ES NSE " + result.criterion());
    }

    @Test
    void splitSampleOnTwoDecadesOfL0123001() throws IOException {
        BasinObservations basin = BasinObservations.loadOrSkip("L0123001");
        ReferenceCase first = ReferenceCase.of("1986-1998", basin, basin.indexOf("1985-01-01"),
                basin.indexOf("1985-12-31"), basin.indexOf("1986-01-01"), basin.indexOf("1998-12-31"));
        ReferenceCase second = ReferenceCase.of("1999-2012", basin, basin.indexOf("1998-01-01"),
                basin.indexOf("1998-12-31"), basin.indexOf("1999-01-01"), basin.indexOf("2012-12-31"));

        SplitSampleValidation.SplitSampleResult<ReferenceCase> result = new SplitSampleValidation(
                new MichelCalibration()).run(first, second, this::gr4jProblem);

        System.out.printf(Locale.ROOT, "split sample GR4J L0123001: calibrated %s NSE=%.4f -> validated on %s NSE=%.4f;"
                + " calibrated %s NSE=%.4f -> validated on %s NSE=%.4f%n", first.name(),
                result.calibrationOnA().criterion(), second.name(), result.validationOnB(), second.name(),
                result.calibrationOnB().criterion(), first.name(), result.validationOnA());
        // on each period its own calibration beats the parameters brought from the other period
        assertTrue(result.calibrationOnA().criterion() > result.validationOnA());
        assertTrue(result.calibrationOnB().criterion() > result.validationOnB());
        assertTrue(result.validationOnA() > 0.5 && result.validationOnB() > 0.5, "parameters do not transfer at all");
        assertTrue(Double.isFinite(result.degradationFromAToB()) && Double.isFinite(result.degradationFromBToA()));
    }

    private CalibrationProblem gr4jProblem(ReferenceCase period) {
        return period.nseProblem(AirGrModel.GR4J.parameterSpace(), simulator(Gr4.Variant.GR4J, period));
    }

    private static Function<double[], double[]> simulator(Gr4.Variant variant, ReferenceCase period) {
        return x -> {
            Gr4 model = new Gr4(variant, x[0], x[1], x[2], x[3]);
            return model.run(model.initialState(), period.precipitation(), period.potentialEvaporation(), 0,
                    period.precipitation().length, false).qsim();
        };
    }

    /**
     * Calibrates twice: the first run pays for JIT compilation, the second shows the steady speed; both must agree to
     * the last bit since the procedures are deterministic.
     */
    private static CalibrationResult timed(String model, Calibrator calibrator, CalibrationProblem problem) {
        CalibrationResult cold = calibrator.calibrate(problem);
        CalibrationResult warm = calibrator.calibrate(problem);
        System.out.printf(Locale.ROOT, "%s %s: NSE=%.15f, %d runs, %d iterations, %.3f s (first run in this JVM "
                + "%.3f s)%n    %s%n", model, warm.method(), warm.criterion(), warm.runs(), warm.iterations(),
                warm.elapsed().toNanos() / 1e9, cold.elapsed().toNanos() / 1e9, warm.summary());
        assertArrayEquals(cold.realParameters(), warm.realParameters(), 0.0);
        assertEquals(cold.runs(), warm.runs());
        return warm;
    }

    /** Parameters as R prints them (7 significant digits). */
    private static String[] printed(CalibrationResult result) {
        return Arrays.stream(result.realParameters()).mapToObj(v -> String.format(Locale.ROOT, "%.7g", v))
                .map(AirGrReferenceCalibrationTest::withoutTrailingZeros).toArray(String[]::new);
    }

    private static String withoutTrailingZeros(String number) {
        return number.contains(".") ? number.replaceAll("0+$", "").replaceAll("\\.$", "") : number;
    }
}
