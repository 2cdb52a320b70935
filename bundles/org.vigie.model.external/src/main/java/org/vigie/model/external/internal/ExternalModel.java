package org.vigie.model.external.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Quantity;
import org.vigie.api.RegularTimeSeries;
import org.vigie.api.spi.ModelDescriptor;
import org.vigie.api.spi.ModelRequest;
import org.vigie.api.spi.ModelResult;
import org.vigie.api.spi.ModelState;
import org.vigie.api.spi.RiverModel;

/**
 * An external program as a river model, one instance per factory configuration
 * {@code org.vigie.model.external-<name>}: each run writes the request to a fresh temporary folder (the CSV
 * contract of {@link RequestFiles}), runs the program there with a time limit, reads its {@code out/forecast.csv}
 * and optional {@code out/state.csv} strictly ({@link OutputFiles}), and deletes the folder.
 *
 * <p>A configuration error does not stop the service: it is logged, and every forecast of the model fails with it,
 * so the forecast point shows what to fix. The forecast quantiles q10/q50/q90, when the program writes them, are
 * returned as the result's internals of the same names.
 */
@Component(
        service = RiverModel.class,
        configurationPid = ExternalModel.CONFIGURATION_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ExternalModelConfig.class, factory = true)
public class ExternalModel implements RiverModel {

    static final String CONFIGURATION_PID = "org.vigie.model.external";
    /** The layout version of the state envelope; the variables are the program's own. */
    static final int STATE_FORMAT = 1;
    /** Environment variables every run receives. */
    static final String RUN_DIRECTORY_VARIABLE = "VIGIE_RUN_DIR";
    static final String OUTPUT_DIRECTORY_VARIABLE = "VIGIE_OUT_DIR";

    private static final Logger LOG = LoggerFactory.getLogger(ExternalModel.class);

    private final String id;
    private final ExternalModelSettings settings;
    private final String configurationError;
    private final ModelDescriptor descriptor;

    @Activate
    public ExternalModel(ExternalModelConfig config, BundleContext context) {
        String home = context.getProperty("vigie.home");
        Path base = Path.of(home == null ? System.getProperty("user.dir") : home);
        ExternalModelSettings parsed = null;
        String error = null;
        try {
            parsed = ExternalModelSettings.of(config, base);
        } catch (IllegalArgumentException e) {
            error = "configuration error in " + CONFIGURATION_PID + " for model '" + config.id() + "': "
                    + e.getMessage();
            LOG.error(error);
        }
        this.settings = parsed;
        this.configurationError = error;
        this.id = parsed != null ? parsed.id()
                : config.id() == null || config.id().isBlank() ? "external" : config.id().trim();
        this.descriptor = descriptor(parsed);
        if (parsed != null) {
            LOG.info("external model {} runs '{}' in {} (time limit {} s)", id, String.join(" ", parsed.command()),
                    parsed.workingDirectory(), parsed.timeLimit().toSeconds());
        }
    }

    ExternalModel(ExternalModelSettings settings) {
        this.settings = settings;
        this.configurationError = null;
        this.id = settings.id();
        this.descriptor = descriptor(settings);
    }

