package org.vigie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {

    @TempDir
    Path work;

    @Test
    void calibratesGr4jToAirGrsOptimumReportingProgress() throws Exception {
        Path input = Path.of("../../../shared/data/airgr-catchments/L0123001_BasinObs.csv");
        assumeTrue(Files.exists(input), "skipped: shared data not found at " + input.toAbsolutePath());
        Path out = work.resolve("params.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(List.of("calibrate", "--model", "GR4J", "--input", input.toString(), "--run-from",
                "1986-01-01", "--run-to", "2012-12-31", "--criterion", "NSE", "--method", "michel", "--out",
                out.toString()), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString());
        List<String> lines = Files.readAllLines(out);
        // airGR's Calibration_Michel on the same case (warm-up 1985, the year before the run): 223.6316; 0.5781516;
        // 97.51439; 2.217718 and NSE 0.797051747443064
        assertEquals(List.of("X1", "X2", "X3", "X4"), lines.subList(1, 5).stream().map(l -> l.split(",")[0]).toList());
        assertEquals(List.of("223.6316", "0.5781516", "97.51439", "2.217718"), lines.subList(1, 5).stream()
                .map(l -> String.format(Locale.ROOT, "%.7g", Double.parseDouble(l.split(",")[1])))
                .map(s -> s.contains(".") ? s.replaceAll("0+$", "") : s).toList());
        assertTrue(lines.get(5).startsWith("# GR4J NSE = 0.79705174744"), lines.get(5));
        assertTrue(err.toString().contains("SCREENING") || err.toString().contains("LOCAL_SEARCH"), err.toString());
    }

    @Test
    void calibratesGrBehindCemaNeigeToAirGrsOptimum() throws Exception {
        Path input = Path.of("../../../shared/data/airgr-catchments/L0123001_BasinObs.csv");
        Path info = Path.of("../../../shared/data/airgr-catchments/L0123001_BasinInfo.txt");
        assumeTrue(Files.exists(input) && Files.exists(info), "skipped: shared data not found");
        Path out = work.resolve("snow-params.csv");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Main.run(List.of("calibrate", "--model", "CemaNeigeGR4J", "--hypsometry", info.toString(),
                "--input", input.toString(), "--run-from", "1986-01-01", "--run-to", "2012-12-31", "--out",
                out.toString()), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8)), err.toString());
        // airGR's scheduled calibration of CemaNeigeGR4J on L0123001 (5 layers, warm-up 1985)
        assertEquals(List.of("204.3839", "0.5781516", "102.5141", "2.217718", "0", "14.90479"),
                Files.readAllLines(out).subList(1, 7).stream()
                        .map(l -> String.format(Locale.ROOT, "%.7g", Double.parseDouble(l.split(",")[1])))
                        .map(v -> v.contains(".") ? v.replaceAll("0+$", "").replaceAll("\\.$", "") : v).toList());
    }

    @Test
    void refusesAnUnknownCriterion() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Main.run(List.of("calibrate", "--model", "GR4J", "--criterion", "R2", "--input", "x.csv"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString().contains("--criterion is one of NSE, KGE, KGE2, RMSE; got 'R2'"), err.toString());
        err.reset();
        assertEquals(2, Main.run(List.of("calibrate", "--model", "GR4J", "--input", "nowhere.csv", "--run-from",
                "1990-01-01", "--run-to", "1990-12-31", "--out", "p.csv"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertTrue(err.toString().contains("input file nowhere.csv not found"), err.toString());
    }
}
