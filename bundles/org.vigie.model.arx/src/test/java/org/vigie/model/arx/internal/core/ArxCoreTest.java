package org.vigie.model.arx.internal.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ArxCoreTest {

    /** y(t) = 0.5 + 1.2 y(t-1) - 0.3 y(t-2) + 0.8 x(t-1) + 0.4 x(t-2) + 0.1 u(t) (+ noise). */
    private static final double[] TRUE = {0.5, 1.2, -0.3, 0.8, 0.4, 0.1};
    private static final ArxOrders ORDERS = new ArxOrders(2, new int[] {2, 1}, new int[] {1, 0});

    private static double[][] simulate(int length, double noise, long seed) {
        Random random = new Random(seed);
        double[] x = new double[length];
        double[] u = new double[length];
        double[] y = new double[length];
        for (int t = 0; t < length; t++) {
            x[t] = random.nextDouble() < 0.1 ? 10 * random.nextDouble() : 0;
            u[t] = 5 + Math.sin(t / 7.0);
        }
        for (int t = 2; t < length; t++) {
            y[t] = TRUE[0] + TRUE[1] * y[t - 1] + TRUE[2] * y[t - 2] + TRUE[3] * x[t - 1] + TRUE[4] * x[t - 2]
                    + TRUE[5] * u[t] + noise * random.nextGaussian();
        }
        return new double[][] {y, x, u};
    }

    @Test
    void recoversTheCoefficientsOfANoiseFreeArxProcess() {
        double[][] s = simulate(500, 0, 1);
        ArxCoefficients fit = ArxFit.fit(ORDERS, s[0], new double[][] {s[1], s[2]}, 0, 500);
        assertArrayEquals(TRUE, fit.values(), 1e-9);
        assertEquals(498, fit.rows());
        assertEquals(0, fit.residualStd(), 1e-9);
    }

    @Test
    void estimatesTheCoefficientsOfANoisyProcessAndSkipsIncompleteRows() {
        double[][] s = simulate(5000, 0.2, 2);
        s[0][100] = Double.NaN; // rows 100, 101 and 102 need it
        s[1][200] = Double.NaN; // rows 201 and 202
        ArxCoefficients fit = ArxFit.fit(ORDERS, s[0], new double[][] {s[1], s[2]}, 0, 5000);
        assertEquals(4998 - 5, fit.rows());
        for (int i = 0; i < TRUE.length; i++) {
            assertEquals(TRUE[i], fit.values()[i], 0.05 + 0.02 * Math.abs(TRUE[i]), "coefficient " + i);
        }
        assertEquals(0.2, fit.residualStd(), 0.01);
    }

    @Test
    void aRegressorThatNeverVariesGetsCoefficientZero() {
        double[][] s = simulate(300, 0, 3);
        double[] dry = new double[300];
        ArxOrders orders = new ArxOrders(2, new int[] {2, 1, 3}, new int[] {1, 0, 1});
        ArxCoefficients fit = ArxFit.fit(orders, s[0], new double[][] {s[1], s[2], dry}, 0, 300);
        assertArrayEquals(new double[] {0.5, 1.2, -0.3, 0.8, 0.4, 0.1, 0, 0, 0}, fit.values(), 1e-9);
    }

    @Test
    void forecastsRecursivelyFeedingBackItsOwnForecasts() {
        double[][] s = simulate(200, 0, 4);
        ArxCoefficients c = new ArxCoefficients(ORDERS, TRUE, 0, 0);
        double[] y = java.util.Arrays.copyOf(s[0], 151); // observed up to step 150
        double[] forecast = ArxPredictor.forecast(c, y, new double[][] {s[1], s[2]}, 150, 20);
        assertArrayEquals(java.util.Arrays.copyOfRange(s[0], 151, 171), forecast, 1e-9,
                "the exact model with the true inputs reproduces the process");
    }

    @Test
    void namesTheMissingValueAForecastNeeds() {
        double[][] s = simulate(200, 0, 5);
        ArxCoefficients c = new ArxCoefficients(ORDERS, TRUE, 0, 0);
        s[0][149] = Double.NaN;
        ArxPredictor.MissingValue e = assertThrows(ArxPredictor.MissingValue.class,
                () -> ArxPredictor.forecast(c, s[0], new double[][] {s[1], s[2]}, 150, 5));
        assertEquals("target", e.series());
        assertEquals(149, e.step());
        double[][] t = simulate(200, 0, 5);
        ArxPredictor.MissingValue beyond = assertThrows(ArxPredictor.MissingValue.class,
                () -> ArxPredictor.forecast(c, t[0], new double[][] {t[1], java.util.Arrays.copyOf(t[2], 152)}, 150, 5));
        assertEquals("x2", beyond.series());
        assertEquals(152, beyond.step());
    }

    @Test
    void refusesTooShortAHistory() {
        double[][] s = simulate(20, 0, 6);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArxFit.fit(ORDERS, s[0], new double[][] {s[1], s[2]}, 0, 12));
        assertEquals("only 10 complete steps to fit 6 coefficients (at least 12 needed); lengthen the history or"
                + " lower the orders", e.getMessage());
    }

    @Test
    void checksOrders() {
        assertThrows(IllegalArgumentException.class, () -> new ArxOrders(0, new int[] {0}, new int[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new ArxOrders(49, new int[] {0}, new int[] {1}));
        assertEquals(5, new ArxOrders(2, new int[] {3, 0}, new int[] {3, 40}).maxLag(), "unused inputs do not count");
        assertEquals(1 + 2 + 3, new ArxOrders(2, new int[] {3, 0}, new int[] {3, 40}).coefficientCount());
    }

    @Test
    void boxCoxRoundTripsAndLeavesValuesAloneAtLambdaOne() {
        for (double lambda : new double[] {0, 0.3, 0.5, 1}) {
            BoxCox b = new BoxCox(lambda);
            for (double y : new double[] {0.01, 1, 3.7, 250}) {
                assertEquals(y, b.invert(b.apply(y)), 1e-12 * y);
            }
        }
        assertEquals(-2.5, BoxCox.IDENTITY.apply(-2.5));
        assertEquals(2 * (Math.sqrt(9) - 1), new BoxCox(0.5).apply(9), 1e-15);
        assertEquals(0, new BoxCox(0.5).invert(-5), "below the range maps to 0");
        assertThrows(IllegalArgumentException.class, () -> new BoxCox(0).apply(0));
        assertTrue(Double.isNaN(new BoxCox(0.5).apply(Double.NaN)));
    }
}
