package org.vigie.model.external.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigie.api.IrregularTimeSeries;
import org.vigie.api.Quantity;
import org.vigie.api.spi.ModelRequest;
import org.vigie.api.spi.ModelResult;
import org.vigie.api.spi.ModelState;

/**
 * The adapter against small POSIX sh + awk programs written by the test (no R, no Python needed).
 */
class ExternalModelTest {

    private static final Instant T0 = Instant.parse("2024-12-11T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    /** Forecast = last target value × gain, with a ±10 % band; counts its runs in its state; copies its inputs. */
    static final String GOOD = """
            #!/bin/sh
            run="$1"
            [ "$VIGIE_RUN_DIR" = "$run" ] || { echo "VIGIE_RUN_DIR is not the last argument" >&2; exit 9; }
            [ "$MODEL_GREETING" = "bonjour" ] || { echo "configured environment missing" >&2; exit 8; }
            cp "$run/request.properties" "$run/inputs.csv" "$run/parameters.csv" "$run/leads.csv" "$SPY/"
            [ -f "$run/state.csv" ] && cp "$run/state.csv" "$SPY/state-in.csv"
            gain=$(awk -F, '$1 == "gain" { print $2 }' "$run/parameters.csv")
            last=$(awk -F, 'NR > 1 && $2 != "" { v = $2 } END { print v }' "$run/inputs.csv")
            runs=0
            [ -f "$run/state.csv" ] && runs=$(awk -F, '$1 == "runs" { print $2 + 0 }' "$run/state.csv")
            awk -F, -v g="$gain" -v q="$last" 'NR == 1 { print "time,value,q10,q50,q90"; next }
                { v = q * g; printf "%s,%.6f,%.6f,%.6f,%.6f\\n", $2, v, 0.9 * v, v, 1.1 * v }' \\
                "$run/leads.csv" > "$VIGIE_OUT_DIR/forecast.csv"
            printf 'name,values\\nruns,%s\\nlast,%s,%s\\n' $((runs + 1)) "$last" "$gain" > "$run/out/state.csv"
            echo "model.sh: all good" >&2
            """;

    @TempDir
    Path dir;

    private Path work() throws IOException {
        return Files.createDirectories(dir.resolve("work"));
    }

    private Path temporary() throws IOException {
        return Files.createDirectories(dir.resolve("tmp"));
    }

    private Path spy() throws IOException {
        return Files.createDirectories(dir.resolve("spy"));
    }

    private ExternalModel model(String id, String script, long timeLimitSeconds, boolean keepFailedRuns)
            throws IOException {
        Files.writeString(work().resolve(id + ".sh"), script, StandardCharsets.UTF_8);
        return new ExternalModel(new ExternalModelSettings(id, List.of("sh", id + ".sh"), work(),
                Duration.ofSeconds(timeLimitSeconds), Map.of("MODEL_GREETING", "bonjour", "SPY", spy().toString()),
                List.of("P"), List.of(ExternalModelSettings.parameter("gain=1 [0,10]")), "test model", temporary(),
                keepFailedRuns));
    }

    private ModelRequest request(ModelState state, int horizon) {
        List<Instant> times = new ArrayList<>();
        for (int h = 0; h <= 5; h++) {
            times.add(T0.plus(HOUR.multipliedBy(h)));
        }
        IrregularTimeSeries target = new IrregularTimeSeries(Quantity.Q, times, new double[] {10, 11, 12, Double.NaN,
                14, 15});
        IrregularTimeSeries rain = new IrregularTimeSeries(Quantity.P, List.of(T0.plus(HOUR.multipliedBy(4)),
                T0.plus(Duration.ofMinutes(330)), T0.plus(HOUR.multipliedBy(7))), new double[] {0.5, 1.25, 0});
        return new ModelRequest(T0.plus(Duration.ofMinutes(5 * 60 + 7)), HOUR, horizon, Map.of("gain", 2.0), state,
                Map.of(ModelRequest.TARGET, target, "P", rain));
    }

    private long runFolders() throws IOException {
        try (Stream<Path> s = Files.list(temporary())) {
            return s.count();
        }
    }

    @Test
    void runsTheProgramOnTheCsvContractAndReadsItsForecastBandAndState() throws IOException {
        ExternalModel model = model("good", GOOD, 20, false);
        ModelResult result = model.run(request(null, 3));

        assertArrayEquals(new double[] {30, 30, 30}, result.forecast().values(), 1e-9);
        assertEquals(T0.plus(HOUR.multipliedBy(6)), result.forecast().start(), "on the hourly grid");
        assertEquals(Quantity.Q, result.forecast().quantity());
        assertArrayEquals(new double[] {27, 27, 27}, result.internals().get("q10"), 1e-9);
        assertArrayEquals(new double[] {33, 33, 33}, result.internals().get("q90"), 1e-9);
        ModelState state = result.finalState();
        assertEquals("good", state.modelId());
        assertEquals(T0.plus(HOUR.multipliedBy(5)), state.validAt());
        assertArrayEquals(new double[] {1}, state.variable("runs"));
        assertArrayEquals(new double[] {15, 2}, state.variable("last"));
        assertEquals(0, runFolders(), "the run folder is deleted");

        // the files the program saw
        assertEquals(List.of(
                "time,target,P",
                "2024-12-11T00:00:00Z,10.0,",
                "2024-12-11T01:00:00Z,11.0,",
                "2024-12-11T02:00:00Z,12.0,",
                "2024-12-11T03:00:00Z,,",
                "2024-12-11T04:00:00Z,14.0,0.5",
                "2024-12-11T05:00:00Z,15.0,",
                "2024-12-11T05:30:00Z,,1.25",
                "2024-12-11T07:00:00Z,,0.0"), Files.readAllLines(spy().resolve("inputs.csv")));
        assertEquals(List.of("name,value", "gain,2.0"), Files.readAllLines(spy().resolve("parameters.csv")));
        assertEquals(List.of("lead,time", "1,2024-12-11T06:00:00Z", "2,2024-12-11T07:00:00Z",
                "3,2024-12-11T08:00:00Z"), Files.readAllLines(spy().resolve("leads.csv")));
        List<String> properties = Files.readAllLines(spy().resolve("request.properties"));
        for (String expected : List.of("contractVersion=1", "modelId=good", "issueTime=2024-12-11T05:00:00Z",
                "requestedIssueTime=2024-12-11T05:07:00Z", "step=PT1H", "stepSeconds=3600", "horizonSteps=3",
                "firstForecastTime=2024-12-11T06:00:00Z", "lastForecastTime=2024-12-11T08:00:00Z",
                "inputs=target,P", "input.target.quantity=Q", "input.target.unit=m3/s", "input.P.quantity=P",
                "input.P.unit=mm", "state=false")) {
            assertTrue(properties.contains(expected), expected + " in " + properties);
        }

        // the next run receives the state the program wrote
        ModelResult next = model.run(request(state, 2));
        assertArrayEquals(new double[] {2}, next.finalState().variable("runs"));
        assertEquals(List.of("name,values", "last,15.0,2.0", "runs,1.0"),
                Files.readAllLines(spy().resolve("state-in.csv")));
        assertTrue(Files.readAllLines(spy().resolve("request.properties"))
                .contains("stateValidAt=2024-12-11T05:00:00Z"));
    }

    @Test
    void killsAProgramThatExceedsItsTimeLimitWithEverythingItStarted() throws IOException {
        Path pids = dir.resolve("pids");
        ExternalModel model = model("slow", """
                #!/bin/sh
                sleep 60 &
                echo $! > "%s"
                echo "still computing…" >&2
                wait
                """.formatted(pids), 1, false);
        long started = System.nanoTime();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.run(request(null, 3)));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals("external model 'slow': exceeded its time limit of 1 s and was killed, with the 1"
                + " process it had started; error output: still computing…", e.getMessage());
        assertTrue(seconds < 10, "killed at the limit, not after the child's 60 s: " + seconds);
        long sleeper = Long.parseLong(Files.readString(pids).strip());
        assertFalse(running(sleeper), "the child is killed too");
        assertEquals(0, runFolders());
    }

