package org.vigie.model.muskingum.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MuskingumCalibrationTest {

    private static double[] storms(int length) {
        double[] q = new double[length];
        for (int t = 0; t < length; t++) {
            q[t] = 20 + 150 * Math.exp(-Math.pow((t % 120 - 40) / 6.0, 2)) + 60 * Math.exp(-Math.pow((t % 120 - 80) / 3.0, 2));
        }
        return q;
    }

    @Test
    void recoversKAndXOfASyntheticReach() {
        double[] upstream = storms(600);
        double[] downstream = MuskingumRouting.route(new MuskingumParameters(7.5, 0.23), 1,
                MuskingumRouting.inflow(new double[][] {upstream}, 0, null), 0, upstream[0]);
        MuskingumFit fit = MuskingumCalibration.calibrate(new double[][] {upstream}, null, downstream, 1,
                MuskingumCalibration.Options.fixedFraction(1, 0));
        assertEquals(7.5, fit.parameters().kHours(), 1e-3);
        assertEquals(0.23, fit.parameters().x(), 1e-3);
        assertEquals(1, fit.nse(), 1e-9);
    }

    @Test
    void recoversTheLateralFractionToo() {
        double[] upstream = storms(600);
        double[] downstream = MuskingumRouting.route(new MuskingumParameters(15, 0.1), 1,
                MuskingumRouting.inflow(new double[][] {upstream}, 0.8, null), 0, 1.8 * upstream[0]);
        MuskingumFit fit = MuskingumCalibration.calibrate(new double[][] {upstream}, null, downstream, 1,
                MuskingumCalibration.Options.calibratedFraction(1, 0, 3));
        assertEquals(15, fit.parameters().kHours(), 1e-2);
        assertEquals(0.1, fit.parameters().x(), 1e-3);
        assertEquals(0.8, fit.lateralFraction(), 1e-4);
    }

    @Test
    void refusesAnIncompleteUpstreamSeries() {
        double[] upstream = storms(100);
        upstream[50] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MuskingumCalibration.calibrate(new double[][] {upstream}, null, storms(100), 1,
                        MuskingumCalibration.Options.fixedFraction(1, 0)));
        assertEquals("upstream discharge is missing at step 50; fill the gap or cut the period", e.getMessage());
    }
}
