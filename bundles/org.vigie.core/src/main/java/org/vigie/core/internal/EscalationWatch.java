package org.vigie.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.AlertEvent;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.service.AlertStore;

/**
 * Escalates alerts nobody acknowledged in time: a station's current alert at or above the configured level, not
 * acknowledged within the delay, is queued for the escalation channels (e.g. the mayor's office by SMS). Runs only
 * when configured ({@code config/org.vigie.core.escalation.config}); each alert is escalated once per channel
 * (the store keeps one delivery per alert and channel), so a restart does not escalate twice.
 */
@Component(immediate = true, configurationPid = EscalationWatch.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EscalationWatch.Config.class)
public class EscalationWatch {

    static final String PID = "org.vigie.core.escalation";

    @ObjectClassDefinition(name = "Vigie alert escalation")
    public @interface Config {
        @AttributeDefinition(description = "Channels an unacknowledged alert is escalated to, e.g. email:cabinet")
        String[] channels();

        @AttributeDefinition(description = "Minutes an alert may stay unacknowledged before it is escalated")
        long afterMinutes() default 30;

        @AttributeDefinition(description = "Lowest level escalated: YELLOW, ORANGE or RED")
        String minimumLevel() default "ORANGE";

        @AttributeDefinition(description = "Seconds between two looks at the alerts")
        long checkSeconds() default 30;
    }

    private static final Logger LOG = LoggerFactory.getLogger(EscalationWatch.class);
    /** Alerts looked at each time: far more than a catchment's stations. */
    private static final int RECENT = 200;

    private final AlertStore alerts;
    private final List<String> channels;
    private final Duration after;
    private final VigilanceLevel minimum;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "vigie-escalation");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public EscalationWatch(@Reference AlertStore alerts, Config config) {
        this(alerts, List.of(config.channels()), Duration.ofMinutes(config.afterMinutes()),
                level(config.minimumLevel()), Clock.systemUTC());
        timer.scheduleWithFixedDelay(this::checkSafely, config.checkSeconds(), config.checkSeconds(), TimeUnit.SECONDS);
        LOG.info("alerts at {} or above not acknowledged within {} min are escalated to {}", minimum,
                config.afterMinutes(), channels);
    }

    EscalationWatch(AlertStore alerts, List<String> channels, Duration after, VigilanceLevel minimum, Clock clock) {
        if (channels.isEmpty() || channels.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException(PID + ": 'channels' must list at least one channel id");
        }
        if (after.isNegative()) {
            throw new IllegalArgumentException(PID + ": 'afterMinutes' must not be negative");
        }
        this.alerts = alerts;
        this.channels = List.copyOf(channels);
        this.after = after;
        this.minimum = minimum;
        this.clock = clock;
    }

    private static VigilanceLevel level(String name) {
        try {
            return VigilanceLevel.valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + ": 'minimumLevel' must be YELLOW, ORANGE or RED, got " + name, e);
        }
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again
            LOG.error("escalation check failed; next check as scheduled", e);
        }
    }

    /** @return the ids of the alerts escalated by this check */
    List<String> check() {
        Instant now = clock.instant();
        Set<String> seenStations = new HashSet<>();
        List<String> escalated = new java.util.ArrayList<>();
        for (AlertEvent event : alerts.events(RECENT)) {
            // only each station's latest event is its current alert
            if (!seenStations.add(event.stationCode()) || event.level().compareTo(minimum) < 0
                    || event.createdAt().plus(after).isAfter(now) || alerts.acknowledgement(event.id()).isPresent()) {
                continue;
            }
            List<String> added = alerts.queue(event.id(), channels, now, "not acknowledged within "
                    + after.toMinutes() + " min");
            if (!added.isEmpty()) {
                LOG.warn("{} {} not acknowledged within {} min: escalated to {}", event.stationCode(), event.level(),
                        after.toMinutes(), added);
                escalated.add(event.id());
            }
        }
        return escalated;
    }
}
