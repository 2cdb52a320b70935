package org.vigie.model.muskingum.internal.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MuskingumRoutingTest {

    /** A flood wave: 10 m³/s base flow, a triangular 90 m³/s peak at step 20. */
    static double[] wave(int length) {
        double[] q = new double[length];
        for (int t = 0; t < length; t++) {
            q[t] = 10 + Math.max(0, 90 - 9 * Math.abs(t - 20));
        }
        return q;
    }

    @Test
    void keepsASteadyFlowSteady() {
        double[] inflow = new double[50];
        java.util.Arrays.fill(inflow, 42.5);
        for (double k : new double[] {0, 0.3, 2, 30}) {
            for (double x : new double[] {0, 0.25, 0.5}) {
                double[] out = MuskingumRouting.route(new MuskingumParameters(k, x), 1, inflow, 0, 42.5);
                for (double o : out) {
                    assertEquals(42.5, o, 1e-10);
                }
            }
        }
    }

    @Test
    void withKEqualToTheStepAndXOneHalfTranslatesByOneStep() {
        double[] inflow = wave(60);
        double[] out = MuskingumRouting.route(new MuskingumParameters(1, 0.5), 1, inflow, 0, inflow[0]);
        for (int t = 1; t < inflow.length; t++) {
            assertEquals(inflow[t - 1], out[t], 1e-12);
        }
    }

    @Test
    void conservesTheVolumeOfAFloodWaveAndAttenuatesAndDelaysItsPeak() {
        double[] inflow = wave(400);
        double[] out = MuskingumRouting.route(new MuskingumParameters(6, 0.2), 1, inflow, 0, inflow[0]);
        double in = 0;
        double o = 0;
        int peak = 0;
        for (int t = 0; t < inflow.length; t++) {
            in += inflow[t];
            o += out[t];
            peak = out[t] > out[peak] ? t : peak;
        }
        assertEquals(in, o, 1e-6 * in);
        assertTrue(out[peak] < 100 && out[peak] > 50, "attenuated peak " + out[peak]);
        assertTrue(peak > 20 && peak <= 27, "delayed peak at step " + peak);
    }

    @Test
    void subSteppingEqualsRoutingTheInterpolatedInflowOnTheFineGrid() {
        MuskingumParameters reach = new MuskingumParameters(0.25, 0.1); // 2K(1 - X) = 0.45 h -> 3 sub-steps
        assertEquals(3, SubStepping.of(reach, 1).subSteps());
        double[] hourly = wave(48);
        double[] fine = new double[(hourly.length - 1) * 3 + 1];
        for (int i = 0; i < fine.length; i++) {
            int h = i / 3;
            fine[i] = i % 3 == 0 ? hourly[h] : hourly[h] + (hourly[h + 1] - hourly[h]) * (i % 3) / 3.0;
        }
        double[] coarse = MuskingumRouting.route(reach, 1, hourly, 0, hourly[0]);
        double[] reference = MuskingumRouting.route(reach, 1.0 / 3, fine, 0, hourly[0]);
        for (int h = 0; h < hourly.length; h++) {
            assertEquals(reference[3 * h], coarse[h], 1e-9);
        }
    }

    @Test
    void subSteppingRemovesTheOscillationOfAStepLongerThan2KTimes1MinusX() {
        double[] inflow = new double[30];
        java.util.Arrays.fill(inflow, 5, 30, 100); // a sudden rise
        double[] out = MuskingumRouting.route(new MuskingumParameters(0.2, 0), 1, inflow, 0, 0);
        for (int t = 1; t < out.length; t++) {
            assertTrue(out[t] >= out[t - 1] - 1e-12, "monotone response at step " + t);
        }
    }

    @Test
    void startsFromTheGivenIndexAndOutflow() {
        double[] inflow = wave(30);
        double[] whole = MuskingumRouting.route(new MuskingumParameters(3, 0.2), 1, inflow, 0, 10);
        double[] resumed = MuskingumRouting.route(new MuskingumParameters(3, 0.2), 1, inflow, 12, whole[12]);
        assertTrue(Double.isNaN(resumed[11]));
        assertArrayEquals(java.util.Arrays.copyOfRange(whole, 12, 30), java.util.Arrays.copyOfRange(resumed, 12, 30));
    }

    @Test
    void namesAMissingInflow() {
        double[] inflow = wave(30);
        inflow[17] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MuskingumRouting.route(new MuskingumParameters(3, 0.2), 1, inflow, 0, 10));
        assertEquals("inflow is missing at step 17", e.getMessage());
    }

    @Test
    void addsTheLateralInflowToTheScaledUpstreamSum() {
        double[] inflow = MuskingumRouting.inflow(new double[][] {{1, 2}, {3, 4}}, 0.5, new double[] {10, 20});
        assertArrayEquals(new double[] {1.5 * 4 + 10, 1.5 * 6 + 20}, inflow);
    }
}
