package org.vigie.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.AlertEvent;
import org.vigie.api.AlertEvent.Basis;
import org.vigie.api.Forecast;
import org.vigie.api.Observation;
import org.vigie.api.Quality;
import org.vigie.api.Station;
import org.vigie.api.Threshold;
import org.vigie.api.Threshold.Kind;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.service.AlertStore;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.SeriesStore;
import org.vigie.api.spi.AlertChannel;

/**
 * Evaluates thresholds on observations and forecasts and keeps each station's vigilance level: the highest level
 * its latest observations (level thresholds, and rate-of-rise thresholds apart) and its latest forecast of each
 * forecast point decide. Each change of a station's level becomes one {@link AlertEvent}, recorded with its
 * deliveries in the outbox in one transaction.
 *
 * <p>Each of these sources keeps its own level, entered and left by the rules of {@code docs/vigilance.md}:
 * hysteresis (a level is left only below threshold − hysteresis), minimum duration (observed values must have
 * stayed at or above the threshold that long, read back from the {@link SeriesStore}), rate of rise, forecast
 * exceedance probability within a horizon. The levels of the sources live in memory; after a restart a source not
 * yet evaluated again starts from the station's stored level, so that a value still within the hysteresis band,
 * or at or above a threshold it had already held for its minimum duration, neither ends nor raises the alert again.
 *
 * <p>Thresholds naming a local level ({@link Threshold#localLevel()}) also set the station's <em>local stage</em>:
 * the highest local threshold entered or held (same rules, hysteresis included) over the sources. A change of the
 * local stage while the level stays the same raises one {@link AlertEvent.Transition#LOCAL_STEP}; a change coming
 * with a change of level is told in that level's event. The local stages live in memory; after a restart the
 * threshold of each station's latest stored event (among the last {@value #RESTORED_EVENTS}) bounds them: a source
 * not yet evaluated holds local thresholds up to it, and the first evaluation takes the local stage silently unless
 * it is above that bound (then its LOCAL_STEP is raised) — no step is raised again for a stage already told.
 */
@Component(service = VigilanceMonitor.class, configurationPid = "org.vigie.core.alerts")
@Designate(ocd = VigilanceMonitor.Config.class)
public class VigilanceMonitor {

    @ObjectClassDefinition(name = "Vigie alerting", description = "How vigilance changes become alert deliveries")
    public @interface Config {
        @AttributeDefinition(name = "Channels", description = "Channel ids every alert is queued for, even when the "
                + "channel is momentarily absent (e.g. during its update); registered channels are added to these")
        String[] channels() default {"log"};

        @AttributeDefinition(name = "Routes", description = "<catchment id or *>/<lowest level>/<channel>, e.g."
                + " orleans/ORANGE/email:cabinet: a channel named here only receives the alerts its routes match;"
                + " channels named by no route receive every alert")
        String[] routes() default {};

        @AttributeDefinition(name = "Message template", description = "Text of every alert message; empty: the"
                + " built-in French text. Placeholders {titre} {niveau} {station} {code} {grandeur} {base} {valeur}"
                + " {quand} {seuil} {libelle} {probabilite} {tendance} {precedent}")
        String messageTemplate() default "";
    }

    private static final Logger LOG = LoggerFactory.getLogger(VigilanceMonitor.class);

    /**
     * Rises are differences of values divided by a time: 0.30 m in 3 h must reach a 0.10 m/h threshold although
     * (1.32 − 1.02) / 3 is 0.0999… in floating point.
     */
    private static final double RATE_TOLERANCE = 1e-9;

    /** How many of the latest stored events are read at the start to bound the stations' local stages. */
    static final int RESTORED_EVENTS = 1000;

    /**
     * Why a source puts a station at some level: one threshold reached by one value (with the rise per hour or the
     * exceedance probability that decided, NaN when none did).
     */
    private record Cause(VigilanceLevel level, Basis basis, Observation observation, Forecast forecast,
                         double value, Instant time, Threshold threshold, double rate, double probability,
                         Local local) {
    }

    /**
     * The local stage a source puts a station at: the highest local threshold it entered or held, with the value,
     * time and exceedance probability (NaN: none) that decided.
     */
    private record Local(Threshold threshold, double value, Instant time, double probability) {
    }

    /** A station's local stage and the source that decided it. */
    private record Stage(Local local, String source) {
    }

    /** The first lead time of a forecast reaching a bound, and the exceedance probability there (NaN: none). */
    private record Hit(int index, double probability) {
    }

