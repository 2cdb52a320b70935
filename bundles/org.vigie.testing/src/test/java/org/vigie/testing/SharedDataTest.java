package org.vigie.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class SharedDataTest {

    @Test
    void aMissingFileSkipsTheTestNamingThePath() {
        Path expected = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .resolve("../../../shared/data/no-such-folder/no-such-file.csv").normalize();
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> SharedData.file("no-such-folder/no-such-file.csv"));
        assertTrue(skipped.getMessage().contains("shared reference data not found at " + expected),
                skipped.getMessage());
        assertThrows(TestAbortedException.class, () -> SharedData.lines("no-such-folder/no-such-file.csv"));
    }

    @Test
    void anAvailableFileIsFoundBesideTheRepository() {
        Path readme = SharedData.file("README.md");
        assertEquals("README.md", readme.getFileName().toString());
        assertTrue(readme.endsWith(Path.of("shared", "data", "README.md")), readme::toString);
        assertFalse(SharedData.lines("README.md").isEmpty());
    }
}
