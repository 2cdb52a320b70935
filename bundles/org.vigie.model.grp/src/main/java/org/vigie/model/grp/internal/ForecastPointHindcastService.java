package org.vigie.model.grp.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.ForecastPoint;
import org.vigie.api.Quantity;
import org.vigie.api.Threshold;
import org.vigie.api.service.CalibrationJob;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.HindcastJob;
import org.vigie.api.service.HindcastService;
import org.vigie.api.service.ModelStateStore;
import org.vigie.api.service.ParameterSet;
import org.vigie.api.service.ParameterStore;
import org.vigie.api.service.SeriesStore;
import org.vigie.forecasting.internal.ChainSettings;
import org.vigie.forecasting.internal.ForecastState;
import org.vigie.forecasting.internal.GrpForecaster;
import org.vigie.forecasting.internal.HindcastExperiment;
import org.vigie.forecasting.internal.HindcastProgressListener;
import org.vigie.forecasting.internal.HindcastReport;
import org.vigie.forecasting.internal.LeadScores;
import org.vigie.forecasting.internal.RainfallScenario;
import org.vigie.forecasting.internal.ReportContext;
import org.vigie.forecasting.internal.ResetPolicy;
import org.vigie.forecasting.internal.calibration.MichelChainCalibrator;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrParameters;

/**
 * Hindcasts of the forecast points that run a GRP model ({@code grp-gr4h}, {@code grp-gr4j}) on their stored
 * history, and makes what they learn the points' own. A job:
 * <ol>
 * <li>reads the point's target discharge and its P and E inputs from the {@link SeriesStore} ({@link HindcastInputs}),
 * from a year before the periods (warm-up) to the present;</li>
 * <li>runs the forecasting library's {@link HindcastExperiment}: X1…X4 calibrated by airGR's Michel procedure (NSE)
 * on the calibration period — or the point's latest stored set when so configured —, the output correction and the
 * uncertainty learnt on the calibration period, then every step of the verified period forecast as in real time
 * and scored per lead;</li>
 * <li>assimilates the whole history with the new parameters and correction, to position a GR state consistent with
 * them at the end of the stored data;</li>
 * <li>stores the learnt chain (and that state, when it is recent enough for the next cycle to resume from it) in the
 * point's model state, then the calibrated parameters as a new parameter version (origin "hindcast …"), keeps the
 * scores and the HTML report.</li>
 * </ol>
 * One job at a time per forecast point; jobs run one after the other on a background thread, and stop when the
 * component is deactivated. Jobs and reports are kept in memory until the bundle stops.
 */
@Component(service = HindcastService.class, configurationPid = "org.vigie.model.grp.hindcast")
@Designate(ocd = ForecastPointHindcastService.Config.class)
public class ForecastPointHindcastService implements HindcastService {

    @ObjectClassDefinition(name = "Vigie GRP hindcasts",
            description = "How hindcasts of the forecast points running grp-gr4h / grp-gr4j learn and verify")
    public @interface Config {
        @AttributeDefinition(name = "Rainfall scenario", description = "Future rainfall while learning and verifying:"
                + " 'zero' (what the forecast cycle runs without a rainfall forecast, the default) or 'observed' (the"
                + " rain that fell: a perfect rainfall forecast, which makes the learnt band too narrow for zero-rain"
                + " cycles)")
        String rainfallScenario() default "zero";

        @AttributeDefinition(name = "Reuse stored parameters", description = "true: use the forecast point's latest"
                + " stored parameter set (X1..X4) instead of calibrating them on the calibration period")
        boolean reuseStoredParameters() default false;
    }

    /** A calibration period needs at least this many observed discharges, a verified period as many as its leads. */
    static final int MIN_OBSERVED_STEPS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(ForecastPointHindcastService.class);

