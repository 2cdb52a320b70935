package org.vigie.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Forecast;
import org.vigie.api.ForecastPoint;
import org.vigie.api.Quantity;
import org.vigie.api.RatingCurve;
import org.vigie.api.TimeSeries;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.CycleReport;
import org.vigie.api.service.ForecastArchive;
import org.vigie.api.service.ForecastService;
import org.vigie.api.service.ModelStateStore;
import org.vigie.api.service.ParameterStore;
import org.vigie.api.service.RatingCurveStore;
import org.vigie.api.service.SeriesStore;
import org.vigie.api.spi.ModelRequest;
import org.vigie.api.spi.ModelResult;
import org.vigie.api.spi.ModelState;
import org.vigie.api.spi.RiverModel;

/**
 * Runs forecast cycles on a fixed period (and on demand): for every forecast point of every installed catchment,
 * reads the observed past, restores the model state, runs the model, archives the forecast and the new state, and
 * evaluates thresholds on the forecast. Cycles never overlap.
 */
@Component(service = ForecastService.class, configurationPid = "org.vigie.core.forecast")
@Designate(ocd = ForecastScheduler.Config.class)
public class ForecastScheduler implements ForecastService {

    @ObjectClassDefinition(name = "Vigie forecast cycles")
    public @interface Config {
        @AttributeDefinition(name = "Cycle period (s)", description = "Time between the starts of two cycles")
        long cyclePeriodSeconds() default 300;

        @AttributeDefinition(name = "First cycle delay (s)", description = "Delay from start-up to the first cycle")
        long firstCycleDelaySeconds() default 10;

        @AttributeDefinition(name = "Model wait (ms)", description = "How long a cycle waits for a model that is "
                + "momentarily absent (being updated) before reporting the forecast point as failed")
        long modelWaitMillis() default 5000;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ForecastScheduler.class);

    private final CatchmentRegistry catchments;
    private final PluginLookup plugins;
    private final SeriesStore series;
    private final ForecastArchive archive;
    private final ModelStateStore states;
    private final ParameterStore parameterStore;
    private final RatingCurveStore ratingCurves;
    private final VigilanceMonitor vigilance;
    private final long modelWaitMillis;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final AtomicLong cycles = new AtomicLong();
    private final AtomicReference<CycleReport> last = new AtomicReference<>();

    @Activate
    public ForecastScheduler(@Reference CatchmentRegistry catchments, @Reference PluginLookup plugins,
                             @Reference SeriesStore series, @Reference ForecastArchive archive,
                             @Reference ModelStateStore states, @Reference ParameterStore parameterStore,
                             @Reference RatingCurveStore ratingCurves, @Reference VigilanceMonitor vigilance,
                             Config config) {
        this(catchments, plugins, series, archive, states, parameterStore, ratingCurves, vigilance,
                config.modelWaitMillis(), Clock.systemUTC());
        if (config.cyclePeriodSeconds() <= 0) {
            throw new IllegalArgumentException("cyclePeriodSeconds must be positive, got " + config.cyclePeriodSeconds());
        }
        executor.scheduleAtFixedRate(this::scheduledCycle, config.firstCycleDelaySeconds(),
                config.cyclePeriodSeconds(), TimeUnit.SECONDS);
        LOG.info("forecast cycles every {} s, first in {} s", config.cyclePeriodSeconds(),
                config.firstCycleDelaySeconds());
    }