    private final CatchmentRegistry catchments;
    private final AlertStore alerts;
    private final SeriesStore series;
    private final PluginLookup plugins;
    private final Set<String> configuredChannels;
    private volatile AlertRoutes routes = AlertRoutes.NONE;
    private volatile String messageTemplate = "";
    private final Clock clock;
    private final Map<String, VigilanceLevel> levels = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Cause>> causes = new HashMap<>();
    private final Map<String, Stage> stages = new HashMap<>();
    /** The threshold of each station's latest stored event at the start, until the station is evaluated again. */
    private final Map<String, Threshold> restoredBounds = new HashMap<>();

    @Activate
    public VigilanceMonitor(@Reference CatchmentRegistry catchments, @Reference AlertStore alerts,
                            @Reference SeriesStore series, @Reference PluginLookup plugins, Config config) {
        this(catchments, alerts, series, plugins, config.channels(), Clock.systemUTC());
        this.routes = AlertRoutes.parse(config.routes());
        this.messageTemplate = config.messageTemplate() == null ? "" : config.messageTemplate();
    }

    /** Words alert messages with {@code template} (see {@link AlertMessages#fromTemplate}); empty: built-in text. */
    void messageTemplate(String template) {
        this.messageTemplate = template == null ? "" : template;
    }

    /** Routes alerts by catchment and level (see {@link AlertRoutes}); none by default. */
    void route(AlertRoutes newRoutes) {
        this.routes = newRoutes;
    }

    /** Without a series store: minimum durations and rates of rise then see only the value evaluated. */
    VigilanceMonitor(CatchmentRegistry catchments, AlertStore alerts, PluginLookup plugins, String[] channels,
                     Clock clock) {
        this(catchments, alerts, null, plugins, channels, clock);
    }

    VigilanceMonitor(CatchmentRegistry catchments, AlertStore alerts, SeriesStore series, PluginLookup plugins,
                     String[] channels, Clock clock) {
        this.catchments = catchments;
        this.alerts = alerts;
        this.series = series;
        this.plugins = plugins;
        this.configuredChannels = new LinkedHashSet<>(Arrays.asList(channels));
        this.clock = clock;
        levels.putAll(alerts.currentLevels());
        Set<String> seen = new java.util.HashSet<>();
        for (AlertEvent event : alerts.events(RESTORED_EVENTS)) { // newest first
            if (seen.add(event.stationCode()) && event.threshold() != null
                    && event.threshold().kind() == Kind.LEVEL) {
                restoredBounds.put(event.stationCode(), event.threshold());
            }
        }
    }

    /**
     * Evaluates a station's latest observation of one quantity, with the recent stored values before it when a
     * threshold has a minimum duration or is a rate of rise.
     */
    public void observed(Observation latest) {
        List<Threshold> thresholds = catchments.thresholds(latest.stationCode(), latest.quantity());
        if (thresholds.isEmpty()) {
            return;
        }
        List<Threshold> valueThresholds = thresholds.stream().filter(t -> t.kind() == Kind.LEVEL).toList();
        List<Threshold> rateThresholds = thresholds.stream().filter(t -> t.kind() == Kind.RATE_OF_RISE).toList();
        List<Observation> history = history(latest, thresholds);
        String station = latest.stationCode();
        synchronized (this) {
            if (!valueThresholds.isEmpty()) {
                String key = "observed:" + latest.quantity();
                update(station, key, observedCause(valueThresholds, history, latest, previousLevel(station, key),
                        previousLocal(station, key)));
            }
            if (!rateThresholds.isEmpty()) {
                String key = "rate:" + latest.quantity();
                update(station, key, rateCause(rateThresholds, history, latest, previousLevel(station, key)));
            }
        }
    }

    /**
     * Evaluates a forecast run: the highest level it reaches within each threshold's horizon, by its deterministic
     * values or, for thresholds with a forecast probability, by its quantiles.
     */
    public void forecast(Forecast forecast) {
        List<Threshold> thresholds = catchments.thresholds(forecast.stationCode(), forecast.quantity()).stream()
                .filter(t -> t.kind() == Kind.LEVEL).toList();
        if (thresholds.isEmpty() || forecast.size() == 0) {
            return;
        }
        String station = forecast.stationCode();
        String key = "forecast:" + forecast.forecastPointId();
        synchronized (this) {
            update(station, key, forecastCause(thresholds, forecast, previousLevel(station, key),
                    previousLocal(station, key)));
        }
    }

    /** @return the current level of every station that has one */
    public Map<String, VigilanceLevel> levels() {
        return Map.copyOf(levels);
    }

    /** The level a source left the station at; a source not evaluated since the start takes the stored level. */
    private VigilanceLevel previousLevel(String station, String key) {
        Cause cause = causes.getOrDefault(station, Map.of()).get(key);
        return cause != null ? cause.level : levels.getOrDefault(station, VigilanceLevel.GREEN);
    }

