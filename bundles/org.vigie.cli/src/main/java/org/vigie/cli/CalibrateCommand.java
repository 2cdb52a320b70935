package org.vigie.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.vigie.calibration.internal.AirGrModel;
import org.vigie.calibration.internal.CalibrationObjective;
import org.vigie.calibration.internal.CalibrationProblem;
import org.vigie.calibration.internal.CalibrationProgressListener;
import org.vigie.calibration.internal.CalibrationResult;
import org.vigie.calibration.internal.Calibrator;
import org.vigie.calibration.internal.CmaesCalibration;
import org.vigie.calibration.internal.CmaesOptions;
import org.vigie.calibration.internal.CriterionDefinition;
import org.vigie.calibration.internal.MichelCalibration;
import org.vigie.hydrology.internal.criteria.Criterion;
import org.vigie.hydrology.internal.criteria.CriterionSettings;
import org.vigie.hydrology.internal.criteria.EfficiencyCriteria;
import org.vigie.hydrology.internal.criteria.FlowTransformation;
import org.vigie.hydrology.internal.snow.CemaNeige;
import org.vigie.hydrology.internal.snow.ElevationLayerInputs;
import org.vigie.model.gr.internal.core.CemaNeigeGr;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrOutputs;

/**
 * {@code bin/vigie calibrate}: calibrates a GR model on an input file (airGR's Michel procedure by default, or
 * CMA-ES) against an observed discharge column, reporting progress on stderr and writing the parameters found.
 */
final class CalibrateCommand {

    private static final Set<String> OPTIONS = Set.of("model", "input", "run-from", "run-to", "warmup-from",
            "warmup-to", "warmup", "obs", "criterion", "transform", "method", "out", "hypsometry", "layers");

    private CalibrateCommand() {
    }

    static void run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        CommandLine line = CommandLine.parse(args, OPTIONS, Set.of());
        boolean snow = ModelRunCommand.withSnow(line.required("model"));
        GrModel variant = ModelRunCommand.variant(line.required("model"));
        if (snow && variant.isHourly()) {
            throw new CommandLine.UsageException("CemaNeige is coupled to the daily models GR4J, GR5J and GR6J");
        }
        Criterion criterion = criterion(line.value("criterion").orElse("NSE"));
        BasinSeries input = BasinSeries.read(Path.of(line.required("input")));
        int runFrom = ModelRunCommand.index(input, ModelRunCommand.start(line.required("run-from")), "--run-from");
        int runTo = ModelRunCommand.endExclusive(input, line.required("run-to"), "--run-to");
        int[] warmUp = ModelRunCommand.warmUp(line, input, runFrom);
        double[] p = input.column("P");
        double[] e = input.column("E");
        double[] observed = Arrays.copyOfRange(input.column(line.value("obs").orElse("Qmm")), runFrom, runTo);
        CriterionSettings settings = line.value("transform")
                .map(t -> CriterionSettings.defaults().withTransformation(transformation(t)))
                .orElse(CriterionSettings.defaults());
        Calibrator calibrator = switch (line.value("method").orElse("michel").toLowerCase(Locale.ROOT)) {
            case "michel" -> new MichelCalibration();
            case "cmaes" -> new CmaesCalibration(CmaesOptions.defaults());
            default -> throw new CommandLine.UsageException("--method is michel or cmaes");
        };

        CalibrationObjective objective;
        if (snow) {
            ElevationLayerInputs layers = ModelRunCommand.elevationLayers(line, input);
            double[] meanSolid = CemaNeige.meanAnnualSolidPrecipitation(layers, CemaNeige.DAILY_STEPS_PER_YEAR);
            objective = x -> {
                CemaNeigeGr coupled = CemaNeigeGr.fromAirGrVector(variant, x);
                double[] simulated = coupled.runAfterWarmUp(coupled.defaultInitialState(layers.layerCount()), layers,
                        e, meanSolid, warmUp[0], warmUp[1], runFrom, runTo, GrOutputs.QSIM_ONLY).qsim();
                return EfficiencyCriteria.compute(criterion, observed, simulated, settings).value();
            };
        } else {
            objective = x -> {
                var parameters = variant.parameters(x);
                double[] simulated = variant.runAfterWarmUp(parameters, variant.defaultInitialState(parameters), p,
                        e, warmUp[0], warmUp[1], runFrom, runTo, GrOutputs.QSIM_ONLY).qsim();
                return EfficiencyCriteria.compute(criterion, observed, simulated, settings).value();
            };
        }
        String name = criterion.airGrName() + line.value("transform").map(t -> "[" + t + "]").orElse("");
        CriterionDefinition definition = criterion.biggerIsBetter() ? CriterionDefinition.maximised(name, 1.0)
                : CriterionDefinition.minimised(name, 0.0);
        var space = snow ? AirGrModel.valueOf(variant.name()).parameterSpaceWithCemaNeige()
                : AirGrModel.valueOf(variant.name()).parameterSpace();
        CalibrationProgressListener progress = new CalibrationProgressListener() {
            private long lastReport;

            @Override
            public void onProgress(org.vigie.calibration.internal.CalibrationProgress report) {
                long now = System.nanoTime();
                // a line per second at most: a calibration makes hundreds of runs
                if (now - lastReport > 1_000_000_000L || report.phase().name().equals("COMPLETED")) {
                    lastReport = now;
                    err.printf(Locale.ROOT, "%s %s: %d runs, iteration %d, best %s = %.6f at %s%n", report.method(),
                            report.phase(), report.runs(), report.iteration(), name, report.bestCriterion(),
                            Arrays.toString(report.bestRealParameters()));
                }
            }
        };
        CalibrationResult result = calibrator.calibrate(new CalibrationProblem(space, definition,
                objective), progress);
        StringBuilder csv = new StringBuilder("parameter,value\n");
        for (int i = 0; i < result.parameterNames().size(); i++) {
            csv.append(result.parameterNames().get(i)).append(',').append(result.realParameters()[i]).append('\n');
        }
        csv.append("# ").append(snow ? "CemaNeige" : "").append(variant).append(' ').append(name).append(" = ").append(result.criterion())
                .append(" after ").append(result.runs()).append(" runs, ").append(result.method()).append('\n');
        Path outFile = Path.of(line.required("out"));
        Files.writeString(outFile, csv, StandardCharsets.UTF_8);
        err.println(result.summary() + " -> " + outFile);
    }

    private static Criterion criterion(String name) {
        for (Criterion c : Criterion.values()) {
            if (c.airGrName().equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        throw new CommandLine.UsageException("--criterion is one of NSE, KGE, KGE2, RMSE; got '" + name + "'");
    }

    private static FlowTransformation transformation(String text) {
        try {
            return FlowTransformation.parse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException("--transform: " + e.getMessage());
        }
    }
}
