package org.vigie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrOutputs;
import org.vigie.model.gr.internal.core.GrParameters;

class HindcastCommandTest {

    @TempDir
    Path work;

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> line = new ArrayList<>(List.of("hindcast"));
        line.addAll(List.of(args));
        int status = Main.run(line, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** airGR's L0123003 basin file converted to the command's time,P,E,Q format, Q in m³/s (Qls / 1000). */
    private Path l0123003() throws IOException {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path basin = module.resolve("../../../shared/data/airgr-catchments/L0123003_BasinObs.csv").normalize();
        assumeTrue(Files.isReadable(basin), () -> "shared reference data not found at " + basin
                + " (expected <X>/shared/data beside the repository <X>/main); test skipped");
        List<String> lines = Files.readAllLines(basin);
        List<String> header = List.of(lines.get(0).split(",", -1));
        int p = header.indexOf("P");
        int e = header.indexOf("E");
        int qls = header.indexOf("Qls");
        StringBuilder csv = new StringBuilder("time,P,E,Q\n");
        for (String row : lines.subList(1, lines.size())) {
            String[] cells = row.split(",", -1);
            csv.append(cells[0]).append(',').append(cells[p]).append(',').append(cells[e]).append(',')
                    .append(cells[qls].isEmpty() ? "" : Double.toString(Double.parseDouble(cells[qls]) / 1000))
                    .append('\n');
        }
        Path input = work.resolve("L0123003.csv");
        Files.writeString(input, csv);
        return input;
    }

    @Test
    void meetsTheTargetsOnL0123003() throws Exception {
        Path input = l0123003();
        Path metrics = work.resolve("metrics.csv");
        Path report = work.resolve("report.html");
        long start = System.nanoTime();
        Outcome outcome = run("--input", input.toString(), "--model", "GR4H", "--calibrate-from", "2004-01-01",
                "--calibrate-to", "2006-12-31", "--from", "2007-01-01", "--to", "2008-12-31", "--leads", "1-24",
                "--area", "920", "--thresholds", "100,200", "--out", metrics.toString(), "--report",
                report.toString());
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(0, outcome.status(), outcome.err());
        List<String> rows = Files.readAllLines(metrics);
        System.out.println(String.join("\n", rows));
        System.out.print(outcome.err().lines().filter(l -> !l.contains(" %")).map(l -> l + "\n")
                .reduce("", String::concat));
        System.out.printf(Locale.ROOT, "hindcast command wall time in the test JVM: %.2f s%n", wall.toNanos() / 1e9);
        List<String> header = List.of(rows.get(0).split(","));
        assertTrue(header.containsAll(List.of("lead", "nse", "kge", "bias", "coverage_10_90", "nse_persistence",
                "nse_no_update", "pod_100", "far_200", "csi_200")), header.toString());
        assertEquals(25, rows.size());
        double inside = 0;
        double pairs = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",");
            double nse = Double.parseDouble(cells[header.indexOf("nse")]);
            assertTrue(nse > Double.parseDouble(cells[header.indexOf("nse_persistence")]), row);
            assertTrue(nse > Double.parseDouble(cells[header.indexOf("nse_no_update")]), row);
            double n = Double.parseDouble(cells[header.indexOf("pairs")]);
            inside += n * Double.parseDouble(cells[header.indexOf("coverage_10_90")]);
            pairs += n;
        }
        assertTrue(inside / pairs >= 0.75 && inside / pairs <= 0.85, "coverage " + inside / pairs);
        assertTrue(wall.compareTo(Duration.ofMinutes(1)) < 0, wall.toString());
        assertTrue(outcome.err().contains("hindcast     100 %"), outcome.err());
        assertTrue(outcome.err().contains("above persistence at 24/24 leads, above no update at 24/24"),
                outcome.err());
        String html = Files.readString(report);
        assertTrue(html.contains("<svg") && html.contains("Largest events"), "report with plots");
    }

    /** Two synthetic hourly years: GR4H of known parameters, Q in mm/h with a little noise. */
    private Path synthetic(int hours) throws IOException {
        GrParameters parameters = GrModel.GR4H.parameters(320, -0.4, 110, 7);
        Random random = new Random(17);
        double[] p = new double[hours];
        double[] e = new double[hours];
        int storm = 0;
        for (int i = 0; i < hours; i++) {
            e[i] = Math.max(0, 0.2 * Math.sin(Math.PI * ((i % 24) - 6) / 12));
            if (storm == 0 && random.nextDouble() < 0.01) {
                storm = 5 + random.nextInt(20);
            }
            if (storm > 0) {
                p[i] = 3 * random.nextDouble();
                storm--;
            }
        }
        double[] q = GrModel.GR4H.run(parameters, GrModel.GR4H.defaultInitialState(parameters), p, e, 0, hours,
                GrOutputs.QSIM_ONLY).qsim();
        StringBuilder csv = new StringBuilder("time,P,E,Q,Qup\n");
        Instant t = Instant.parse("2010-01-01T00:00:00Z");
        for (int i = 0; i < hours; i++) {
            csv.append(t.plusSeconds(3600L * i)).append(',').append(p[i]).append(',').append(e[i]).append(',')
                    .append(i % 500 == 7 ? "" : Double.toString(q[i] * (1 + 0.03 * random.nextGaussian())))
                    .append(",1.5\n");
        }
        Path input = work.resolve("synthetic.csv");
        Files.writeString(input, csv);
        Files.writeString(work.resolve("params.csv"), "parameter,value\nX1,300\nX2,-0.3\nX3,100\nX4,6\n");
        return input;
    }

    @Test
    void writesChosenLeadsMarkdownReportAndForecastArchive() throws Exception {
        Path input = synthetic(2 * 8760);
        Path metrics = work.resolve("m.csv");
        Path report = work.resolve("r.md");
        Path archive = work.resolve("all.csv");
        Outcome outcome = run("--input", input.toString(), "--model", "gr4h", "--params",
                work.resolve("params.csv").toString(), "--calibrate-from", "2010-01-01", "--calibrate-to",
                "2010-12-31", "--from", "2011-06-01", "--to", "2011-06-30", "--leads", "6-12", "--upstream", "Qup",
                "--thresholds", "0.4", "--out", metrics.toString(), "--report", report.toString(), "--forecasts",
                archive.toString(), "--scenario", "zero");
        assertEquals(0, outcome.status(), outcome.err());
        List<String> rows = Files.readAllLines(metrics);
        assertEquals(8, rows.size(), "leads 6 to 12");
        assertTrue(rows.get(1).startsWith("6,") && rows.get(7).startsWith("12,"), rows.toString());
        assertTrue(outcome.err().contains("Qup read and ignored"), outcome.err());
        assertTrue(Files.readString(report).contains("![skill](r_files/skill.png)"));
        assertTrue(Files.size(work.resolve("r_files/event-1.png")) > 1000);
        List<String> forecasts = Files.readAllLines(archive);
        assertEquals("issue_time,lead,time,forecast,q10,q50,q90,no_update,model,observed,p_exceed_0.4",
                forecasts.get(0));
        assertEquals(1 + 30 * 24 * 12, forecasts.size(), "every hour of June, 12 leads each");
        assertFalse(outcome.err().contains("Michel"), "given parameters are not calibrated: " + outcome.err());
    }

    @Test
    void reportsBadInputWithItsLineNumber() throws Exception {
        String header = "time,P,E,Q\n";
        String good = "2010-01-01T00:00:00Z,0,0,1\n2010-01-01T01:00:00Z,0,0,1\n";
        assertError(header + good + "2010-01-01T03:00:00Z,0,0,1\n", "line 4: time 2010-01-01T03:00:00Z comes PT2H "
                + "after 2010-01-01T01:00:00Z");
        assertError(header + good + "2010-01-01T02:00:00Z,abc,0,1\n", "line 4, column P: 'abc' is not a number");
        assertError(header + good + "2010-01-01T02:00:00Z,0,-1,1\n", "line 4, column E: -1 is not a valid");
        assertError(header + good + "2010-01-01T02:00:00Z,0,0\n", "line 4: 3 cells, the header has 4");
        assertError(header + "yesterday,0,0,1\n", "line 2: cannot read the time 'yesterday'");
        assertError("date,P,E,Q\n" + good, "line 1: the first column must be 'time'");
        assertError("time,P,Q\n", "line 1: no column E");
        StringBuilder gap = new StringBuilder(header);
        Instant t = Instant.parse("2010-01-01T00:00:00Z");
        for (int i = 0; i < 2000; i++) {
            gap.append(t.plusSeconds(3600L * i)).append(',').append(i == 1000 ? "" : "0.1").append(",0.1,0.2\n");
        }
        assertError(gap.toString(), "line 1002: P is missing at 2010-02-11T16:00:00Z; GR needs gap-free P and E");
        // a gap after the last forecast step does not matter; a constant Q cannot be calibrated on: exit 1
        Files.writeString(work.resolve("flat.csv"), gap.toString().replace(",,0.1,0.2", ",0.1,0.1,0.2")
                .replace("2010-03-04T12:00:00Z,0.1", "2010-03-04T12:00:00Z,"));
        Outcome flat = run("--input", work.resolve("flat.csv").toString(), "--model", "GR4H", "--calibrate-from",
                "2010-01-01", "--calibrate-to", "2010-01-31", "--from", "2010-02-01", "--to", "2010-02-28",
                "--leads", "1-24", "--out", work.resolve("m.csv").toString());
        assertEquals(1, flat.status(), flat.err());
        assertTrue(flat.err().contains("no parameter set of the screening grid gave a computable NSE"), flat.err());
    }

    private void assertError(String content, String expected) throws IOException {
        Path input = work.resolve("bad.csv");
        Files.writeString(input, content);
        Outcome outcome = run("--input", input.toString(), "--model", "GR4H", "--calibrate-from", "2010-01-01",
                "--calibrate-to", "2010-01-31", "--from", "2010-02-01", "--to", "2010-02-28", "--leads", "1-24",
                "--out", work.resolve("m.csv").toString());
        assertEquals(2, outcome.status(), outcome.err());
        assertTrue(outcome.err().contains(expected), "expected '" + expected + "' in: " + outcome.err());
    }

    @Test
    void refusesBadOptions() {
        Outcome leads = run("--input", "x.csv", "--model", "GR4H", "--calibrate-from", "2010-01-01",
                "--calibrate-to", "2010-12-31", "--from", "2011-01-01", "--to", "2011-12-31", "--leads", "0-24",
                "--out", "m.csv");
        assertEquals(2, leads.status());
        assertTrue(leads.err().contains("--leads expects A-B"), leads.err());
        Outcome unknown = run("--input", "x.csv", "--model", "GR4H", "--lead", "24");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("unknown option --lead"), unknown.err());
        Outcome snow = run("--input", "x.csv", "--model", "CemaNeigeGR4J", "--leads", "1-3", "--out", "m.csv");
        assertTrue(snow.err().contains("without snow module"), snow.err());
        Outcome missing = run("--input", "nowhere.csv", "--model", "GR4H", "--calibrate-from", "2010-01-01",
                "--calibrate-to", "2010-12-31", "--from", "2011-01-01", "--to", "2011-12-31", "--leads", "24",
                "--out", "m.csv");
        assertTrue(missing.err().contains("input file nowhere.csv not found"), missing.err());
        assertTrue(Main.USAGE.contains("bin/vigie hindcast --input data.csv --model GR4H"));
    }
}