    /**
     * The local threshold a source left the station at; a source not evaluated since the start takes the station's
     * local stage (none after a restart).
     */
    private Threshold previousLocal(String station, String key) {
        Cause cause = causes.getOrDefault(station, Map.of()).get(key);
        if (cause != null) {
            return cause.local == null ? null : cause.local.threshold;
        }
        Stage stage = stages.get(station);
        return stage != null ? stage.local.threshold : restoredBounds.get(station);
    }

    /** Whether a local threshold {@code t} is held: at or below the previous stage, value within its hysteresis. */
    private static boolean localHeld(Threshold t, Threshold previous) {
        return previous != null && !better(t, previous);
    }

    private static Cause observedCause(List<Threshold> thresholds, List<Observation> history, Observation latest,
                                       VigilanceLevel before, Threshold beforeLocal) {
        double value = latest.value();
        Threshold best = null;
        for (Threshold t : thresholds) {
            boolean entered = value >= t.value() && sustained(history, t);
            boolean held = !t.level().isAbove(before) && value >= t.value() - t.hysteresis();
            if ((entered || held) && better(t, best)) {
                best = t;
            }
        }
        Threshold local = null;
        for (Threshold t : thresholds) {
            if (!t.hasLocalLevel()) {
                continue;
            }
            boolean entered = value >= t.value() && sustained(history, t);
            boolean held = localHeld(t, beforeLocal) && value >= t.value() - t.hysteresis();
            if ((entered || held) && better(t, local)) {
                local = t;
            }
        }
        return new Cause(best == null ? VigilanceLevel.GREEN : best.level(), Basis.OBSERVED, latest, null, value,
                latest.time(), best, Double.NaN, Double.NaN,
                local == null ? null : new Local(local, value, latest.time(), Double.NaN));
    }

    private static Cause rateCause(List<Threshold> thresholds, List<Observation> history, Observation latest,
                                   VigilanceLevel before) {
        Threshold best = null;
        double bestRate = Double.NaN;
        for (Threshold t : thresholds) {
            double rate = risePerHour(history, t.rateWindow());
            boolean entered = rate >= t.value() - RATE_TOLERANCE;
            boolean held = !t.level().isAbove(before) && rate >= t.value() - t.hysteresis() - RATE_TOLERANCE;
            if ((entered || held) && better(t, best)) {
                best = t;
                bestRate = rate;
            }
        }
        return new Cause(best == null ? VigilanceLevel.GREEN : best.level(), Basis.OBSERVED, latest, null,
                latest.value(), latest.time(), best, bestRate, Double.NaN, null);
    }

    private static Cause forecastCause(List<Threshold> thresholds, Forecast forecast, VigilanceLevel before,
                                       Threshold beforeLocal) {
        Threshold best = null;
        Hit bestHit = null;
        for (Threshold t : thresholds) {
            Hit hit = firstLeadReaching(forecast, t, t.value());
            if (hit == null && !t.level().isAbove(before) && t.hysteresis() > 0) {
                hit = firstLeadReaching(forecast, t, t.value() - t.hysteresis());
            }
            if (hit != null && better(t, best)) {
                best = t;
                bestHit = hit;
            }
        }
        Threshold local = null;
        Hit localHit = null;
        for (Threshold t : thresholds) {
            if (!t.hasLocalLevel()) {
                continue;
            }
            Hit hit = firstLeadReaching(forecast, t, t.value());
            if (hit == null && localHeld(t, beforeLocal) && t.hysteresis() > 0) {
                hit = firstLeadReaching(forecast, t, t.value() - t.hysteresis());
            }
            if (hit != null && better(t, local)) {
                local = t;
                localHit = hit;
            }
        }
        int i = bestHit == null ? 0 : bestHit.index;
        return new Cause(best == null ? VigilanceLevel.GREEN : best.level(), Basis.FORECAST, null, forecast,
                forecast.value(i), forecast.validTime(i), best, Double.NaN,
                bestHit == null ? Double.NaN : bestHit.probability,
                local == null ? null : new Local(local, forecast.value(localHit.index),
                        forecast.validTime(localHit.index), localHit.probability));
    }

    /** Whether {@code t} is a more severe (or, at the same level, higher) threshold than {@code best}. */
    private static boolean better(Threshold t, Threshold best) {
        return best == null || t.level().isAbove(best.level())
                || (t.level() == best.level() && t.value() > best.value());
    }

