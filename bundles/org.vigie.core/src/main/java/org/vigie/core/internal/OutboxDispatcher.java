package org.vigie.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.AlertEvent;
import org.vigie.api.service.AlertStore;
import org.vigie.api.service.CatchmentRegistry;
import org.vigie.api.service.OutboxEntry;
import org.vigie.api.spi.AlertChannel;
import org.vigie.api.spi.AlertMessage;
import org.vigie.api.spi.DeliveryResult;

/**
 * Empties the persistent outbox: delivers each due entry through its channel if that channel is registered,
 * backs off exponentially on failure, and leaves entries of absent channels waiting.
 */
@Component(immediate = true, configurationPid = "org.vigie.core.outbox")
@Designate(ocd = OutboxDispatcher.Config.class)
public class OutboxDispatcher {

    @ObjectClassDefinition(name = "Vigie alert outbox")
    public @interface Config {
        @AttributeDefinition(name = "Poll interval (ms)")
        long pollMillis() default 1000;

        @AttributeDefinition(name = "First retry delay (s)", description = "Doubles at each failed attempt")
        long firstRetrySeconds() default 5;

        @AttributeDefinition(name = "Longest retry delay (s)")
        long maxRetrySeconds() default 900;
    }

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final AlertStore alerts;
    private final PluginLookup plugins;
    private final CatchmentRegistry catchments;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    @Activate
    public OutboxDispatcher(@Reference AlertStore alerts, @Reference PluginLookup plugins,
                            @Reference CatchmentRegistry catchments, Config config) {
        this(alerts, plugins, catchments, Duration.ofSeconds(config.firstRetrySeconds()),
                Duration.ofSeconds(config.maxRetrySeconds()), Clock.systemUTC());
        executor.scheduleWithFixedDelay(this::safeDispatch, config.pollMillis(), config.pollMillis(),
                TimeUnit.MILLISECONDS);
    }

    OutboxDispatcher(AlertStore alerts, PluginLookup plugins, CatchmentRegistry catchments, Duration firstRetry,
                     Duration maxRetry, Clock clock) {
        this.alerts = alerts;
        this.plugins = plugins;
        this.catchments = catchments;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "vigie-outbox"));
    }

    @Deactivate
    void stop() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void safeDispatch() {
        try {
            dispatchDue();
        } catch (RuntimeException | LinkageError e) {
            // a periodic task that throws is never run again: the outbox must keep going
            LOG.error("outbox dispatch failed", e);
        }
    }

    /** Attempts every due delivery once; returns how many were attempted. */
    int dispatchDue() {
        Map<String, AlertChannel> channels = plugins.channels().stream()
                .collect(Collectors.toMap(AlertChannel::id, Function.identity(), (a, b) -> b));
        if (channels.isEmpty()) {
            return 0;
        }
        List<OutboxEntry> due = alerts.due(clock.instant(), channels.keySet(), 100);
        for (OutboxEntry entry : due) {
            deliver(entry, channels.get(entry.channelId()));
        }
        return due.size();
    }

    private void deliver(OutboxEntry entry, AlertChannel channel) {
        Optional<AlertEvent> event = alerts.event(entry.alertId());
        if (event.isEmpty()) {
            alerts.markRejected(entry.id(), "alert " + entry.alertId() + " not found");
            return;
        }
        var station = catchments.station(event.get().stationCode()).orElse(null);
        AlertMessage message = new AlertMessage(entry.idempotencyKey(), event.get(), List.of(),
                AlertMessages.subject(event.get(), station), event.get().message());
        DeliveryResult result;
        try {
            result = channel.deliver(message);
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a channel whose bundle is being updated can no longer load its classes; its new build
            // takes the delivery on the next attempt
            result = DeliveryResult.retry("channel threw " + e);
        }
        Instant now = clock.instant();
        switch (result.outcome()) {
            case DELIVERED -> alerts.markDelivered(entry.id(), now, result.detail());
            case REJECTED -> {
                alerts.markRejected(entry.id(), result.detail());
                LOG.error("channel {} refused alert {}: {}", channel.id(), entry.alertId(), result.detail());
            }
            case RETRY -> {
                Instant next = now.plus(backoff(entry.attempts()));
                alerts.markRetry(entry.id(), next, result.detail());
                LOG.warn("channel {} failed to deliver alert {} (attempt {}), retry at {}: {}", channel.id(),
                        entry.alertId(), entry.attempts() + 1, next, result.detail());
            }
        }
    }

    Duration backoff(int attemptsSoFar) {
        Duration delay = firstRetry.multipliedBy(1L << Math.min(attemptsSoFar, 20));
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }
}
