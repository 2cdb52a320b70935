package org.vigie.hydrology.internal.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Expected values come from an independent exact-rational emulation of x87 rounding (64 then 53 bits). */
class RArithmeticTest {

    @Test
    void meanAccumulatesInLongDoubleLikeR() {
        double[] tenths = {0.1, 0.2, 0.3};
        assertEquals(0.2, RArithmetic.mean(tenths), 0.0);
        assertNotEquals(0.2, (0.1 + 0.2 + 0.3) / 3, "plain double arithmetic is one unit off");
        assertEquals(0.26, RArithmetic.mean(new double[] {0.7, 0.1, 0.1, 0.1, 0.3}), 0.0);
        assertEquals(1.0, RArithmetic.mean(new double[] {1e16, 1.0, -1e16, 3.0}), 0.0);
    }

    @Test
    void rowMeanIsOneLongDoubleSumAndDivision() {
        assertEquals(0.2, RArithmetic.rowMean(0.1, 0.2, 0.3), 0.0);
        assertEquals(2.8226686666666665, RArithmetic.rowMean(2.675, 1.005, 3.3333333333333335, 1e-5, 7.1), 0.0);
    }

    @Test
    void missingValuesPropagateOrAreDropped() {
        assertTrue(Double.isNaN(RArithmetic.mean(new double[] {1, Double.NaN})));
        assertEquals(2.0, RArithmetic.meanIgnoringNaN(new double[] {1, Double.NaN, 3}), 0.0);
    }

    @Test
    void powerFollowsRSpecialCases() {
        assertEquals(0.1 * 0.1, RArithmetic.power(0.1, 2), 0.0);
        assertEquals(1.0, RArithmetic.power(Double.NaN, 0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, RArithmetic.power(0.0, -0.5), 0.0);
        assertEquals(0.0, RArithmetic.power(0.0, 0.25), 0.0);
        assertTrue(Double.isNaN(RArithmetic.power(-1.0, 0.5)));
    }

    @Test
    void extendedDivisionRoundsOnce() {
        X87Extended third = X87Extended.of(1.0).dividedBy(3);
        assertEquals(1.0 / 3, third.toDouble(), 0.0);
        assertEquals(-2.5, X87Extended.of(-7.5).dividedBy(3).toDouble(), 0.0);
        assertEquals(0.0, X87Extended.of(0.1).minus(X87Extended.of(0.1)).toDouble(), 0.0);
    }

    @Test
    void compensatedSumKeepsWhatPlainSummationLoses() {
        CompensatedSum sum = new CompensatedSum();
        sum.add(1e16);
        sum.add(1.0);
        sum.add(-1e16);
        sum.add(3.0);
        assertEquals(4.0, sum.value(), 0.0);
        assertEquals(1.0, sum.dividedBy(4), 0.0);
        assertEquals(0.2, CompensatedSum.mean(new double[] {0.1, 0.2, 0.3}, 0, 3), 0.0);
    }
}