    /**
     * The first lead time within the threshold's horizon whose value is at or above {@code bound} — or, for a
     * threshold with a forecast probability and a forecast with quantiles, whose probability of exceeding
     * {@code bound} is at least that probability.
     */
    private static Hit firstLeadReaching(Forecast forecast, Threshold t, double bound) {
        boolean probabilistic = t.forecastProbability() > 0 && !forecast.quantiles().isEmpty();
        double[] probabilities = probabilistic ? forecast.exceedanceProbabilities(bound) : null;
        for (int i = 0; i < forecast.size(); i++) {
            if (t.forecastWithin() != null && forecast.leadTimes().get(i).compareTo(t.forecastWithin()) > 0) {
                break;
            }
            if (probabilistic ? probabilities[i] >= t.forecastProbability() : forecast.value(i) >= bound) {
                return new Hit(i, probabilistic ? probabilities[i] : Double.NaN);
            }
        }
        return null;
    }

    /**
     * Whether the values ending with the latest one have all been at or above the threshold for at least its
     * minimum duration: the run of consecutive values at or above it must begin {@code minDuration} or more before
     * the latest value.
     */
    private static boolean sustained(List<Observation> history, Threshold t) {
        if (t.minDuration().isZero()) {
            return true;
        }
        Instant latest = history.get(history.size() - 1).time();
        Instant start = latest;
        for (int i = history.size() - 1; i >= 0 && history.get(i).value() >= t.value(); i--) {
            start = history.get(i).time();
        }
        return Duration.between(start, latest).compareTo(t.minDuration()) >= 0;
    }

    /**
     * The rise per hour over a window ending at the latest value: (last − first) / (their time apart, in hours) over
     * the values within the window; NaN with fewer than two values or when they span less than half the window.
     */
    static double risePerHour(List<Observation> history, Duration window) {
        Observation last = history.get(history.size() - 1);
        Instant from = last.time().minus(window);
        Observation first = null;
        for (Observation o : history) {
            if (!o.time().isBefore(from) && !Double.isNaN(o.value())) {
                first = o;
                break;
            }
        }
        if (first == null || Double.isNaN(last.value())) {
            return Double.NaN;
        }
        Duration span = Duration.between(first.time(), last.time());
        if (span.isZero() || span.compareTo(window.dividedBy(2)) < 0) {
            return Double.NaN;
        }
        return (last.value() - first.value()) / (span.toMillis() / 3_600_000.0);
    }

    /**
     * The latest observation preceded by the stored values of the last two longest minimum durations or rate
     * windows (one value per time, the first source's; BAD values left out), in time order.
     */
    private List<Observation> history(Observation latest, List<Threshold> thresholds) {
        Duration reach = Duration.ZERO;
        for (Threshold t : thresholds) {
            reach = max(reach, max(t.minDuration(), t.rateWindow() == null ? Duration.ZERO : t.rateWindow()));
        }
        List<Observation> history = new ArrayList<>();
        if (series != null && !reach.isZero()) {
            Instant last = null;
            for (Observation o : series.read(latest.stationCode(), latest.quantity(),
                    latest.time().minus(reach.multipliedBy(2)), latest.time())) {
                if (o.quality() != Quality.BAD && (last == null || o.time().isAfter(last))) {
                    history.add(o);
                    last = o.time();
                }
            }
        }
        history.add(latest);
        return history;
    }

