package org.vigie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingCommandTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int vigie(String... args) {
        return Main.run(List.of(args), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void fitsGaugingsAndWritesACatchmentRatingCurveEntry() throws Exception {
        List<String> lines = new ArrayList<>(List.of("time,H,Q"));
        for (int i = 0; i < 40; i++) {
            double h = 0.3 + 0.05 * i;
            lines.add(String.format(Locale.ROOT, "2024-01-%02dT00:00:00Z,%.3f,%.6f", 1 + i % 28, h,
                    12.0 * Math.pow(h - 0.1, 1.6)));
        }
        Path input = Files.write(work.resolve("gaugings.csv"), lines);
        Path out = work.resolve("curve.json");

        assertEquals(0, vigie("rating", "--input", input.toString(), "--station", "K437311001", "--valid-from",
                "2024-01-01T00:00:00Z", "--segments", "1", "--out", out.toString()), err.toString());

        JsonNode curve = new ObjectMapper().readTree(out.toFile());
        assertEquals("K437311001", curve.get("station").asText());
        assertEquals("2024-01-01T00:00:00Z", curve.get("validFrom").asText());
        JsonNode segment = curve.get("segments").get(0);
        assertEquals(12.0, segment.get("a").asDouble(), 1e-3);
        assertEquals(0.1, segment.get("h0").asDouble(), 1e-4);
        assertEquals(1.6, segment.get("b").asDouble(), 1e-4);
        assertTrue(err.toString().contains("40 gaugings"), err.toString());
    }

    @Test
    void refusesGaugingsThatCannotMakeACurveNamingTheProblem() throws Exception {
        Path input = Files.write(work.resolve("bad.csv"), List.of("H,Q", "0.5,10", "0.6,abc"));
        assertEquals(2, vigie("rating", "--input", input.toString(), "--station", "K1", "--valid-from",
                "2024-01-01T00:00:00Z", "--out", work.resolve("c.json").toString()));
        assertTrue(err.toString().contains("bad.csv line 3"), err.toString());
    }
}
