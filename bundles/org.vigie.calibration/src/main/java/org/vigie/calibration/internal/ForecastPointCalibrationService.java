package org.vigie.calibration.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.ForecastPoint;
import org.vigie.api.Observation;
import org.vigie.api.Quantity;
import org.vigie.api.service.CalibrationJob;
import org.vigie.api.service.CalibrationService;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.ParameterSet;
import org.vigie.api.service.ParameterStore;
import org.vigie.api.service.SeriesStore;
import org.vigie.hydrology.internal.criteria.Criterion;
import org.vigie.hydrology.internal.criteria.CriterionSettings;
import org.vigie.hydrology.internal.criteria.EfficiencyCriteria;
import org.vigie.model.gr.internal.core.GrModel;
import org.vigie.model.gr.internal.core.GrOutputs;
import org.vigie.model.gr.internal.core.GrParameters;

/**
 * Calibrates a forecast point's GR model on the stored history of its station: rainfall and PET from the point's
 * inputs, observed discharge (m³/s, turned into mm per step with the point's {@code areaKm2}) as target, the year
 * before the period as warm-up. One calibration at a time, in the background; progress is visible in the job; the
 * result is stored as a new parameter version.
 */
@Component(service = CalibrationService.class)
public class ForecastPointCalibrationService implements CalibrationService {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastPointCalibrationService.class);

    private final CatchmentRegistry catchments;
    private final SeriesStore series;
    private final ParameterStore parameters;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "vigie-calibration"));
    private final Map<String, CalibrationJob> jobs = new ConcurrentHashMap<>();

    @Activate
    public ForecastPointCalibrationService(@Reference CatchmentRegistry catchments, @Reference SeriesStore series,
                                           @Reference ParameterStore parameters) {
        this(catchments, series, parameters, Clock.systemUTC());
    }

    ForecastPointCalibrationService(CatchmentRegistry catchments, SeriesStore series, ParameterStore parameters,
                                    Clock clock) {
        this.catchments = catchments;
        this.series = series;
        this.parameters = parameters;
        this.clock = clock;
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
    }

    @Override
    public CalibrationJob start(String forecastPointId, Instant from, Instant to, String criterionName,
                                String method) {
        ForecastPoint point = catchments.forecastPoints().stream().filter(p -> p.id().equals(forecastPointId))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown forecast point " + forecastPointId));
        GrModel model;
        try {
            model = GrModel.valueOf(point.modelId().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("forecast point " + forecastPointId + " runs model '" + point.modelId()
                    + "'; only GR models can be calibrated");
        }
        if (point.quantity() != Quantity.Q) {
            throw new IllegalArgumentException("forecast point " + forecastPointId + " forecasts " + point.quantity()
                    + "; calibration needs observed discharge Q");
        }
        double area = point.parameters().getOrDefault("areaKm2", 0.0);
        if (!(area > 0)) {
            throw new IllegalArgumentException("forecast point " + forecastPointId + " has no areaKm2 parameter");
        }
        for (String input : List.of("P", "E")) {
            if (!point.inputs().containsKey(input)) {
                throw new IllegalArgumentException("forecast point " + forecastPointId + " names no input " + input);
            }
        }
        Criterion criterion = Arrays.stream(Criterion.values())
                .filter(c -> c.airGrName().equalsIgnoreCase(criterionName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("criterion is one of NSE, KGE, KGE2, RMSE"));
        Calibrator calibrator = switch (method.toLowerCase(Locale.ROOT)) {
            case "michel" -> new MichelCalibration();
            case "cmaes" -> new CmaesCalibration(CmaesOptions.defaults());
            default -> throw new IllegalArgumentException("method is michel or cmaes");
        };
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
        String id = UUID.randomUUID().toString();
        CalibrationJob job = new CalibrationJob(id, point.id(), point.modelId(), CalibrationJob.Status.RUNNING, 0,
                Double.NaN, Map.of(), "preparing inputs", clock.instant(), null);
        jobs.put(id, job);
        worker.submit(() -> run(job, point, model, area, from, to, criterion, calibrator));
        return job;
    }

    private void run(CalibrationJob job, ForecastPoint point, GrModel model, double area, Instant from, Instant to,
                     Criterion criterion, Calibrator calibrator) {
        try {
            Duration step = model.timeStep();
            Instant warmStart = from.atOffset(ZoneOffset.UTC).minusYears(1).toInstant();
            int runFrom = (int) (Duration.between(warmStart, from).toNanos() / step.toNanos());
            int steps = (int) (Duration.between(warmStart, to).toNanos() / step.toNanos());
            double[] p = grid(point.inputs().get("P"), warmStart, step, steps, true);
            double[] e = grid(point.inputs().get("E"), warmStart, step, steps, true);
            double[] qObserved = grid(new ForecastPoint.SeriesRef(point.stationCode(), Quantity.Q), warmStart, step,
                    steps, false);
            double toMillimetres = step.getSeconds() / (area * 1e3);
            double[] observed = new double[steps - runFrom];
            for (int i = 0; i < observed.length; i++) {
                observed[i] = qObserved[runFrom + i] * toMillimetres;
            }
            CalibrationObjective objective = x -> {
                GrParameters xs = model.parameters(x);
                double[] simulated = model.runAfterWarmUp(xs, model.defaultInitialState(xs), p, e, 0, runFrom,
                        runFrom, steps, GrOutputs.QSIM_ONLY).qsim();
                return EfficiencyCriteria.compute(criterion, observed, simulated, CriterionSettings.defaults()).value();
            };
            CriterionDefinition definition = criterion.biggerIsBetter()
                    ? CriterionDefinition.maximised(criterion.airGrName(), 1.0)
                    : CriterionDefinition.minimised(criterion.airGrName(), 0.0);
            AirGrModel space = AirGrModel.valueOf(model.name());
            List<String> names = model.parameters().stream().map(x -> x.symbol()).toList();
            CalibrationResult result = calibrator.calibrate(new CalibrationProblem(space.parameterSpace(), definition,
                    objective), progress -> jobs.put(job.id(), new CalibrationJob(job.id(), job.forecastPointId(),
                    job.modelId(), CalibrationJob.Status.RUNNING, progress.runs(), progress.bestCriterion(),
                    named(names, progress.bestRealParameters()), progress.phase().name().toLowerCase(Locale.ROOT),
                    job.startedAt(), null)));
            Map<String, Double> found = named(names, result.realParameters());
            ParameterSet stored = parameters.save(point.id(), point.modelId(), found, String.format(Locale.ROOT,
                    "%s %s=%.6f on %s..%s (%d runs)", result.method(), criterion.airGrName(), result.criterion(),
                    from, to, result.runs()));
            jobs.put(job.id(), new CalibrationJob(job.id(), job.forecastPointId(), job.modelId(),
                    CalibrationJob.Status.DONE, result.runs(), result.criterion(), found,
                    "stored as parameter version " + stored.version(), job.startedAt(), clock.instant()));
            LOG.info("calibrated {} ({}): {} -> parameter version {}", point.id(), point.modelId(), result.summary(),
                    stored.version());
        } catch (RuntimeException failure) {
            LOG.warn("calibration of {} failed: {}", point.id(), failure.getMessage());
            CalibrationJob last = jobs.get(job.id());
            jobs.put(job.id(), new CalibrationJob(job.id(), job.forecastPointId(), job.modelId(),
                    CalibrationJob.Status.FAILED, last.runs(), last.bestCriterion(), last.parameters(),
                    failure.getMessage(), job.startedAt(), clock.instant()));
        }
    }

    private static Map<String, Double> named(List<String> names, double[] values) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < names.size() && values != null && i < values.length; i++) {
            map.put(names.get(i), values[i]);
        }
        return map;
    }

    /** Values on the model grid; a missing forcing step is an error naming it, a missing observation is NaN. */
    private double[] grid(ForecastPoint.SeriesRef ref, Instant start, Duration step, int steps, boolean complete) {
        double[] values = new double[steps];
        Arrays.fill(values, Double.NaN);
        for (Observation o : series.read(ref.stationCode(), ref.quantity(), start, start.plus(step.multipliedBy(steps)))) {
            long offset = Duration.between(start, o.time()).toNanos();
            if (offset % step.toNanos() == 0 && Double.isNaN(values[(int) (offset / step.toNanos())])) {
                values[(int) (offset / step.toNanos())] = o.value();
            }
        }
        if (complete) {
            for (int i = 0; i < steps; i++) {
                if (Double.isNaN(values[i])) {
                    throw new IllegalArgumentException(ref.quantity() + " of " + ref.stationCode()
                            + " has no value for the step starting " + start.plus(step.multipliedBy(i))
                            + " (the calibration period and the year of warm-up before it must be complete)");
                }
            }
        }
        return values;
    }

    @Override
    public Optional<CalibrationJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public List<CalibrationJob> jobs() {
        List<CalibrationJob> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparing(CalibrationJob::startedAt).reversed());
        return all;
    }
}