    /**
     * Observed: the value against the one about three hours before it. Forecast: the decisive value against the
     * forecast's last one, i.e. whether it goes on rising after reaching the threshold.
     */
    private String trend(Cause cause) {
        if (cause.forecast != null) {
            return AlertMessages.trend(cause.value, cause.forecast.value(cause.forecast.size() - 1));
        }
        if (series == null || cause.observation == null) {
            return null;
        }
        List<Observation> recent = series.read(cause.observation.stationCode(), cause.observation.quantity(),
                cause.time.minus(Duration.ofHours(3)), cause.time);
        return recent.isEmpty() ? null : AlertMessages.trend(recent.get(0).value(), cause.value);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private synchronized void update(String station, String key, Cause cause) {
        Map<String, Cause> stationCauses = causes.computeIfAbsent(station, s -> new HashMap<>());
        stationCauses.put(key, cause);
        Cause decisive = stationCauses.values().stream()
                .reduce((a, b) -> b.level.isAbove(a.level) ? b : a).orElseThrow();
        VigilanceLevel before = levels.getOrDefault(station, VigilanceLevel.GREEN);
        Stage stageBefore = stages.get(station);
        Stage stageAfter = null;
        for (Map.Entry<String, Cause> source : stationCauses.entrySet()) {
            Local local = source.getValue().local;
            if (local != null && (stageAfter == null || better(local.threshold, stageAfter.local.threshold))) {
                stageAfter = new Stage(local, source.getKey());
            }
        }
        Threshold localAfter = stageAfter == null ? null : stageAfter.local.threshold;
        Threshold bound = restoredBounds.remove(station);
        if (bound != null && stageBefore == null && (localAfter == null || !better(localAfter, bound))) {
            // first evaluation after a restart, at or below the stage last told: taken without a step
            stageBefore = stageAfter;
            setStage(station, stageAfter);
        }
        Threshold localBefore = stageBefore == null ? null : stageBefore.local.threshold;
        boolean stageChanged = !sameStage(localBefore, localAfter);
        if (decisive.level == before) {
            if (stageChanged) {
                localStep(station, before, stageBefore, stageAfter, stationCauses);
            }
            return;
        }
        AlertEvent event = new AlertEvent(UUID.randomUUID().toString(), station,
                AlertEvent.Transition.between(before, decisive.level), decisive.level, before, decisive.basis,
                decisive.observation != null ? decisive.observation.quantity() : decisive.forecast.quantity(),
                decisive.value, decisive.time, decisive.threshold, clock.instant(), "");
        Station where = catchments.station(station).orElse(null);
        String text = messageTemplate.isBlank()
                ? AlertMessages.body(event, where, decisive.rate, decisive.probability, trend(decisive))
                : AlertMessages.fromTemplate(messageTemplate, event, where, decisive.probability, trend(decisive));
        if (stageChanged && messageTemplate.isBlank()) {
            text = text + " " + AlertMessages.localStageChange(localBefore, localAfter);
        }
        event = new AlertEvent(event.id(), station, event.transition(), event.level(), event.previousLevel(),
                event.basis(), event.quantity(), event.value(), event.valueTime(), event.threshold(),
                event.createdAt(), text);
        record(station, event);
        levels.put(station, decisive.level);
        setStage(station, stageAfter);
    }

    /** Same local stage: the same local level name at the same level and value (a reloaded catchment keeps it). */
    private static boolean sameStage(Threshold a, Threshold b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.localLevel().equals(b.localLevel()) && a.level() == b.level() && a.value() == b.value();
    }

    private void setStage(String station, Stage stage) {
        if (stage == null) {
            stages.remove(station);
        } else {
            stages.put(station, stage);
        }
    }

    /**
     * Raises the LOCAL_STEP of a change of local stage within an unchanged level: going up, the threshold reached
     * (with the value that reached it); going down, the threshold left (with the latest value of the source that
     * had set it).
     */
    private void localStep(String station, VigilanceLevel level, Stage before, Stage after,
                           Map<String, Cause> stationCauses) {
        boolean up = before == null || (after != null && better(after.local.threshold, before.local.threshold));
        Threshold crossed = up ? after.local.threshold : before.local.threshold;
        Cause source = stationCauses.get(up ? after.source : before.source);
        double value = up ? after.local.value : source.value;
        Instant time = up ? after.local.time : source.time;
        double probability = up ? after.local.probability : Double.NaN;
        AlertEvent event = new AlertEvent(UUID.randomUUID().toString(), station, AlertEvent.Transition.LOCAL_STEP,
                level, level, source.basis, crossed.quantity(), value, time, crossed, clock.instant(), "");
        Station where = catchments.station(station).orElse(null);
        Cause told = new Cause(level, source.basis, source.observation, source.forecast, value, time, crossed,
                Double.NaN, probability, null);
        String trend = trend(told);
        String text = messageTemplate.isBlank()
                ? AlertMessages.localStepBody(event, where, up, after == null ? null : after.local.threshold,
                        probability, trend)
                : AlertMessages.fromTemplate(messageTemplate, event, where, probability, trend);
        event = new AlertEvent(event.id(), station, event.transition(), event.level(), event.previousLevel(),
                event.basis(), event.quantity(), event.value(), event.valueTime(), event.threshold(),
                event.createdAt(), text);
        record(station, event);
        setStage(station, after);
    }

    private void record(String station, AlertEvent event) {
        Set<String> candidates = new LinkedHashSet<>(configuredChannels);
        for (AlertChannel channel : plugins.channels()) {
            candidates.add(channel.id());
        }
        List<String> catchmentIds = catchments.catchments().stream()
                .filter(c -> c.stations().stream().anyMatch(s -> s.code().equals(station))).map(c -> c.id()).toList();
        Set<String> channels = routes.channelsFor(event, catchmentIds, candidates);
        alerts.record(event, channels);
        LOG.warn("{} — queued for {}", event.message(), channels);
    }
}
