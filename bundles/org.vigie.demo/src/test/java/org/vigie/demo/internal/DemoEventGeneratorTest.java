package org.vigie.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DemoEventGeneratorTest {

    private final Instant end = Instant.parse("2026-11-25T10:37:00Z");

    @Test
    void coversEveryHourOfTheEventForEveryStationOnceLabelledSynthetic() {
        Map<String, String> files = DemoEventGenerator.files(end, 6);
        assertEquals(3 * 12, files.size());
        long rows = files.values().stream().mapToLong(c -> c.lines().filter(l -> l.matches("\\d{4}-.*")).count()).sum();
        assertEquals(3L * DemoEventGenerator.HOURS, rows);
        files.values().forEach(c -> assertTrue(c.startsWith("# SYNTHETIC DATA")));
        String lastLoire = files.get("K435001010_demo_2026112505.csv");
        assertTrue(lastLoire.contains("2026-11-25T10:00:00Z,"), lastLoire);
        assertTrue(files.containsKey("K435001010_demo_2026112211.csv"), files.keySet().toString());
    }

    @Test
    void endsWithTheLoireAboveOrangeTheDhuyAboveYellowAndTheLoiretBackToGreenAfterItsYellowPeak() {
        Map<String, Double> last = DemoEventGenerator.finalLevels();
        assertTrue(last.get("K435001010") >= 2.20 && last.get("K435001010") < 4.20, last.toString());
        assertTrue(last.get("K437311001") >= 1.00 && last.get("K437311001") < 1.50, last.toString());
        assertTrue(last.get("K439000101") < 1.20, last.toString());
        assertTrue(DemoEventGenerator.WAVES.get(2).level(40) >= 1.20, "the Loiret reached yellow on the way");
    }

    @Test
    void peaksAtTheConfiguredLevelAndTime() {
        DemoEventGenerator.Wave loire = DemoEventGenerator.WAVES.get(0);
        assertEquals(2.60, loire.level(60), 0.011);
        assertTrue(loire.level(59) < loire.level(60) + 0.02 && loire.level(10) < 1.0);
    }
}
