package org.vigie.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.vigie.forecasting.internal.ChainSettings;
import org.vigie.forecasting.internal.ForecastArchive;
import org.vigie.forecasting.internal.Hindcast;
import org.vigie.forecasting.internal.HindcastExperiment;
import org.vigie.forecasting.internal.HindcastProgressListener;
import org.vigie.forecasting.internal.HindcastReport;
import org.vigie.forecasting.internal.LeadScores;
import org.vigie.forecasting.internal.RainfallScenario;
import org.vigie.forecasting.internal.ReportContext;
import org.vigie.forecasting.internal.ResetPolicy;
import org.vigie.forecasting.internal.UncertaintyModel;
import org.vigie.forecasting.internal.calibration.MichelChainCalibrator;
import org.vigie.hydrology.internal.criteria.Criterion;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrParameter;
import org.vigie.model.gr.internal.core.WarmUp;

/**
 * {@code bin/vigie hindcast}: sets up a GRP-style forecasting chain on a calibration period (GR calibration, output
 * error correction, uncertainty) and replays a verification period as if in real time, writing per-lead metrics
 * and optionally a report and every forecast. Progress and timings on stderr.
 */
final class HindcastCommand {

    private static final Set<String> OPTIONS = Set.of("input", "model", "calibrate-from", "calibrate-to", "from",
            "to", "leads", "upstream", "area", "thresholds", "out", "report", "params", "scenario", "criterion",
            "band", "flow-classes", "error-order", "boxcox", "reset", "events", "forecasts");

    private HindcastCommand() {
    }

    static void run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        long wallStart = System.nanoTime();
        CommandLine line = CommandLine.parse(args, OPTIONS, Set.of());
        String modelName = line.required("model");
        if (ModelRunCommand.withSnow(modelName)) {
            throw new CommandLine.UsageException("hindcast runs the GR models without snow module (GR4H, GR5H, "
                    + "GR4J, GR5J, GR6J)");
        }
        GrModel model = ModelRunCommand.variant(modelName);
        int[] leads = leads(line.required("leads"));
        Path outFile = Path.of(line.required("out"));
        Instant calibrateFromTime = instant(line.required("calibrate-from"), "--calibrate-from");
        Instant fromTime = instant(line.required("from"), "--from");
        String calibrateTo = line.required("calibrate-to");
        String to = line.required("to");

        HindcastInput input = HindcastInput.read(Path.of(line.required("input")), model.timeStep());
        int calibrateFrom = input.index(calibrateFromTime, "--calibrate-from");
        int calibrateEnd = input.endExclusive(calibrateTo, "--calibrate-to");
        int hindcastFrom = input.index(fromTime, "--from");
        int hindcastEnd = input.endExclusive(to, "--to");
        if (calibrateEnd - calibrateFrom <= leads[1]) {
            throw new CommandLine.UsageException("the calibration period must be longer than the " + leads[1]
                    + "-step horizon");
        }
        if (hindcastEnd <= hindcastFrom) {
            throw new CommandLine.UsageException("--to must not be before --from");
        }

        double stepSeconds = model.timeStep().toSeconds();
        String perStep = model.isHourly() ? "mm/h" : "mm/d";
        double toModel = 1;
        String flowUnit = perStep;
        if (line.value("area").isPresent()) {
            double area = positive(line.value("area").get(), "--area");
            // m³/s over A km² → mm per step: Q · step / (A · 10⁶ m²) · 10³ mm/m
            toModel = stepSeconds / (1000 * area);
            flowUnit = "m³/s";
        }
        double[] observed = input.column("Q").clone();
        for (int i = 0; i < observed.length; i++) {
            observed[i] *= toModel;
        }
        if (line.value("upstream").isPresent()) {
            for (String column : line.value("upstream").get().split(",")) {
                input.column(column.trim());
            }
            err.println("vigie hindcast: note: GR models take no upstream inflow; column(s) "
                    + line.value("upstream").get() + " read and ignored (for routing models to come)");
        }
        // GR needs gap-free forcing from the earliest warm-up to the last forecast step
        int forcingFrom = Math.min(WarmUp.defaultStart(input.times, calibrateFrom),
                WarmUp.defaultStart(input.times, hindcastFrom));
        int forcingTo = Math.min(input.size(), Math.max(calibrateEnd, hindcastEnd + leads[1]));
        String why = "GR needs gap-free P and E from the warm-up (" + input.times[forcingFrom] + ") to the last "
                + "forecast step (" + input.times[forcingTo - 1] + ")";
        input.requireComplete("P", forcingFrom, forcingTo, why);
        input.requireComplete("E", forcingFrom, forcingTo, why);
        long observedInCalibration = Arrays.stream(observed, calibrateFrom, calibrateEnd).filter(Double::isFinite)
                .count();
        if (observedInCalibration < 2L * leads[1]) {
            throw new CommandLine.UsageException("only " + observedInCalibration + " observed Q values in the "
                    + "calibration period");
        }

