package org.vigie.store.h2.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigie.api.spi.ModelState;

class H2ModelStateStoreTest extends StoreFixture {
    private H2ModelStateStore store;

    @BeforeEach
    void createStore() {
        store = new H2ModelStateStore(database);
    }

    @Test
    void variablesReadBackBitForBit() throws Exception {
        double[] stores = {0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.NEGATIVE_INFINITY,
                Double.longBitsToDouble(0x7ff8_0000_0000_0001L), Math.PI, 1e-300};
        double[] unitHydrograph = new double[10_000];
        for (int i = 0; i < unitHydrograph.length; i++) {
            unitHydrograph[i] = Math.sin(i) / (i + 1);
        }
        ModelState state = new ModelState("gr4j", 3, Instant.parse("2024-03-01T06:00:00.5Z"),
                Map.of("stores", stores, "uh1", unitHydrograph, "empty", new double[0], "état é", new double[] {1}));
        store.save("FP1", state);

        reopen();
        ModelState read = new H2ModelStateStore(database).load("FP1", "gr4j").orElseThrow();

        assertEquals("gr4j", read.modelId());
        assertEquals(3, read.formatVersion());
        assertEquals(state.validAt(), read.validAt());
        assertEquals(state.variables().keySet(), read.variables().keySet());
        for (String name : state.variables().keySet()) {
            assertArrayEquals(rawBits(state.variable(name)), rawBits(read.variable(name)), name);
        }
    }

    @Test
    void savingAgainReplacesTheStateOfThatModelOnly() {
        store.save("FP1", new ModelState("gr4j", 1, Instant.parse("2024-03-01T00:00:00Z"), Map.of("s", new double[] {1})));
        store.save("FP1", new ModelState("other", 1, Instant.parse("2024-03-01T00:00:00Z"), Map.of("s", new double[] {7})));
        store.save("FP1", new ModelState("gr4j", 2, Instant.parse("2024-03-02T00:00:00Z"), Map.of("r", new double[] {2, 3})));

        ModelState gr4j = store.load("FP1", "gr4j").orElseThrow();
        assertEquals(2, gr4j.formatVersion());
        assertEquals(Instant.parse("2024-03-02T00:00:00Z"), gr4j.validAt());
        assertEquals(java.util.Set.of("r"), gr4j.variables().keySet());
        assertArrayEquals(new double[] {7}, store.load("FP1", "other").orElseThrow().variable("s"));
        assertTrue(store.load("FP2", "gr4j").isEmpty());
    }

    private static long[] rawBits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }
}
