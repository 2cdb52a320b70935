package org.vigie.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.vigie.hydrology.internal.snow.CemaNeige;
import org.vigie.hydrology.internal.snow.CemaNeigeOutput;
import org.vigie.hydrology.internal.snow.CemaNeigeParameters;
import org.vigie.hydrology.internal.snow.ElevationLayerInputs;
import org.vigie.hydrology.internal.snow.ValeryAltitudeExtrapolation;
import org.vigie.model.gr.internal.core.CemaNeigeGr;
import org.vigie.model.gr.internal.core.CemaNeigeGrRun;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrOutputs;
import org.vigie.model.gr.internal.core.GrParameter;
import org.vigie.model.gr.internal.core.GrParameters;
import org.vigie.model.gr.internal.core.GrRun;
import org.vigie.model.gr.internal.core.GrState;
import org.vigie.model.gr.internal.core.WarmUp;

/**
 * {@code bin/vigie model run}: a GR model over a period of an input file, with airGR's warm-up convention, writing
 * every flux and state per step (airGR's column names) and optionally the end state to resume from.
 */
final class ModelRunCommand {

    private static final Set<String> OPTIONS = Set.of("model", "param", "input", "run-from", "run-to", "out",
            "warmup-from", "warmup-to", "warmup", "state-in", "state-out", "hypsometry", "layers");
    private static final String CEMANEIGE = "CEMANEIGE";

    private ModelRunCommand() {
    }

    static void run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        CommandLine line = CommandLine.parse(args, OPTIONS, Set.of("param"));
        boolean snow = withSnow(line.required("model"));
        GrModel variant = variant(line.required("model"));
        Map<String, Double> given = line.numbers("param");
        Double ctg = snow ? required(given, "CTG", "CemaNeige's thermal state weighting (0..1)") : null;
        Double kf = snow ? required(given, "Kf", "CemaNeige's degree-day melt factor (mm/°C/day)") : null;
        // both or neither: airGR's hysteresis of the snow-covered area (Riboust et al. 2019)
        Double gacc = snow ? given.remove("Gacc") : null;
        Double prct = snow ? given.remove("Prct") : null;
        if ((gacc == null) != (prct == null)) {
            throw new CommandLine.UsageException("CemaNeige's hysteresis needs both --param Gacc=… and --param Prct=…");
        }
        GrParameters parameters = parameters(variant, given);
        Path inputFile = Path.of(line.required("input"));
        BasinSeries input = BasinSeries.read(inputFile);
        boolean daily = input.isDaily();
        if (daily == variant.isHourly()) {
            throw new CommandLine.UsageException(variant + " needs " + (variant.isHourly() ? "hourly" : "daily")
                    + " inputs; " + inputFile + " is " + (daily ? "daily" : "sub-daily"));
        }
        int runFrom = index(input, start(line.required("run-from")), "--run-from");
        int runTo = endExclusive(input, line.required("run-to"), "--run-to");
        if (runTo <= runFrom) {
            throw new CommandLine.UsageException("--run-to must not be before --run-from");
        }
        int[] warmUp = warmUp(line, input, runFrom);
        if (snow) {
            CemaNeigeParameters snowParameters = gacc == null ? CemaNeigeParameters.withoutHysteresis(ctg, kf)
                    : CemaNeigeParameters.withHysteresis(ctg, kf, gacc, prct);
            runWithSnow(line, variant, parameters, snowParameters, input, warmUp, runFrom, runTo, err);
            return;
        }

