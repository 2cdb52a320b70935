package org.vigie.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vigie.api.Catchment;

/** Every catchment definition the repository ships — the examples and the template — is one the platform accepts. */
class ShippedCatchmentsTest {

    @ParameterizedTest
    @ValueSource(strings = {"bundles/org.vigie.catchment.orleans", "bundles/org.vigie.catchment.cance",
            "templates/catchment"})
    void theShippedDefinitionParses(String module) throws IOException, CatchmentParser.InvalidCatchmentException {
        Path root = Path.of(System.getProperty("basedir", ".")).resolve("../..").normalize();
        Path file = root.resolve(module).resolve("src/main/resources/catchment.json");
        try (InputStream in = Files.newInputStream(file)) {
            Catchment catchment = CatchmentParser.parse(in, module);
            assertFalse(catchment.stations().isEmpty());
            assertFalse(catchment.forecastPoints().isEmpty());
            assertEquals(catchment.id(), catchment.id().strip());
        }
    }
}
