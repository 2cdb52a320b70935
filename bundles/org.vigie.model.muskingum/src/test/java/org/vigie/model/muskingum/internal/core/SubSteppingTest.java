package org.vigie.model.muskingum.internal.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubSteppingTest {

    @Test
    void keepsOneStepInsideTheMonotoneRange() {
        SubStepping s = SubStepping.of(new MuskingumParameters(2, 0.2), 1);
        assertEquals(1, s.subSteps());
        assertTrue(s.monotone());
        double d = 2 * 2 * 0.8 + 1;
        assertEquals((1 - 0.8) / d, s.c0(), 1e-15);
        assertEquals((1 + 0.8) / d, s.c1(), 1e-15);
        assertEquals((3.2 - 1) / d, s.c2(), 1e-15);
        assertEquals(1, s.c0() + s.c1() + s.c2(), 1e-15, "coefficients conserve a steady flow");
    }

    @Test
    void cutsAStepLongerThan2KTimes1MinusXIntoTheFewestSubSteps() {
        // 2K(1 - X) = 0.4 h: an hourly step needs ceil(1 / 0.4) = 3 sub-steps of 20 minutes
        SubStepping s = SubStepping.of(new MuskingumParameters(0.25, 0.2), 1);
        assertEquals(3, s.subSteps());
        assertTrue(s.c2() >= 0);
        assertTrue(s.monotone());
        // a daily step on a 6 h reach: 2K(1 - X) = 9.6 h, 3 sub-steps of 8 h
        assertEquals(3, SubStepping.of(new MuskingumParameters(6, 0.2), 24).subSteps());
    }

    @Test
    void aStepShorterThan2KXCannotBeFixedBySubSteppingAndStaysStable() {
        SubStepping s = SubStepping.of(new MuskingumParameters(24, 0.3), 1); // 2KX = 14.4 h > 1 h
        assertEquals(1, s.subSteps());
        assertTrue(s.c0() < 0);
        assertFalse(s.monotone());
        assertTrue(Math.abs(s.c2()) < 1, "stable");
    }

    @Test
    void noStoragePassesTheInflowThrough() {
        SubStepping s = SubStepping.of(new MuskingumParameters(0, 0.3), 1);
        assertEquals(new SubStepping(1, 1, 0, 0), s);
    }

    @Test
    void refusesParametersOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new MuskingumParameters(-1, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new MuskingumParameters(2, 0.6));
        assertThrows(IllegalArgumentException.class, () -> new MuskingumParameters(Double.NaN, 0.2));
    }
}
