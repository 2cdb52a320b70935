package org.vigie.forecasting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RoutingStoreResetTest {

    @Test
    void invertsTheRoutingOutflowOverSixOrdersOfMagnitude() {
        for (double x3 : new double[] {20, 90, 300}) {
            for (double outflow = 1e-6; outflow < 50; outflow *= 1.7) {
                double level = RoutingStoreReset.levelForOutflow(outflow, x3);
                assertEquals(outflow, RoutingStoreReset.outflow(level, x3), 1e-12 * Math.max(1, outflow),
                        "X3=" + x3 + ", Qr=" + outflow);
                // what is left is the level minus the outflow, and never reaches X3
                assertEquals(level - outflow, RoutingStoreReset.remainingLevel(level, x3), 1e-9 * level);
                assertTrue(RoutingStoreReset.remainingLevel(level, x3) < x3);
            }
        }
    }

    @Test
    void outflowIsTheOneOfTheGrCores() {
        // GR4H's routing outflow R·(1 − (1 + (R/X3)^4)^−¼) at R = X3: X3·(1 − 2^−¼)
        assertEquals(100 * (1 - Math.pow(2, -0.25)), RoutingStoreReset.outflow(100, 100), 1e-13);
        assertEquals(0, RoutingStoreReset.levelForOutflow(0, 100));
        assertTrue(RoutingStoreReset.levelForOutflow(1, 100) < RoutingStoreReset.levelForOutflow(2, 100));
        assertThrows(IllegalArgumentException.class, () -> RoutingStoreReset.levelForOutflow(-1, 100));
        assertThrows(IllegalArgumentException.class, () -> RoutingStoreReset.levelForOutflow(Double.NaN, 100));
    }
}