        GrState start = line.value("state-in").map(path -> StateFile.read(path, variant))
                .orElse(variant.defaultInitialState(parameters));
        GrRun result = variant.runAfterWarmUp(parameters, start, input.column("P"), input.column("E"), warmUp[0],
                warmUp[1], runFrom, runTo, GrOutputs.ALL);
        Path outFile = Path.of(line.required("out"));
        write(outFile, input, runFrom, result, daily);
        line.value("state-out").ifPresent(path -> StateFile.write(Path.of(path), result.endState(), variant));
        err.printf(Locale.ROOT, "%s %s: %d steps %s..%s after %d warm-up steps -> %s%n", variant,
                parameters, runTo - runFrom, input.times.get(runFrom),
                input.times.get(runTo - 1), warmUp[1] - warmUp[0], outFile);
    }

    /** @return whether {@code --model} names a GR model behind CemaNeige, e.g. CemaNeigeGR4J */
    static boolean withSnow(String name) {
        return name.trim().toUpperCase(Locale.ROOT).startsWith(CEMANEIGE);
    }

    /** @return the GR model of {@code --model}, with or without its CemaNeige prefix */
    static GrModel variant(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        try {
            return GrModel.valueOf(upper.startsWith(CEMANEIGE) ? upper.substring(CEMANEIGE.length()) : upper);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException("model '" + name + "' is not available; this version runs "
                    + java.util.Arrays.toString(GrModel.values()) + " (CemaNeige coupling comes next)");
        }
    }

    /** X1… in the model's order, plus Imax for GR5H's interception store. */
    static GrParameters parameters(GrModel model, Map<String, Double> given) {
        Map<String, Double> remaining = new java.util.LinkedHashMap<>(given);
        List<GrParameter> specs = model.parameters();
        double[] values = new double[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            Double value = remaining.remove(specs.get(i).symbol());
            if (value == null) {
                throw new CommandLine.UsageException(model + " needs --param " + specs.get(i).symbol() + "=… ("
                        + specs.get(i).meaning() + ")");
            }
            values[i] = value;
        }
        Double imax = remaining.remove("Imax");
        if (!remaining.isEmpty()) {
            throw new CommandLine.UsageException(model + " has no parameter " + remaining.keySet());
        }
        GrParameters parameters = model.parameters(values);
        if (imax != null) {
            parameters = parameters.withInterceptionStore(imax);
        }
        return parameters;
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
        return new int[] {WarmUp.defaultStart(input.times.toArray(new Instant[0]), runFrom), runFrom};
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

    private static Double required(Map<String, Double> given, String name, String meaning) {
        Double value = given.remove(name);
        if (value == null) {
            throw new CommandLine.UsageException("CemaNeige needs --param " + name + "=… (" + meaning + ")");
        }
        return value;
    }

    /**
     * GR behind CemaNeige: rainfall and temperature are extrapolated to elevation layers from the hypsometric curve
     * (airGR's {@code DataAltiExtrapolation_Valery}, {@code ZInputs} = median altitude), the layers' liquid water
     * feeds GR; outputs are GR's series then each layer's snow series ({@code Layer1.SnowPack}…).
     */
    private static void runWithSnow(CommandLine line, GrModel variant, GrParameters parameters,
                                    CemaNeigeParameters snowParameters, BasinSeries input, int[] warmUp, int runFrom,
                                    int runTo, PrintStream err) throws IOException {
        if (variant.isHourly()) {
            throw new CommandLine.UsageException("CemaNeige is coupled to the daily models GR4J, GR5J and GR6J");
        }
        ElevationLayerInputs layers = elevationLayers(line, input);
        int layerCount = layers.layerCount();
        double[] meanSolid = CemaNeige.meanAnnualSolidPrecipitation(layers, CemaNeige.DAILY_STEPS_PER_YEAR);
        CemaNeigeGr coupled = CemaNeigeGr.of(parameters, snowParameters);
        var start = line.value("state-in").map(path -> StateFile.readWithSnow(path, variant, layerCount))
                .orElse(coupled.defaultInitialState(layerCount));
        CemaNeigeGrRun result = coupled.runAfterWarmUp(start, layers,
                input.column("E"), meanSolid, warmUp[0], warmUp[1], runFrom, runTo, GrOutputs.ALL);
        List<String> names = new java.util.ArrayList<>();
        List<double[]> columns = new java.util.ArrayList<>();
        for (String name : result.gr().names()) {
            names.add(name);
            columns.add(result.gr().series(name));
        }
        for (int layer = 0; layer < layerCount; layer++) {
            for (CemaNeigeOutput output : CemaNeigeOutput.values()) {
                names.add("Layer" + (layer + 1) + "." + output.airGrName());
                columns.add(result.snow().layer(layer).series(output));
            }
        }
        Path outFile = Path.of(line.required("out"));
        write(outFile, input, runFrom, names, columns.toArray(new double[0][]), true);
        line.value("state-out").ifPresent(path -> StateFile.write(Path.of(path), result.endState(), variant));
        err.printf(Locale.ROOT, "CemaNeige%s %s %s, %d layers: %d steps after %d warm-up steps -> %s%n",
                variant, parameters, snowParameters, layerCount, runTo - runFrom, warmUp[1] - warmUp[0], outFile);
    }

    /** P and T extrapolated to {@code --layers} elevation layers of the {@code --hypsometry} curve. */
    static ElevationLayerInputs elevationLayers(CommandLine line, BasinSeries input) throws IOException {
        int layerCount;
        try {
            layerCount = Integer.parseInt(line.value("layers").orElse("5"));
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException("--layers expects a whole number");
        }
        double[] hypsometry = Hypsometry.read(Path.of(line.required("hypsometry")));
        MonthDay[] days = input.times.stream().map(t -> MonthDay.from(t.atOffset(ZoneOffset.UTC)))
                .toArray(MonthDay[]::new);
        return ValeryAltitudeExtrapolation.extrapolate(days, input.column("P"), input.column("T"), hypsometry,
                layerCount);
    }

    private static void write(Path file, BasinSeries input, int from, GrRun run, boolean daily) throws IOException {
        List<String> names = run.names();
        double[][] columns = new double[names.size()][];
        for (int c = 0; c < names.size(); c++) {
            columns[c] = run.series(names.get(c));
        }
        write(file, input, from, names, columns, daily);
    }

    private static void write(Path file, BasinSeries input, int from, List<String> names, double[][] columns,
                              boolean daily) throws IOException {
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
