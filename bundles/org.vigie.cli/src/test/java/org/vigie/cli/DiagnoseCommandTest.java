package org.vigie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnoseCommandTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int vigie(String... args) {
        return Main.run(List.of(args), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void flagsASpikeADuplicateAndAGapAndWritesAReport() throws Exception {
        List<String> lines = new ArrayList<>(List.of("time,value"));
        Instant t0 = Instant.parse("2024-01-01T00:00:00Z");
        for (int h = 0; h < 200; h++) {
            if (h >= 120 && h < 130) {
                continue; // a ten-hour gap
            }
            double q = 10 + 3 * Math.sin(h / 12.0);
            lines.add(t0.plusSeconds(3600L * h) + "," + (h == 60 ? 95.0 : q));
            if (h == 80) {
                lines.add(t0.plusSeconds(3600L * h) + "," + q); // delivered twice
            }
        }
        Path input = work.resolve("series.csv");
        Files.write(input, lines);
        Path out = work.resolve("flags.csv");
        Path report = work.resolve("report.html");
        Path png = work.resolve("plot.png");
        assertEquals(0, vigie("diagnose", "--input", input.toString(), "--quantity", "Q", "--out", out.toString(),
                "--report", report.toString(), "--plot", png.toString()), err.toString());
        assertEquals(960, javax.imageio.ImageIO.read(png.toFile()).getWidth(), "a PNG plot");
        List<String> flags = Files.readAllLines(out);
        assertEquals("time,value,flags", flags.get(0));
        assertTrue(flags.get(61).endsWith(",95.0,SPIKE"), flags.get(61));
        assertTrue(flags.stream().anyMatch(l -> l.startsWith("2024-01-04T08:00:00Z") && l.contains("DUPLICATE")));
        assertTrue(flags.stream().anyMatch(l -> l.startsWith("2024-01-06T10:00:00Z") && l.contains("GAP")),
                "the value after the gap carries GAP");
        assertTrue(flags.get(1).endsWith(","), "a clean value has no flag");
        String html = Files.readString(report);
        assertTrue(html.contains("<svg") && html.contains("class=\"flagged\"") && html.contains("SPIKE"), html);
    }

    @Test
    void refusesABadLineNamingIt() throws Exception {
        Path input = work.resolve("bad.csv");
        Files.write(input, List.of("time,value", "2024-01-01T00:00:00Z,1.0", "yesterday,2.0"));
        assertEquals(2, vigie("diagnose", "--input", input.toString(), "--quantity", "H", "--out",
                work.resolve("f.csv").toString()));
        assertTrue(err.toString().contains("bad.csv line 3"), err.toString());
    }
}
