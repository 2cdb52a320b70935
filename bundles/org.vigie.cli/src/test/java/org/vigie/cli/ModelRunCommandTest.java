package org.vigie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRunCommandTest {

    private static final Path DATA = Path.of("../../../shared/data");

    @TempDir
    Path work;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int vigie(String... args) {
        return Main.run(List.of(args), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path shared(String relative) {
        Path file = DATA.resolve(relative);
        assumeTrue(Files.exists(file), "skipped: shared data not found at " + file.toAbsolutePath());
        return file;
    }

    @Test
    void theManPageRunWithAirGrsDefaultWarmUpMatchesAirGrToTheLastPrintedDigit() throws Exception {
        Path input = shared("airgr-catchments/L0123001_BasinObs.csv");
        Path reference = shared("airgr-reference-runs/GR4J_L0123001_1990-1999_warmup1989.csv");
        Path out = work.resolve("outputs.csv");
        Path state = work.resolve("state.csv");
        assertEquals(0, vigie("model", "run", "--model", "GR4J", "--param", "X1=257.238", "--param", "X2=1.012",
                "--param", "X3=88.235", "--param", "X4=2.208", "--input", input.toString(), "--run-from",
                "1990-01-01", "--run-to", "1999-12-31", "--out", out.toString(), "--state-out", state.toString()),
                err.toString());
        assertTrue(err.toString().contains("3652 steps 1990-01-01T00:00:00Z..1999-12-31T00:00:00Z after 365 warm-up"),
                err.toString());
        List<String[]> ours = rows(out);
        List<String[]> theirs = rows(reference);
        assertEquals(theirs.size(), ours.size());
        List<String> ourHeader = List.of(ours.get(0));
        List<String> theirHeader = List.of(theirs.get(0));
        for (String column : List.of("Prod", "Rout", "Q9", "Q1", "AExch", "Qsim")) {
            int o = ourHeader.indexOf(column);
            int t = theirHeader.indexOf(column);
            for (int r = 1; r < ours.size(); r++) {
                assertEquals(theirs.get(r)[0], ours.get(r)[0]);
                double expected = Double.parseDouble(theirs.get(r)[t]);
                assertEquals(expected, Double.parseDouble(ours.get(r)[o]), 5e-10 * Math.abs(expected) + 1e-12,
                        column + " on " + ours.get(r)[0]);
            }
        }
        assertTrue(Files.readString(state).startsWith("index,value\n1,"), "airGR's state vector layout");
    }

    @Test
    void aRunResumedFromItsStateFileContinuesExactly() throws Exception {
        Path input = shared("airgr-catchments/L0123001_BasinObs.csv");
        String[] common = {"model", "run", "--model", "GR4J", "--param", "X1=257.238", "--param", "X2=1.012", "--param", "X3=88.235",
            "--param", "X4=2.208", "--input", input.toString()};
        Path whole = work.resolve("whole.csv");
        Path first = work.resolve("first.csv");
        Path second = work.resolve("second.csv");
        Path state = work.resolve("state.csv");
        assertEquals(0, vigie(concat(common, "--run-from", "1990-01-01", "--run-to", "1991-12-31", "--warmup", "none",
                "--out", whole.toString())), err.toString());
        assertEquals(0, vigie(concat(common, "--run-from", "1990-01-01", "--run-to", "1990-12-31", "--warmup", "none",
                "--out", first.toString(), "--state-out", state.toString())), err.toString());
        assertEquals(0, vigie(concat(common, "--run-from", "1991-01-01", "--run-to", "1991-12-31", "--warmup", "none",
                "--state-in", state.toString(), "--out", second.toString())), err.toString());
        List<String> wholeLines = Files.readAllLines(whole);
        List<String> resumed = new ArrayList<>(Files.readAllLines(first));
        resumed.addAll(Files.readAllLines(second).subList(1, 366));
        assertEquals(wholeLines, resumed);
    }

    @Test
    void runsEveryGrModelWithItsOwnOutputs() throws Exception {
        Path daily = shared("airgr-catchments/L0123001_BasinObs.csv");
        Path hourly = shared("airgr-catchments/L0123003_BasinObs.csv");
        Path gr6j = work.resolve("gr6j.csv");
        assertEquals(0, vigie("model", "run", "--model", "GR6J", "--param", "X1=242.9", "--param", "X2=0.637",
                "--param", "X3=53.8", "--param", "X4=2.428", "--param", "X5=0.21", "--param", "X6=4.4",
                "--input", daily.toString(), "--run-from", "1990-01-01", "--run-to", "1990-12-31", "--out",
                gr6j.toString()), err.toString());
        assertTrue(Files.readAllLines(gr6j).get(0).contains(",QRExp,Exp,"), "GR6J's exponential store series");
        Path gr5h = work.resolve("gr5h.csv");
        assertEquals(0, vigie("model", "run", "--model", "GR5H", "--param", "X1=804.0", "--param", "X2=-0.16",
                "--param", "X3=104.2", "--param", "X4=3.86", "--param", "X5=0.4", "--param", "Imax=2.2",
                "--input", hourly.toString(), "--run-from", "2005-01-01", "--run-to", "2005-01-31", "--out",
                gr5h.toString()), err.toString());
        List<String> lines = Files.readAllLines(gr5h);
        assertTrue(lines.get(0).startsWith("DatesR,PotEvap,Precip,Interc,"), lines.get(0));
        assertEquals(31 * 24 + 1, lines.size());
        assertEquals(2, vigie("model", "run", "--model", "GR5J", "--param", "X1=1", "--param", "X2=1", "--param",
                "X3=1", "--param", "X4=1", "--input", daily.toString()));
        assertTrue(err.toString().contains("GR5J needs --param X5="), err.toString());
    }

    @Test
    void runsGrBehindCemaNeigeOnElevationLayers() throws Exception {
        Path input = shared("airgr-catchments/L0123002_BasinObs.csv");
        Path info = shared("airgr-catchments/L0123002_BasinInfo.txt");
        Path out = work.resolve("snow.csv");
        assertEquals(0, vigie("model", "run", "--model", "CemaNeigeGR4J", "--param", "X1=408.774", "--param",
                "X2=2.646", "--param", "X3=131.264", "--param", "X4=1.174", "--param", "CTG=0.962", "--param",
                "Kf=2.249", "--hypsometry", info.toString(), "--input", input.toString(), "--run-from", "1990-01-01",
                "--run-to", "1990-12-31", "--out", out.toString()), err.toString());
        List<String[]> rows = rows(out);
        List<String> header = List.of(rows.get(0));
        assertTrue(header.contains("Qsim") && header.contains("Layer5.SnowPack"), header.toString());
        int pack = header.indexOf("Layer5.SnowPack");
        assertTrue(Double.parseDouble(rows.get(31)[pack]) > 10, "snow on the highest layer at the end of January");
        Path hysteresis = work.resolve("hyst.csv");
        assertEquals(0, vigie("model", "run", "--model", "CemaNeigeGR4J", "--param", "X1=408.774", "--param",
                "X2=2.646", "--param", "X3=131.264", "--param", "X4=1.174", "--param", "CTG=0.962", "--param",
                "Kf=2.249", "--param", "Gacc=100", "--param", "Prct=0.4", "--hypsometry", info.toString(),
                "--input", input.toString(), "--run-from", "1990-01-01", "--run-to", "1990-12-31", "--out",
                hysteresis.toString()), err.toString());
        List<String[]> hystRows = rows(hysteresis);
        int threshold = List.of(hystRows.get(0)).indexOf("Layer1.Gthreshold");
        assertTrue(Double.isFinite(Double.parseDouble(hystRows.get(100)[threshold])), "hysteresis thresholds kept");
        assertEquals(2, vigie("model", "run", "--model", "CemaNeigeGR4J", "--param", "X1=1", "--param", "X2=1",
                "--param", "X3=1", "--param", "X4=1", "--param", "CTG=0.5", "--param", "Kf=3", "--param", "Gacc=1",
                "--hypsometry", info.toString(), "--input", input.toString()));
        assertTrue(err.toString().contains("needs both --param Gacc"), err.toString());
        assertEquals(2, vigie("model", "run", "--model", "CemaNeigeGR4H", "--param", "X1=1", "--param", "X2=1",
                "--param", "X3=1", "--param", "X4=1", "--param", "CTG=0.5", "--param", "Kf=3", "--hypsometry",
                info.toString(), "--input", input.toString(), "--run-from", "1990-01-01", "--run-to", "1990-12-31",
                "--out", out.toString()));
    }

    @Test
    void aCemaNeigeRunResumedFromItsStateFileContinuesExactly() throws Exception {
        Path input = shared("airgr-catchments/L0123002_BasinObs.csv");
        Path info = shared("airgr-catchments/L0123002_BasinInfo.txt");
        String[] common = {"model", "run", "--model", "CemaNeigeGR6J", "--param", "X1=408.774", "--param", "X2=2.646",
            "--param", "X3=131.264", "--param", "X4=1.174", "--param", "X5=0.962", "--param", "X6=2.249",
            "--param", "CTG=0.962", "--param", "Kf=2.249", "--hypsometry", info.toString(), "--layers", "3",
            "--input", input.toString(), "--warmup", "none"};
        Path whole = work.resolve("whole.csv");
        Path first = work.resolve("first.csv");
        Path second = work.resolve("second.csv");
        Path state = work.resolve("state.csv");
        assertEquals(0, vigie(concat(common, "--run-from", "1990-01-01", "--run-to", "1991-12-31", "--out",
                whole.toString())), err.toString());
        assertEquals(0, vigie(concat(common, "--run-from", "1990-01-01", "--run-to", "1990-12-31", "--out",
                first.toString(), "--state-out", state.toString())), err.toString());
        assertEquals(0, vigie(concat(common, "--run-from", "1991-01-01", "--run-to", "1991-12-31", "--out",
                second.toString(), "--state-in", state.toString())), err.toString());
        assertTrue(Files.readString(state).contains("L3.G,"));
        List<String> resumed = new ArrayList<>(Files.readAllLines(first));
        resumed.addAll(Files.readAllLines(second).subList(1, 366));
        assertEquals(Files.readAllLines(whole), resumed);
    }

    @Test
    void aWrongCommandLineSaysWhatToFix() {
        assertEquals(2, vigie("model", "run", "--model", "GR9Z"));
        assertTrue(err.toString().contains("model 'GR9Z' is not available"), err.toString());
        assertEquals(2, vigie("model", "run", "--model", "GR4J", "--param", "X1=abc"));
        assertTrue(err.toString().contains("X1: 'abc' is not a number"), err.toString());
        assertEquals(2, vigie("model", "run", "--modle", "GR4J"));
        assertTrue(err.toString().contains("unknown option --modle"), err.toString());
        assertEquals(2, vigie("frobnicate"));
        assertTrue(err.toString().contains("usage:"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static List<String[]> rows(Path csv) throws Exception {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }
}
