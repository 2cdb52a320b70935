package org.vigie.hydrology.internal.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Expected values are the 200-bit mpmath results rounded to the nearest double. */
class CorrectlyRoundedMathTest {

    @Test
    void exponential() {
        assertEquals(1.6487212707001282, CorrectlyRoundedMath.exp(0.5), 0.0);
        assertEquals(0.2748581864399669, CorrectlyRoundedMath.exp(-1.2915), 0.0);
        assertEquals(Math.E, CorrectlyRoundedMath.exp(1), 0.0);
        assertEquals(1.0, CorrectlyRoundedMath.exp(0), 0.0);
    }

    @Test
    void sineAndCosine() {
        assertEquals(0.8414709848078965, CorrectlyRoundedMath.sin(1.0), 0.0);
        assertEquals(-0.983301008009845, CorrectlyRoundedMath.sin(-1.3877899), 0.0);
        assertEquals(0.6967067093471654, CorrectlyRoundedMath.cos(0.8), 0.0);
        assertEquals(-0.9942521687048723, CorrectlyRoundedMath.cos(3.0e5), 0.0);
    }

    @Test
    void arcCosine() {
        assertEquals(1.0471975511965979, CorrectlyRoundedMath.acos(0.5), 0.0);
        assertEquals(1.6945688992216137, CorrectlyRoundedMath.acos(-0.123456789), 0.0);
        assertEquals(0.0, CorrectlyRoundedMath.acos(1.0), 0.0);
        assertEquals(Math.PI, CorrectlyRoundedMath.acos(-1.0), 0.0);
    }
}