        ChainSettings settings = ChainSettings.defaults(model, calibrateFrom, calibrateEnd, hindcastFrom,
                hindcastEnd, leads[1]);
        double[] thresholds = line.value("thresholds").map(t -> numbers(t, "--thresholds")).orElse(new double[0]);
        double[] modelThresholds = new double[thresholds.length];
        for (int s = 0; s < thresholds.length; s++) {
            modelThresholds[s] = thresholds[s] * toModel;
        }
        settings = settings.withThresholds(modelThresholds);
        if (line.value("params").isPresent()) {
            settings = settings.withParameters(parametersFile(Path.of(line.value("params").get()), model));
        }
        if (line.value("scenario").isPresent()) {
            settings = settings.withScenario(usage(() -> RainfallScenario.parse(line.value("scenario").get())));
        }
        if (line.value("criterion").isPresent()) {
            settings = settings.withCriterion(criterion(line.value("criterion").get()));
        }
        if (line.value("band").isPresent()) {
            double[] band = numbers(line.value("band").get(), "--band");
            if (band.length != 2) {
                throw new CommandLine.UsageException("--band takes two percentages, e.g. 10,90");
            }
            ChainSettings before = settings;
            settings = usage(() -> before.withBand(band[0] / 100, band[1] / 100));
        }
        if (line.value("flow-classes").isPresent()) {
            String text = line.value("flow-classes").get().trim();
            double[] percents = text.equals("none") ? new double[0] : numbers(text, "--flow-classes");
            double[] probabilities = Arrays.stream(percents).map(p -> p / 100).toArray();
            settings = settings.withClassProbabilities(probabilities);
        }
        double lambda = line.value("boxcox").map(v -> number(v, "--boxcox"))
                .orElse(ChainSettings.DEFAULT_BOX_COX_LAMBDA);
        int order = line.value("error-order").map(v -> (int) number(v, "--error-order"))
                .orElse(ChainSettings.DEFAULT_ERROR_ORDER);
        settings = settings.withErrorModel(lambda, order);
        if (line.value("reset").isPresent()) {
            settings = settings.withResetPolicy(usage(() -> ResetPolicy.valueOf(
                    line.value("reset").get().trim().toUpperCase(Locale.ROOT).replace('-', '_'))));
        }
        if (line.value("events").isPresent()) {
            settings = settings.withEvents((int) number(line.value("events").get(), "--events"));
        }
        ChainSettings chosen = settings;

        double flowFactor = 1 / toModel;
        BufferedWriter archiveWriter = line.value("forecasts").isPresent()
                ? Files.newBufferedWriter(Path.of(line.value("forecasts").get()), StandardCharsets.UTF_8) : null;
        Function<UncertaintyModel, Hindcast.Sink> archive = archiveWriter == null ? null
                : uncertainty -> new ForecastArchive(archiveWriter, input.times, observed, uncertainty,
                new double[] {chosen.lowerProbability(), 0.5, chosen.upperProbability()}, modelThresholds,
                flowFactor);
        HindcastExperiment.Result result;
        try {
            result = HindcastExperiment.run(new HindcastExperiment.Series(input.times, input.column("P"),
                    input.column("E"), observed), chosen, new MichelChainCalibrator(), progress(err), archive);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (archiveWriter != null) {
                archiveWriter.close();
            }
        }

