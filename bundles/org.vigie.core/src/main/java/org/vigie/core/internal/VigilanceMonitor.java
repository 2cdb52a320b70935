package org.vigie.core.internal;

import java.time.Clock;
import java.time.Instant;
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
import org.vigie.api.Threshold;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.service.AlertStore;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.spi.AlertChannel;

/**
 * Evaluates thresholds on observations and forecasts and keeps each station's vigilance level: the highest level
 * reached by its latest observations and its latest forecasts. Each change of a station's level becomes one
 * {@link AlertEvent}, recorded with its deliveries in the outbox in one transaction.
 */
@Component(service = VigilanceMonitor.class, configurationPid = "org.vigie.core.alerts")
@Designate(ocd = VigilanceMonitor.Config.class)
public class VigilanceMonitor {

    @ObjectClassDefinition(name = "Vigie alerting", description = "How vigilance changes become alert deliveries")
    public @interface Config {
        @AttributeDefinition(name = "Channels", description = "Channel ids every alert is queued for, even when the "
                + "channel is momentarily absent (e.g. during its update); registered channels are added to these")
        String[] channels() default {"log"};
    }

    private static final Logger LOG = LoggerFactory.getLogger(VigilanceMonitor.class);

    /** Why a station is at some level: one threshold reached by one value. */
    private record Cause(VigilanceLevel level, Basis basis, Observation observation, Forecast forecast,
                         double value, Instant time, Threshold threshold) {
    }

    private final CatchmentRegistry catchments;
    private final AlertStore alerts;
    private final PluginLookup plugins;
    private final Set<String> configuredChannels;
    private final Clock clock;
    private final Map<String, VigilanceLevel> levels = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Cause>> causes = new HashMap<>();

    @Activate
    public VigilanceMonitor(@Reference CatchmentRegistry catchments, @Reference AlertStore alerts,
                            @Reference PluginLookup plugins, Config config) {
        this(catchments, alerts, plugins, config.channels(), Clock.systemUTC());
    }

    VigilanceMonitor(CatchmentRegistry catchments, AlertStore alerts, PluginLookup plugins, String[] channels,
                     Clock clock) {
        this.catchments = catchments;
        this.alerts = alerts;
        this.plugins = plugins;
        this.configuredChannels = new LinkedHashSet<>(Arrays.asList(channels));
        this.clock = clock;
        levels.putAll(alerts.currentLevels());
    }

    /** Evaluates a station's latest observation of one quantity. */
    public void observed(Observation latest) {
        List<Threshold> thresholds = catchments.thresholds(latest.stationCode(), latest.quantity());
        if (thresholds.isEmpty()) {
            return;
        }
        Threshold reached = Threshold.highestReached(thresholds, latest.value());
        update(latest.stationCode(), "observed:" + latest.quantity(),
                new Cause(reached == null ? VigilanceLevel.GREEN : reached.level(), Basis.OBSERVED, latest, null,
                        latest.value(), latest.time(), reached));
    }

    /** Evaluates a forecast run: the highest level any of its values reaches. */
    public void forecast(Forecast forecast) {
        List<Threshold> thresholds = catchments.thresholds(forecast.stationCode(), forecast.quantity());
        if (thresholds.isEmpty()) {
            return;
        }
        Cause worst = null;
        for (int i = 0; i < forecast.size(); i++) {
            Threshold reached = Threshold.highestReached(thresholds, forecast.value(i));
            VigilanceLevel level = reached == null ? VigilanceLevel.GREEN : reached.level();
            if (worst == null || level.isAbove(worst.level)) {
                worst = new Cause(level, Basis.FORECAST, null, forecast, forecast.value(i), forecast.validTime(i),
                        reached);
            }
        }
        if (worst != null) {
            update(forecast.stationCode(), "forecast:" + forecast.forecastPointId(), worst);
        }
    }

    /** @return the current level of every station that has one */
    public Map<String, VigilanceLevel> levels() {
        return Map.copyOf(levels);
    }

    private synchronized void update(String station, String key, Cause cause) {
        Map<String, Cause> stationCauses = causes.computeIfAbsent(station, s -> new HashMap<>());
        stationCauses.put(key, cause);
        Cause decisive = stationCauses.values().stream()
                .reduce((a, b) -> b.level.isAbove(a.level) ? b : a).orElseThrow();
        VigilanceLevel before = levels.getOrDefault(station, VigilanceLevel.GREEN);
        if (decisive.level == before) {
            return;
        }
        AlertEvent event = new AlertEvent(UUID.randomUUID().toString(), station,
                AlertEvent.Transition.between(before, decisive.level), decisive.level, before, decisive.basis,
                decisive.observation != null ? decisive.observation.quantity() : decisive.forecast.quantity(),
                decisive.value, decisive.time, decisive.threshold, clock.instant(), "");
        event = withMessage(event);
        Set<String> channels = new LinkedHashSet<>(configuredChannels);
        for (AlertChannel channel : plugins.channels()) {
            channels.add(channel.id());
        }
        alerts.record(event, channels);
        levels.put(station, decisive.level);
        LOG.warn("{} — queued for {}", event.message(), channels);
    }

    private AlertEvent withMessage(AlertEvent e) {
        String text = AlertMessages.body(e, catchments.station(e.stationCode()).orElse(null));
        return new AlertEvent(e.id(), e.stationCode(), e.transition(), e.level(), e.previousLevel(), e.basis(),
                e.quantity(), e.value(), e.valueTime(), e.threshold(), e.createdAt(), text);
    }
}