    /** Whether a process runs: a killed child whose new parent does not reap it stays a zombie, which is not. */
    private static boolean running(long pid) throws IOException {
        Path status = Path.of("/proc/" + pid + "/status");
        if (Files.isReadable(status)) {
            try {
                return Files.readAllLines(status).stream().noneMatch(l -> l.startsWith("State:") && l.contains("Z"));
            } catch (IOException e) {
                return false; // gone meanwhile
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void refusesGarbageNamingTheFileAndLine() throws IOException {
        ExternalModel garbage = model("garbage", """
                #!/bin/sh
                printf 'time,value\\nhello,world\\nfoo\\n' > "$VIGIE_OUT_DIR/forecast.csv"
                """, 20, false);
        IllegalStateException rows = assertThrows(IllegalStateException.class, () -> garbage.run(request(null, 3)));
        assertEquals("external model 'garbage': out/forecast.csv has 2 rows, expected 3 (one per lead time,"
                + " 2024-12-11T06:00:00Z to 2024-12-11T08:00:00Z); no error output", rows.getMessage());
        IllegalStateException time = assertThrows(IllegalStateException.class, () -> garbage.run(request(null, 2)));
        assertEquals("external model 'garbage': out/forecast.csv line 2: time 'hello' is not an ISO-8601 UTC time"
                + " such as 2024-12-11T07:00:00Z; no error output", time.getMessage());
        assertEquals(0, runFolders());

        assertGarbage("'time,value\\n2024-12-11T06:00:00Z,NA\\n'", "out/forecast.csv line 2: value 'NA' is not a number");
        assertGarbage("'time,value\\n2024-12-11T07:00:00Z,1\\n'", "out/forecast.csv line 2: time"
                + " 2024-12-11T07:00:00Z, expected 2024-12-11T06:00:00Z (lead 1)");
        assertGarbage("'date,Q\\n2024-12-11T06:00:00Z,1\\n'", "out/forecast.csv line 1: header date,Q must be"
                + " 'time,value' or 'time,value,q10,q50,q90'");
        assertGarbage("'time,value,q10,q50,q90\\n2024-12-11T06:00:00Z,1,2,1,3\\n'", "out/forecast.csv line 2:"
                + " quantiles must satisfy q10 <= q50 <= q90, got 2.0, 1.0, 3.0");
        assertGarbage("'time,value\\n2024-12-11T06:00:00Z,1,2\\n'", "out/forecast.csv line 2: 3 fields, the header"
                + " has 2");
    }

    private void assertGarbage(String printfArgument, String expected) throws IOException {
        ExternalModel model = model("bad", "printf " + printfArgument + " > \"$VIGIE_OUT_DIR/forecast.csv\"\n", 20,
                false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.run(request(null, 1)));
        assertEquals("external model 'bad': " + expected + "; no error output", e.getMessage());
    }

    @Test
    void acceptsWhatRWriteCsvWrites() throws IOException {
        // write.csv(data.frame(time = format(t, "%Y-%m-%d %H:%M:%S"), value = v), row.names = FALSE) on Windows
        ExternalModel model = model("r", """
                printf '\\357\\273\\277"time","value"\\r\\n"2024-12-11 06:00:00",1.5\\r\\n"2024-12-11 07:00:00",2e1\\r\\n\\r\\n' \\
                    > "$VIGIE_OUT_DIR/forecast.csv"
                """, 20, false);
        ModelResult result = model.run(request(null, 2));
        assertArrayEquals(new double[] {1.5, 20}, result.forecast().values());
        assertNull(result.finalState(), "no state.csv, no state");
        assertTrue(result.internals().isEmpty());
    }

    @Test
    void reportsANonZeroExitWithTheEndOfTheErrorOutput() throws IOException {
        ExternalModel model = model("failing", """
                #!/bin/sh
                echo "Loading model…"
                echo "Error in eval(expr): object 'P' not found" >&2
                echo "Execution halted" >&2
                exit 3
                """, 20, false);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.run(request(null, 3)));
        assertEquals("external model 'failing': exited with status 3; error output: Error in eval(expr): object 'P'"
                + " not found\nExecution halted", e.getMessage());
        assertEquals(0, runFolders());
    }

    @Test
    void reportsAMissingForecastAndKeepsTheFolderWhenAskedTo() throws IOException {
        ExternalModel model = model("silent", "exit 0\n", 20, true);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.run(request(null, 3)));
        assertTrue(e.getMessage().startsWith("external model 'silent': the program wrote no out/forecast.csv; no error"
                + " output (run folder kept: "), e.getMessage());
        assertEquals(1, runFolders());
        Path kept;
        try (Stream<Path> s = Files.list(temporary())) {
            kept = s.findFirst().orElseThrow();
        }
        assertTrue(e.getMessage().contains(kept.toString()));
        assertTrue(Files.exists(kept.resolve("inputs.csv")));
    }

    @Test
    void reportsAProgramThatCannotStart() throws IOException {
        ExternalModel model = new ExternalModel(new ExternalModelSettings("missing", List.of("no-such-program-xyz"),
                work(), Duration.ofSeconds(5), Map.of(), List.of(), List.of(), "", temporary(), false));
        ModelRequest request = new ModelRequest(T0, HOUR, 1, Map.of(), null, request(null, 1).inputs());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> model.run(request));
        assertTrue(e.getMessage().startsWith("external model 'missing': cannot start 'no-such-program-xyz' in "),
                e.getMessage());
        assertEquals(0, runFolders());
    }

    @Test
    void checksParametersAgainstTheDeclaredOnes() throws IOException {
        ExternalModel model = model("good", GOOD, 20, false);
        ModelRequest unknown = new ModelRequest(T0, HOUR, 1, Map.of("X9", 1.0), null, request(null, 1).inputs());
        assertEquals("unknown parameter 'X9'",
                assertThrows(IllegalArgumentException.class, () -> model.run(unknown)).getMessage());
        assertEquals(List.of("P"), model.descriptor().inputs());
        assertEquals("gain", model.descriptor().parameters().get(0).name());
    }
}