        List<String> notes = new ArrayList<>();
        notes.add("Input " + input.file + ": " + input.size() + " steps " + input.times[0] + " .. "
                + input.times[input.size() - 1] + (line.value("area").isPresent() ? ", Q in m³/s over "
                + line.value("area").get() + " km²" : ", Q in " + perStep));
        notes.add("Command: bin/vigie hindcast " + String.join(" ", args));
        ReportContext context = new ReportContext("Hindcast of " + model + " on " + input.file.getFileName(),
                input.times, flowUnit, flowFactor, model.isHourly() ? "h" : "d", notes);
        String csv = HindcastReport.metricsCsv(result.verification(), context);
        Files.writeString(outFile, keepLeads(csv, leads[0]), StandardCharsets.UTF_8);
        if (line.value("report").isPresent()) {
            Path report = Path.of(line.value("report").get());
            String name = report.getFileName().toString();
            if (name.toLowerCase(Locale.ROOT).endsWith(".md")) {
                Path images = report.resolveSibling(name.substring(0, name.length() - 3) + "_files");
                Files.writeString(report, HindcastReport.markdown(result, context, report, images),
                        StandardCharsets.UTF_8);
            } else {
                Files.writeString(report, HindcastReport.html(result, context), StandardCharsets.UTF_8);
            }
        }
        summary(result, leads, outFile, err, wallStart);
    }

    private static HindcastProgressListener progress(PrintStream err) {
        Map<String, Integer> printed = new LinkedHashMap<>();
        return (phase, percent) -> {
            int decile = percent / 10;
            Integer last = printed.get(phase);
            if (last == null || decile > last) {
                printed.put(phase, decile);
                err.printf(Locale.ROOT, "vigie hindcast: %-12s %3d %%%n", phase, decile * 10);
            }
        };
    }

    private static void summary(HindcastExperiment.Result result, int[] leads, Path outFile, PrintStream err,
                                long wallStart) {
        var verification = result.verification();
        List<LeadScores> shown = verification.leads().subList(leads[0] - 1, leads[1]);
        long beatsPersistence = shown.stream().filter(l -> l.nse() > l.nsePersistence()).count();
        long beatsOpenLoop = shown.stream().filter(l -> l.nse() > l.nseNoUpdate()).count();
        if (result.calibration() != null) {
            err.println("vigie hindcast: " + result.calibration().summary());
        }
        err.printf(Locale.ROOT, "vigie hindcast: NSE with updating above persistence at %d/%d leads, above no "
                        + "update at %d/%d; lead %d NSE %.4f, lead %d NSE %.4f; band coverage %.1f %%%n",
                beatsPersistence, shown.size(), beatsOpenLoop, shown.size(), leads[0], shown.get(0).nse(), leads[1],
                shown.get(shown.size() - 1).nse(), 100 * verification.overallCoverage());
        var timings = result.timings();
        err.printf(Locale.ROOT, "vigie hindcast: %d forecasts × %d leads; calibration %.2f s, learning %.2f s, "
                        + "hindcast %.2f s; wall time %.2f s -> %s%n", verification.issues(), leads[1],
                timings.calibration().toNanos() / 1e9, timings.learning().toNanos() / 1e9,
                timings.hindcast().toNanos() / 1e9, (System.nanoTime() - wallStart) / 1e9, outFile);
    }

    /** Drops the rows of leads before the first asked for. */
    private static String keepLeads(String csv, int firstLead) {
        StringBuilder kept = new StringBuilder();
        for (String row : csv.split("\n")) {
            if (kept.length() == 0 || Integer.parseInt(row.substring(0, row.indexOf(','))) >= firstLead) {
                kept.append(row).append('\n');
            }
        }
        return kept.toString();
    }

    /** {@code A-B} (leads A to B) or {@code N} (leads 1 to N), in model steps. */
    static int[] leads(String text) {
        String[] parts = text.trim().split("-", -1);
        try {
            int first = parts.length == 2 ? Integer.parseInt(parts[0].trim()) : 1;
            int last = Integer.parseInt(parts[parts.length - 1].trim());
            if (parts.length > 2 || first < 1 || last < first || last > 480) {
                throw new NumberFormatException();
            }
            return new int[] {first, last};
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException("--leads expects A-B with 1 ≤ A ≤ B ≤ 480 (e.g. 1-24) or N, got '"
                    + text + "'");
        }
    }

    static Instant instant(String text, String option) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.UsageException(option + ": '" + text + "' is neither a date yyyy-MM-dd nor an "
                    + "ISO-8601 instant");
        }
    }

    private static double positive(String text, String option) {
        double value = number(text, option);
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new CommandLine.UsageException(option + " must be a positive number, got '" + text + "'");
        }
        return value;
    }

    private static double number(String text, String option) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException(option + ": '" + text + "' is not a number");
        }
    }

    private static double[] numbers(String text, String option) {
        String[] parts = text.split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = number(parts[i], option);
        }
        return values;
    }

    private static <T> T usage(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException(e.getMessage());
        }
    }

    private static Criterion criterion(String name) {
        for (Criterion c : Criterion.values()) {
            if (c.airGrName().equalsIgnoreCase(name.trim()) && c.biggerIsBetter()) {
                return c;
            }
        }
        throw new CommandLine.UsageException("--criterion is one of NSE, KGE, KGE2; got '" + name + "'");
    }

    /** Reads the {@code parameter,value} file written by {@code bin/vigie calibrate}. */
    private static double[] parametersFile(Path file, GrModel model) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.UsageException("parameter file " + file + " not found");
        }
        Map<String, Double> given = new LinkedHashMap<>();
        List<String> rows = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < rows.size(); i++) {
            String row = rows.get(i).trim();
            if (row.isEmpty() || row.startsWith("#") || (i == 0 && row.startsWith("parameter"))) {
                continue;
            }
            String[] cells = row.split(",");
            if (cells.length != 2) {
                throw new CommandLine.UsageException(file + " line " + (i + 1) + ": expected parameter,value");
            }
            given.put(cells[0].trim(), number(cells[1], file + " line " + (i + 1)));
        }
        List<GrParameter> specs = model.parameters();
        double[] values = new double[specs.size()];
        for (int i = 0; i < values.length; i++) {
            Double value = given.get(specs.get(i).symbol());
            if (value == null) {
                throw new CommandLine.UsageException(file + ": no value for " + model + "'s " + specs.get(i).symbol());
            }
            values[i] = value;
        }
        return values;
    }
}
