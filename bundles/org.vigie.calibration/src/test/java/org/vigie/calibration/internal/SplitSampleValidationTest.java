package org.vigie.calibration.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class SplitSampleValidationTest {

    /** A "period" is here the optimum the data of that period would pull the parameters to. */
    private record Period(double[] optimumTransformed) {
    }

    @Test
    void calibratesOnEachPeriodAndScoresTheOtherPeriodsParameters() {
        ParameterSpace gr4j = AirGrModel.GR4J.parameterSpace();
        Period wet = new Period(new double[] {5.6, -0.3, 4.0, -8.4});
        Period dry = new Period(new double[] {5.9, -0.6, 4.0, -8.4});

        SplitSampleValidation.SplitSampleResult<Period> result = new SplitSampleValidation(new MichelCalibration())
                .run(wet, dry, period -> AnalyticProblems.shiftedQuadratic(gr4j, period.optimumTransformed(),
                        new AtomicInteger()));

        assertArrayEquals(wet.optimumTransformed(), result.calibrationOnA().transformedParameters(), 0.02);
        assertArrayEquals(dry.optimumTransformed(), result.calibrationOnB().transformedParameters(), 0.02);
        double gap = Math.hypot(0.3, 0.3);
        assertEquals(gap, result.validationOnB(), 0.03);
        assertEquals(gap, result.validationOnA(), 0.03);
        assertTrue(result.degradationFromAToB() > 0.35 && result.degradationFromBToA() > 0.35);
    }
}