    private static ModelDescriptor descriptor(ExternalModelSettings settings) {
        if (settings == null) {
            return new ModelDescriptor(List.of(), List.of(), STATE_FORMAT, "external model (configuration error)");
        }
        return new ModelDescriptor(settings.inputs(), settings.parameters(), STATE_FORMAT, settings.description());
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ModelResult run(ModelRequest request) {
        if (configurationError != null) {
            throw new IllegalStateException(configurationError);
        }
        Map<String, Double> parameters = descriptor.resolve(request.parameters());
        Quantity quantity = request.input(ModelRequest.TARGET).quantity();
        Duration step = request.step();
        if (step.getNano() != 0) {
            throw new IllegalArgumentException(id + ": the step must be a whole number of seconds, got " + step);
        }
        long stepSeconds = step.getSeconds();
        Instant issue = Instant.ofEpochSecond(Math.floorDiv(request.issueTime().getEpochSecond(), stepSeconds)
                * stepSeconds);
        ModelState saved = request.initialState();
        ModelState state = saved != null && saved.modelId().equals(id) && saved.formatVersion() == STATE_FORMAT
                ? saved : null;

        Path folder;
        try {
            Files.createDirectories(settings.temporaryDirectory());
            folder = Files.createTempDirectory(settings.temporaryDirectory(), "vigie-" + id + "-");
        } catch (IOException e) {
            throw new IllegalStateException(prefix() + "cannot create a run folder in "
                    + settings.temporaryDirectory() + ": " + e.getMessage(), e);
        }
        boolean succeeded = false;
        try {
            ModelRequest resolved = new ModelRequest(request.issueTime(), step, request.horizonSteps(), parameters,
                    state, request.inputs());
            RequestFiles.write(folder, id, resolved, issue, state);
            ModelResult result = execute(folder, issue, step, request.horizonSteps(), quantity);
            succeeded = true;
            return result;
        } catch (IOException e) {
            throw new IllegalStateException(prefix() + "cannot write the request files: " + e.getMessage()
                    + kept(folder), e);
        } finally {
            if (succeeded || !settings.keepFailedRuns()) {
                delete(folder);
            }
        }
    }

    /** Runs the program on the request files in {@code folder}; every error message ends with {@link #kept}. */
    private ModelResult execute(Path folder, Instant issue, Duration step, int horizon, Quantity quantity) {
        Path out = folder.resolve(RequestFiles.OUTPUT_DIRECTORY);
        List<String> command = new ArrayList<>(settings.command());
        command.add(folder.toString());
        Map<String, String> environment = new HashMap<>(settings.environment());
        environment.put(RUN_DIRECTORY_VARIABLE, folder.toString());
        environment.put(OUTPUT_DIRECTORY_VARIABLE, out.toString());
        Path stderr = folder.resolve("stderr.txt");
        ProcessRunner.Outcome outcome;
        try {
            outcome = ProcessRunner.run(command, settings.workingDirectory(), environment, settings.timeLimit(),
                    folder.resolve("stdout.txt"), stderr);
        } catch (IOException e) {
            throw new IllegalStateException(prefix() + "cannot start '" + String.join(" ", settings.command())
                    + "' in " + settings.workingDirectory() + ": " + e.getMessage() + kept(folder), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(prefix() + "interrupted; the program was killed" + kept(folder), e);
        }
        if (outcome.timedOut()) {
            throw new IllegalStateException(prefix() + "exceeded its time limit of " + settings.timeLimit().toSeconds()
                    + " s and was killed" + (outcome.killed() == 0 ? "" : ", with the " + outcome.killed() + " process"
                    + (outcome.killed() == 1 ? "" : "es") + " it had started") + stderrSuffix(stderr) + kept(folder));
        }
        if (outcome.exitCode() != 0) {
            throw new IllegalStateException(prefix() + "exited with status " + outcome.exitCode()
                    + stderrSuffix(stderr) + kept(folder));
        }
        OutputFiles.Forecast forecast;
        Map<String, double[]> variables;
        try {
            forecast = OutputFiles.forecast(out, issue, step, horizon);
            variables = OutputFiles.state(out);
        } catch (OutputFiles.InvalidOutput e) {
            throw new IllegalStateException(prefix() + e.getMessage() + stderrSuffix(stderr) + kept(folder));
        }
        LOG.debug("external model {} ran in {} ms", id, outcome.elapsed().toMillis());
        ModelState next = variables == null ? null : new ModelState(id, STATE_FORMAT, issue, variables);
        // the forecast is in the quantity and unit of the observed target
        return new ModelResult(new RegularTimeSeries(quantity, issue.plus(step), step, forecast.values()),
                next, forecast.quantiles());
    }

    private String prefix() {
        return "external model '" + id + "': ";
    }

    private String kept(Path folder) {
        return settings.keepFailedRuns() ? " (run folder kept: " + folder + ")" : "";
    }

    private static String stderrSuffix(Path stderr) {
        String tail = ProcessRunner.tail(stderr);
        return tail.isEmpty() ? "; no error output" : "; error output: " + tail;
    }

    private static void delete(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete the run folder {}: {}", folder, e.getMessage());
        }
    }
}
