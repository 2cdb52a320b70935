package org.vigie.store.h2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.vigie.api.service.ParameterSet;

class H2ParameterStoreTest extends StoreFixture {

    @Test
    void eachSaveIsANewVersionAndTheLatestSurvivesARestart() throws Exception {
        H2ParameterStore store = new H2ParameterStore(database);
        assertTrue(store.latest("dhuy-Q", "gr4h").isEmpty());
        store.save("dhuy-Q", "gr4h", Map.of("X1", 350.0, "X2", -0.5, "X3", 90.0, "X4", 30.0), "catchment default");
        ParameterSet second = store.save("dhuy-Q", "gr4h", Map.of("X1", 722.5688218026246, "X2", -1.0960028047872186,
                "X3", 144.6646246999528, "X4", 5.1209814685254855), "Michel NSE=0.8815565");
        store.save("loire-Q", "gr4h", Map.of("X1", 1.0), "another point");
        assertEquals(2, second.version());

        reopen();
        H2ParameterStore reopened = new H2ParameterStore(database);
        ParameterSet latest = reopened.latest("dhuy-Q", "gr4h").orElseThrow();
        assertEquals(2, latest.version());
        assertEquals(-1.0960028047872186, latest.values().get("X2"));
        assertEquals("Michel NSE=0.8815565", latest.origin());
        assertEquals(List.of(1, 2), reopened.history("dhuy-Q", "gr4h").stream().map(ParameterSet::version).toList());
        assertEquals(1, reopened.latest("loire-Q", "gr4h").orElseThrow().version());
    }

    @Test
    void refusesValuesThatAreNotNumbers() {
        H2ParameterStore store = new H2ParameterStore(database);
        assertThrows(IllegalArgumentException.class, () -> store.save("p", "m", Map.of("X1", Double.NaN), ""));
        assertTrue(store.history("p", "m").isEmpty());
    }
}
