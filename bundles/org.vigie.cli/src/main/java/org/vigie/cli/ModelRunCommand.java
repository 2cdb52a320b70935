package org.vigie.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.vigie.model.gr.internal.core.Gr4;
import org.vigie.model.gr.internal.core.GrRun;
import org.vigie.model.gr.internal.core.GrState;

/**
 * {@code bin/vigie model run}: a GR model over a period of an input file, with airGR's warm-up convention, writing
 * every flux and state per step (airGR's column names) and optionally the end state to resume from.
 */
final class ModelRunCommand {

    private static final Set<String> OPTIONS = Set.of("model", "param", "input", "run-from", "run-to", "out",
            "warmup-from", "warmup-to", "warmup", "state-in", "state-out");

    private ModelRunCommand() {
    }

    static void run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        CommandLine line = CommandLine.parse(args, OPTIONS, Set.of("param"));
        Gr4.Variant variant = variant(line.required("model"));
        Map<String, Double> x = line.numbers("param");
        for (String name : List.of("X1", "X2", "X3", "X4")) {
            if (!x.containsKey(name)) {
                throw new CommandLine.UsageException(variant + " needs --param " + name + "=…");
            }
        }
        if (x.size() > 4) {
            x.keySet().removeAll(List.of("X1", "X2", "X3", "X4"));
            throw new CommandLine.UsageException(variant + " has no parameter " + x.keySet());
        }
        Gr4 model = new Gr4(variant, x.get("X1"), x.get("X2"), x.get("X3"), x.get("X4"));
        Path inputFile = Path.of(line.required("input"));
        BasinSeries input = BasinSeries.read(inputFile);
        boolean daily = input.isDaily();
        if (daily != (variant == Gr4.Variant.GR4J)) {
            throw new CommandLine.UsageException(variant + " needs " + (variant == Gr4.Variant.GR4J ? "daily" : "hourly")
                    + " inputs; " + inputFile + " is " + (daily ? "daily" : "sub-daily"));
        }
        int runFrom = index(input, start(line.required("run-from")), "--run-from");
        int runTo = endExclusive(input, line.required("run-to"), "--run-to");
        if (runTo <= runFrom) {
            throw new CommandLine.UsageException("--run-to must not be before --run-from");
        }
        int[] warmUp = warmUp(line, input, runFrom);

        GrState state = line.value("state-in").map(StateFile::read).orElse(model.initialState());
        if (warmUp[1] > warmUp[0]) {
            state = model.run(state, input.column("P"), input.column("E"), warmUp[0], warmUp[1], false).endState();
        }
        GrRun result = model.run(state, input.column("P"), input.column("E"), runFrom, runTo, true);
        Path outFile = Path.of(line.required("out"));
        write(outFile, input, runFrom, result, daily);
        line.value("state-out").ifPresent(path -> StateFile.write(Path.of(path), result.endState()));
        err.printf(Locale.ROOT, "%s %s: %d steps %s..%s after %d warm-up steps -> %s%n", variant,
                java.util.Arrays.toString(model.parameters()), runTo - runFrom, input.times.get(runFrom),
                input.times.get(runTo - 1), warmUp[1] - warmUp[0], outFile);
    }

    static Gr4.Variant variant(String name) {
        try {
            return Gr4.Variant.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException("model '" + name + "' is not available; this version runs GR4J and "
                    + "GR4H (GR5J, GR6J, GR5H and CemaNeige come next)");
        }
    }

    /** airGR's default: the year before the run, as far as the data go; none when the run starts the data. */
    static int[] warmUp(CommandLine line, BasinSeries input, int runFrom) {
        if (line.value("warmup").isPresent()) {
            if (!line.value("warmup").get().equals("none")) {
                throw new CommandLine.UsageException("--warmup accepts only 'none'");
            }
            return new int[] {runFrom, runFrom};
        }
        if (line.value("warmup-from").isPresent() || line.value("warmup-to").isPresent()) {
            int from = index(input, start(line.required("warmup-from")), "--warmup-from");
            int to = endExclusive(input, line.required("warmup-to"), "--warmup-to");
            if (to != runFrom) {
                throw new CommandLine.UsageException("the warm-up must end right before the run starts ("
                        + input.times.get(runFrom) + ")");
            }
            return new int[] {from, to};
        }
        Instant yearBefore = ZonedDateTime.ofInstant(input.times.get(runFrom), ZoneOffset.UTC).minusYears(1)
                .toInstant();
        return new int[] {Math.max(0, input.indexAtOrAfter(yearBefore)), runFrom};
    }

    static Instant start(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.UsageException("'" + text + "' is neither a date yyyy-MM-dd nor an ISO-8601 instant");
        }
    }

    static int index(BasinSeries input, Instant time, String option) {
        int i = input.indexAtOrAfter(time);
        if (i >= input.size() || !input.times.get(i).equals(time)) {
            throw new CommandLine.UsageException(option + " " + time + " is not a time step of the input ("
                    + input.times.get(0) + " .. " + input.times.get(input.size() - 1) + ")");
        }
        return i;
    }

    /** An inclusive end: a date covers its whole day (all its hours for hourly data). */
    static int endExclusive(BasinSeries input, String text, String option) {
        Instant end = text.length() == 10 ? start(text).plusSeconds(86_400) : start(text).plusNanos(1);
        int i = input.indexAtOrAfter(end);
        if (i == 0 || input.times.get(i - 1).isBefore(start(text))) {
            throw new CommandLine.UsageException(option + " " + text + " is outside the input");
        }
        return i;
    }

    private static void write(Path file, BasinSeries input, int from, GrRun run, boolean daily) throws IOException {
        List<String> names = run.names();
        double[][] columns = new double[names.size()][];
        for (int c = 0; c < names.size(); c++) {
            columns[c] = run.series(names.get(c));
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("DatesR," + String.join(",", names));
            w.newLine();
            for (int r = 0; r < columns[0].length; r++) {
                Instant t = input.times.get(from + r);
                w.write(daily ? t.atOffset(ZoneOffset.UTC).toLocalDate().toString() : t.toString());
                for (double[] column : columns) {
                    w.write(',');
                    w.write(Double.toString(column[r]));
                }
                w.newLine();
            }
        }
    }
}