    private final CatchmentRegistry catchments;
    private final SeriesStore series;
    private final ParameterStore parameters;
    private final ModelStateStore states;
    private final RainfallScenario scenario;
    private final boolean reuseStoredParameters;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "vigie-grp-hindcast");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, HindcastJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, String> reports = new ConcurrentHashMap<>();
    /** forecast point → id of its queued or running job */
    private final Map<String, String> active = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    @Activate
    public ForecastPointHindcastService(@Reference CatchmentRegistry catchments, @Reference SeriesStore series,
                                        @Reference ParameterStore parameters, @Reference ModelStateStore states,
                                        Config config) {
        this(catchments, series, parameters, states, RainfallScenario.parse(config.rainfallScenario()),
                config.reuseStoredParameters(), Clock.systemUTC());
    }

    ForecastPointHindcastService(CatchmentRegistry catchments, SeriesStore series, ParameterStore parameters,
                                 ModelStateStore states, RainfallScenario scenario, boolean reuseStoredParameters,
                                 Clock clock) {
        this.catchments = catchments;
        this.series = series;
        this.parameters = parameters;
        this.states = states;
        this.scenario = scenario;
        this.reuseStoredParameters = reuseStoredParameters;
        this.clock = clock;
    }

    @Deactivate
    void stop() throws InterruptedException {
        stopping = true;
        worker.shutdownNow();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("a hindcast did not stop within 10 s");
        }
        for (String id : List.copyOf(active.values())) {
            finish(id, CalibrationJob.Status.FAILED, "stopped: the hindcast service was deactivated (bundle stopped or"
                    + " updated); start it again", null);
        }
    }

    /** What a job works on, checked before it starts. */
    private record Request(ForecastPoint point, GrModel variant, double area, Instant calibrateFrom,
                           Instant calibrateTo, Instant from, Instant to) {
    }

    @Override
    public HindcastJob start(String forecastPointId, Instant calibrateFrom, Instant calibrateTo, Instant from,
                             Instant to) {
        Request request = check(forecastPointId, calibrateFrom, calibrateTo, from, to);
        String id = UUID.randomUUID().toString();
        String running = active.putIfAbsent(request.point().id(), id);
        if (running != null) {
            throw new IllegalStateException("a hindcast of forecast point " + request.point().id()
                    + " is already running: job " + running);
        }
        HindcastJob job = new HindcastJob(id, request.point().id(), CalibrationJob.Status.RUNNING, 0,
                "queued", List.of(), clock.instant(), null);
        jobs.put(id, job);
        try {
            worker.submit(() -> run(id, request));
        } catch (RuntimeException rejected) {
            finish(id, CalibrationJob.Status.FAILED, "the hindcast service is stopping", null);
        }
        return jobs.get(id);
    }

    private Request check(String pointId, Instant calibrateFrom, Instant calibrateTo, Instant from, Instant to) {
        if (calibrateFrom == null || calibrateTo == null || from == null || to == null) {
            throw new IllegalArgumentException("calibrateFrom, calibrateTo, from and to are all required");
        }
        ForecastPoint point = catchments.forecastPoints().stream().filter(p -> p.id().equals(pointId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown forecast point " + pointId));
        GrModel variant = GrpModels.variant(point.modelId()).orElseThrow(() -> new IllegalArgumentException(
                "forecast point " + pointId + " runs model '" + point.modelId() + "'; hindcasts learn the updating"
                        + " and uncertainty of the " + GrpModels.id(GrModel.GR4H) + " and " + GrpModels.id(GrModel.GR4J)
                        + " models"));
        if (point.quantity() != Quantity.Q) {
            throw new IllegalArgumentException("forecast point " + pointId + " forecasts " + point.quantity()
                    + "; " + point.modelId() + " forecasts discharge Q");
        }
        if (!point.step().equals(variant.timeStep())) {
            throw new IllegalArgumentException("forecast point " + pointId + " has a " + point.step() + " step, "
                    + point.modelId() + " runs on " + variant.timeStep());
        }
        for (String input : List.of(GrpRiverModel.PRECIPITATION, GrpRiverModel.EVAPOTRANSPIRATION)) {
            if (!point.inputs().containsKey(input)) {
                throw new IllegalArgumentException("forecast point " + pointId + " names no input " + input);
            }
        }
        double area = currentParameters(point).getOrDefault(GrpRiverModel.AREA, 0.0);
        if (!(area > 0) || Double.isInfinite(area)) {
            throw new IllegalArgumentException("forecast point " + pointId + " has no " + GrpRiverModel.AREA
                    + " parameter");
        }
        Duration step = variant.timeStep();
        for (Map.Entry<String, Instant> time : Map.of("calibrateFrom", calibrateFrom, "calibrateTo", calibrateTo,
                "from", from, "to", to).entrySet()) {
            if (!StepGrid.onGrid(time.getValue(), Instant.EPOCH, step)) {
                throw new IllegalArgumentException(time.getKey() + " " + time.getValue() + " is not on the model's "
                        + step + " grid (whole " + (variant.isHourly() ? "hours" : "UTC days") + ")");
            }
        }
        if (!calibrateFrom.isBefore(calibrateTo) || !from.isBefore(to)) {
            throw new IllegalArgumentException("calibrateFrom must be before calibrateTo, and from before to");
        }
        if (StepGrid.steps(calibrateFrom, calibrateTo, step) <= point.horizonSteps()) {
            throw new IllegalArgumentException("the calibration period must be longer than the forecast horizon of "
                    + point.horizonSteps() + " steps");
        }
        Instant now = clock.instant();
        if (calibrateTo.isAfter(now) || to.isAfter(now)) {
            throw new IllegalArgumentException("the calibration and verified periods must end by now (" + now + ")");
        }
        return new Request(point, variant, area, calibrateFrom, calibrateTo, from, to);
    }

    /** The parameters the forecast cycle would use: the catchment's, overridden by the latest stored set. */
    private Map<String, Double> currentParameters(ForecastPoint point) {
        Map<String, Double> given = new LinkedHashMap<>(point.parameters());
        parameters.latest(point.id(), point.modelId()).ifPresent(set -> given.putAll(set.values()));
        return given;
    }

    private void run(String id, Request request) {
        ForecastPoint point = request.point();
        GrModel variant = request.variant();
        Duration step = variant.timeStep();
        String modelId = point.modelId();
        try {
            Progress progress = new Progress(id, reuseStoredParameters);
            progress.onProgress("reading stored series", 0);
            Instant earliest = request.calibrateFrom().isBefore(request.from()) ? request.calibrateFrom()
                    : request.from();
            Instant latest = request.calibrateTo().isAfter(request.to()) ? request.calibrateTo() : request.to();
            Instant warmUp = earliest.atOffset(ZoneOffset.UTC).minusYears(1).toInstant();
            Instant now = StepGrid.alignedIssue(clock.instant(), step);
            HindcastInputs inputs = HindcastInputs.read(series, point, request.area(), step, warmUp, earliest,
                    latest, now.isAfter(latest) ? now : latest);
            int calibrateFrom = inputs.index(request.calibrateFrom());
            int calibrateTo = inputs.index(request.calibrateTo());
            int from = inputs.index(request.from());
            int to = inputs.index(request.to());
            int observed = inputs.observedBetween(calibrateFrom, calibrateTo);
            if (observed < MIN_OBSERVED_STEPS) {
                throw new IllegalArgumentException("too short: " + observed + " observed discharges of station "
                        + point.stationCode() + " in the calibration period, at least " + MIN_OBSERVED_STEPS
                        + " needed");
            }
            int verified = inputs.observedBetween(from, to);
            if (verified <= point.horizonSteps()) {
                throw new IllegalArgumentException("too short: " + verified + " observed discharges of station "
                        + point.stationCode() + " in the verified period, more than the horizon of "
                        + point.horizonSteps() + " steps needed");
            }
            progress.onProgress("reading stored series", 100);

            ChainSettings settings = ChainSettings.defaults(variant, calibrateFrom, calibrateTo, from, to,
                    point.horizonSteps()).withScenario(scenario).withThresholds(thresholds(point, request.area(),
                    step));
            Optional<ParameterSet> stored = parameters.latest(point.id(), modelId);
            String parameterOrigin;
            if (reuseStoredParameters) {
                ParameterSet set = stored.orElseThrow(() -> new IllegalArgumentException("forecast point "
                        + point.id() + " has no stored parameter set to reuse (reuseStoredParameters is on)"));
                settings = settings.withParameters(grValues(variant, set.values()));
                parameterOrigin = "stored parameter version " + set.version();
            } else {
                parameterOrigin = null;
            }
            HindcastExperiment.Result result = HindcastExperiment.run(inputs.series(), settings,
                    new MichelChainCalibrator(), progress, null);
            GrParameters found = result.parameters();
            if (parameterOrigin == null) {
                parameterOrigin = String.format(Locale.ROOT, "calibrated (Michel, %s=%.4f)",
                        result.calibration().criterionName(), result.calibration().criterion());
            }

            // a GR state consistent with the new parameters and correction, at the end of the stored data
            progress.onProgress("positioning the state", 0);
            LearntChain learnt = LearntChain.of(found.values(), request.calibrateFrom(), request.calibrateTo(),
                    request.from(), request.to(), result.errorModel(), result.uncertainty());
            GrpState state = stateToSave(point, variant, inputs, result, learnt, progress);
            progress.onProgress("positioning the state", 100);

            states.save(point.id(), state.write(modelId, variant));
            String storedParameters;
            if (reuseStoredParameters) {
                storedParameters = "parameters kept (" + parameterOrigin + ")";
            } else {
                ParameterSet saved = parameters.save(point.id(), modelId, named(variant, found.values()),
                        String.format(Locale.ROOT, "hindcast %s: calibrated on %s..%s (Michel %s=%.4f), verified on"
                                + " %s..%s", id, request.calibrateFrom(), request.calibrateTo(),
                                result.calibration().criterionName(), result.calibration().criterion(),
                                request.from(), request.to()));
                storedParameters = "parameters stored as version " + saved.version();
            }
            String report = report(id, request, inputs, result, parameterOrigin);
            reports.put(id, report);
            String message = String.format(Locale.ROOT, "%s; learnt the output correction (%s) and the"
                    + " uncertainty of %d leads x %d flow classes, stored in the model state (%s); %d forecasts"
                    + " verified, 10-90 %% band coverage %.3f; X1..X4 = %s", storedParameters,
                    describeCorrection(result), result.uncertainty().learntLeads(),
                    result.uncertainty().classCount(), describeState(state, point), result.verification().issues(),
                    result.verification().overallCoverage(), java.util.Arrays.toString(found.values()));
            finish(id, CalibrationJob.Status.DONE, message, scores(result));
            LOG.info("hindcast {} of {} ({}): {}", id, point.id(), modelId, message);
        } catch (CancellationException stopped) {
            finish(id, CalibrationJob.Status.FAILED, "stopped: the hindcast service was deactivated (bundle stopped"
                    + " or updated); start it again", null);
        } catch (RuntimeException failure) {
            String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            if (!(failure instanceof IllegalArgumentException || failure instanceof IllegalStateException)) {
                LOG.error("hindcast {} of {} failed", id, point.id(), failure);
                message = "internal error: " + failure;
            } else {
                LOG.warn("hindcast {} of {} failed: {}", id, point.id(), message);
            }
            finish(id, CalibrationJob.Status.FAILED, message, null);
        }
    }

    /**
     * The model state to store: the learnt chain with a GR state positioned by assimilating the whole history with
     * the new parameters and correction. When that position is older than the point's history window (the stored
     * data stop long before the present), the next cycle could not resume from it; the real-time part of the state
     * already stored is then kept (if any), so the next cycle does not have to warm up again.
     */
    private GrpState stateToSave(ForecastPoint point, GrModel variant, HindcastInputs inputs,
                                 HindcastExperiment.Result result, LearntChain learnt, Progress progress) {
        GrpForecaster forecaster = GrpForecaster.withCorrection(result.parameters(), ResetPolicy.MATCH_TOTAL,
                result.errorModel());
        int n = inputs.size();
        int lastObserved = n - 1;
        while (lastObserved >= 0 && Double.isNaN(inputs.observed()[lastObserved])) {
            lastObserved--;
        }
        int late = (int) (GrpRiverModel.LATE_DATA.toNanos() / inputs.step().toNanos());
        int end = Math.max(lastObserved + 1, n - late);
        ForecastState state = forecaster.initialState(variant.defaultInitialState(result.parameters()));
        double[] p = inputs.precipitation();
        double[] e = inputs.evaporation();
        double[] q = inputs.observed();
        for (int i = 0; i < end; i++) {
            state = forecaster.assimilate(state, p[i], e[i], q[i]).state();
            if (i % 1000 == 0) {
                progress.onProgress("positioning the state", (int) (100L * i / end));
            }
        }
        Instant positioned = inputs.times()[0].plus(inputs.step().multipliedBy(end));
        Instant windowStart = clock.instant().minus(point.history());
        if (positioned.isBefore(windowStart)) {
            GrpState existing = states.load(point.id(), point.modelId())
                    .map(s -> GrpState.read(s, point.modelId(), variant)).orElse(null);
            if (existing != null && existing.model() != null) {
                return new GrpState(existing.validAt(), existing.model(), existing.errors(), existing.errorTransform(),
                        learnt.variables(), learnt);
            }
        }
        return GrpState.of(positioned, state.model(), state.recentErrors(), result.errorModel().transform(), learnt);
    }

    private static String describeState(GrpState state, ForecastPoint point) {
        return "real-time state valid at " + state.validAt() + "; the next cycle resumes from it when it lies within"
                + " the point's " + point.history() + " history window, else warms up over that window";
    }

    private static String describeCorrection(HindcastExperiment.Result result) {
        if (result.errorModel() == null) {
            return "none";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Box-Cox λ=%s, φ=%.4f, b=",
                result.errorModel().transform().lambda(), result.errorModel().decay()));
        for (int j = 0; j < result.errorModel().order(); j++) {
            text.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.4f",
                    result.errorModel().coefficient(1, j)));
        }
        return text.toString();
    }

    private String report(String id, Request request, HindcastInputs inputs, HindcastExperiment.Result result,
                          String parameterOrigin) {
        Duration step = inputs.step();
        Instant[] readingTimes = new Instant[inputs.size()];
        for (int i = 0; i < readingTimes.length; i++) {
            readingTimes[i] = inputs.times()[i].plus(step); // a step's discharge is the reading at its end
        }
        ForecastPoint point = request.point();
        List<String> notes = List.of(
                "Forecast point " + point.id() + ", station " + point.stationCode() + ", model " + point.modelId()
                        + ", catchment area " + request.area() + " km2, horizon " + point.horizonSteps() + " steps.",
                "Learning (updating and uncertainty) on " + request.calibrateFrom() + " .. " + request.calibrateTo()
                        + "; verified forecasts issued every step of " + request.from() + " .. " + request.to() + ".",
                "Parameters: " + parameterOrigin + "; future rainfall: " + scenario.name().toLowerCase(Locale.ROOT)
                        + (scenario == RainfallScenario.ZERO ? " (as the forecast cycle without a rainfall forecast)"
                        : " (perfect rainfall forecast)") + ".",
                "Stored history read " + inputs.times()[0] + " .. " + inputs.times()[inputs.size() - 1].plus(step)
                        + " (" + inputs.size() + " steps); hindcast job " + id + ".");
        return HindcastReport.html(result, new ReportContext("Hindcast of " + point.id() + " (" + point.modelId()
                + ")", readingTimes, "m³/s", request.area() * 1e3 / step.getSeconds(),
                request.variant().isHourly() ? "h" : "d", notes));
    }

    /** The station's discharge thresholds, in mm per step. */
    private double[] thresholds(ForecastPoint point, double area, Duration step) {
        return catchments.thresholds(point.stationCode(), Quantity.Q).stream().mapToDouble(Threshold::value)
                .map(q -> q * step.getSeconds() / (area * 1e3)).sorted().distinct().toArray();
    }

    private static List<HindcastJob.LeadScore> scores(HindcastExperiment.Result result) {
        List<HindcastJob.LeadScore> scores = new ArrayList<>();
        for (LeadScores lead : result.verification().leads()) {
            scores.add(new HindcastJob.LeadScore(lead.lead(), lead.nse(), lead.kge(), lead.bias(), lead.coverage(),
                    lead.nsePersistence(), lead.nseNoUpdate()));
        }
        return scores;
    }

    private static double[] grValues(GrModel variant, Map<String, Double> values) {
        double[] x = new double[variant.parameters().size()];
        for (int i = 0; i < x.length; i++) {
            String symbol = variant.parameters().get(i).symbol();
            Double value = values.get(symbol);
            if (value == null) {
                throw new IllegalArgumentException("the stored parameter set lacks " + symbol);
            }
            x[i] = value;
        }
        return x;
    }

    private static Map<String, Double> named(GrModel variant, double[] values) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            named.put(variant.parameters().get(i).symbol(), values[i]);
        }
        return named;
    }

    private void finish(String id, CalibrationJob.Status status, String message, List<HindcastJob.LeadScore> leads) {
        HindcastJob last = jobs.get(id);
        if (last == null || last.status() != CalibrationJob.Status.RUNNING) {
            return;
        }
        jobs.put(id, new HindcastJob(id, last.forecastPointId(), status,
                status == CalibrationJob.Status.DONE ? 100 : last.percentDone(), message, leads, last.startedAt(),
                clock.instant()));
        active.remove(last.forecastPointId(), id);
    }

    /**
     * Maps the phases of a job to one percentage, and stops the computation (from the computing thread) when the
     * service is deactivated.
     */
    private final class Progress implements HindcastProgressListener {

        private final String id;
        /** [phase, start %, end %] */
        private final Object[][] phases;

        Progress(String id, boolean parametersGiven) {
            this.id = id;
            this.phases = parametersGiven ? new Object[][] {
                {"reading stored series", 0, 5}, {"updating fit", 5, 20}, {"uncertainty", 20, 35},
                {"hindcast", 35, 95}, {"positioning the state", 95, 99}}
                : new Object[][] {{"reading stored series", 0, 5}, {"calibration", 5, 45}, {"updating fit", 45, 55},
                    {"uncertainty", 55, 65}, {"hindcast", 65, 95}, {"positioning the state", 95, 99}};
        }

        @Override
        public void onProgress(String phase, int percent) {
            if (stopping || Thread.currentThread().isInterrupted()) {
                throw new CancellationException("stopped");
            }
            for (Object[] known : phases) {
                if (known[0].equals(phase)) {
                    int from = (Integer) known[1];
                    int to = (Integer) known[2];
                    double done = from + (to - from) * Math.max(0, Math.min(percent, 100)) / 100.0;
                    HindcastJob last = jobs.get(id);
                    if (last != null && last.status() == CalibrationJob.Status.RUNNING) {
                        jobs.put(id, new HindcastJob(id, last.forecastPointId(), last.status(),
                                Math.max(done, last.percentDone()), phase, List.of(), last.startedAt(), null));
                    }
                    return;
                }
            }
        }
    }

    @Override
    public Optional<HindcastJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public List<HindcastJob> jobs() {
        List<HindcastJob> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparing(HindcastJob::startedAt).reversed());
        return all;
    }

    @Override
    public Optional<String> report(String id) {
        return Optional.ofNullable(reports.get(id));
    }
}