    ForecastScheduler(CatchmentRegistry catchments, PluginLookup plugins, SeriesStore series, ForecastArchive archive,
                      ModelStateStore states, ParameterStore parameterStore, RatingCurveStore ratingCurves,
                      VigilanceMonitor vigilance, long modelWaitMillis, Clock clock) {
        this.catchments = catchments;
        this.plugins = plugins;
        this.series = series;
        this.archive = archive;
        this.states = states;
        this.parameterStore = parameterStore;
        this.ratingCurves = ratingCurves;
        this.vigilance = vigilance;
        this.modelWaitMillis = modelWaitMillis;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "vigie-forecast-cycles"));
    }

    @Deactivate
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void scheduledCycle() {
        try {
            runCycle();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: the watch must go on
            LOG.error("forecast cycle failed", e);
        }
    }

    @Override
    public synchronized CycleReport runCycle() {
        Instant started = clock.instant();
        Instant issueTime = started.truncatedTo(ChronoUnit.SECONDS);
        List<String> produced = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (ForecastPoint point : catchments.forecastPoints()) {
            try {
                Forecast forecast = forecast(point, issueTime);
                produced.add(point.id());
                vigilance.forecast(forecast);
                Optional<Forecast> level = LevelForecasts.of(forecast, curves(point.stationCode()));
                if (level.isPresent()) {
                    archive.save(level.get());
                    vigilance.forecast(level.get());
                }
            } catch (RuntimeException e) {
                failures.add(point.id() + ": " + e.getMessage());
                LOG.warn("no forecast for {}: {}", point.id(), e.getMessage());
            }
        }
        CycleReport report = new CycleReport(cycles.incrementAndGet(), issueTime, started, clock.instant(), produced,
                failures);
        last.set(report);
        LOG.info("forecast cycle {} issued {}: {} forecasts, {} failures in {} ms", report.number(), issueTime,
                produced.size(), failures.size(), Duration.between(started, report.finished()).toMillis());
        return report;
    }

    @Override
    public Optional<CycleReport> lastCycle() {
        return Optional.ofNullable(last.get());
    }

    private Forecast forecast(ForecastPoint point, Instant issueTime) {
        PluginLookup.VersionedModel versioned = awaitModel(point.modelId());
        RiverModel model = versioned.model();
        // a stored (calibrated) parameter set overrides the catchment definition's values
        Map<String, Double> given = new LinkedHashMap<>(point.parameters());
        parameterStore.latest(point.id(), model.id()).ifPresent(set -> given.putAll(set.values()));
        Map<String, Double> parameters = model.descriptor().resolve(given);
        ModelState state = states.load(point.id(), model.id()).orElse(null);
        Instant historyStart = issueTime.minus(point.history());
        Map<String, TimeSeries> inputs = new LinkedHashMap<>();
        inputs.put(ModelRequest.TARGET, input(point.stationCode(), point.quantity(), historyStart,
                issueTime.plusNanos(1), point.step()));
        // inputs may reach beyond the issue time: a rainfall scenario stored ahead of time is part of them
        Instant horizonEnd = issueTime.plus(point.step().multipliedBy(point.horizonSteps())).plusNanos(1);
        point.inputs().forEach((name, ref) -> inputs.put(name, input(ref.stationCode(), ref.quantity(), historyStart,
                horizonEnd, point.step())));
        ModelResult result = model.run(new ModelRequest(issueTime, point.step(), point.horizonSteps(), parameters,
                state, inputs));
        if (result.forecast().size() != point.horizonSteps()) {
            throw new IllegalStateException("model " + model.id() + " returned " + result.forecast().size()
                    + " values for a " + point.horizonSteps() + "-step horizon");
        }
        // a model may align its steps to its own grid: lead times follow the times it returns
        List<Duration> leads = new ArrayList<>();
        for (int i = 0; i < result.forecast().size(); i++) {
            leads.add(Duration.between(issueTime, result.forecast().time(i)));
        }
        Forecast forecast = new Forecast(point.id(), point.stationCode(), point.quantity(), model.id(),
                versioned.bundleVersion(), issueTime, leads, result.forecast().values(), result.quantiles());
        archive.save(forecast);
        if (result.finalState() != null) {
            states.save(point.id(), result.finalState());
        }
        return forecast;
    }

    private PluginLookup.VersionedModel awaitModel(String id) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(modelWaitMillis);
        while (true) {
            Optional<PluginLookup.VersionedModel> model = plugins.model(id);
            if (model.isPresent()) {
                return model.get();
            }
            if (System.nanoTime() >= deadline) {
                throw new IllegalStateException("model '" + id + "' is not installed");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for model '" + id + "'");
            }
        }
    }

    /** The station's stage–discharge curves: shipped with its catchment, or fitted and stored since. */
    private List<RatingCurve> curves(String stationCode) {
        List<RatingCurve> shipped = catchments.catchments().stream().flatMap(c -> c.ratingCurves().stream())
                .filter(c -> c.stationCode().equals(stationCode)).toList();
        return LevelForecasts.merge(shipped, ratingCurves.curves(stationCode));
    }

    /** A model input from the store: faulty values left out, short gaps filled (see {@link ObservedSeries}). */
    private TimeSeries input(String stationCode, Quantity quantity, Instant from, Instant to, Duration step) {
        return ObservedSeries.of(series.read(stationCode, quantity, from, to),
                series.readFlags(stationCode, quantity, from, to), quantity, step);
    }
}
