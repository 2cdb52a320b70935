package org.vigie.connector.hubeau.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Health;
import org.vigie.api.service.ObservationSink;
import org.vigie.api.spi.StationConnector;

/**
 * Delivers the Hub'Eau observations of one station: the real-time ones (H, Q from {@code observations_tr}) every
 * poll, and, when configured, the elaborated daily means ({@code QmnJ} from {@code obs_elab}) once a day as a
 * back-fill beyond the month of real-time history. One instance per factory configuration
 * {@code org.vigie.connector.hubeau-<name>}.
 */
@Component(
        service = StationConnector.class,
        configurationPid = HubEauStationConnector.CONFIGURATION_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = HubEauConnectorConfig.class, factory = true)
public class HubEauStationConnector implements StationConnector {

    static final String CONFIGURATION_PID = "org.vigie.connector.hubeau";

    /** With the default 5 retries, a poll waits at most 2+4+8+16+32 s before giving up until the next one. */
    static final Duration INITIAL_BACKOFF = Duration.ofSeconds(2);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private static final Logger LOG = LoggerFactory.getLogger(HubEauStationConnector.class);
    private static final long STOP_TIMEOUT_SECONDS = 10;

    private final String stationCode;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final ScheduledExecutorService pollingThread;
    private volatile Health health;

    @Activate
    public HubEauStationConnector(@Reference(name = "sink") ObservationSink sink, HubEauConnectorConfig config) {
        this(sink, ConnectorSettings.of(config), Clock.systemUTC(), INITIAL_BACKOFF);
    }

    /**
     * @param initialBackoff wait before the first retry of a failed request; tests shorten it
     */
    HubEauStationConnector(ObservationSink sink, ConnectorSettings settings, Clock clock, Duration initialBackoff) {
        this.stationCode = settings.stationCode();
        this.pollingThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vigie-hubeau-connector-" + stationCode);
            thread.setDaemon(true);
            return thread;
        });
        ConnectorSettings.Resolved resolved;
        try {
            resolved = settings.resolve();
        } catch (ConnectorSettings.InvalidSettingsException e) {
            String why = "configuration error in " + CONFIGURATION_PID + " for station '" + stationCode + "': "
                    + e.getMessage();
            LOG.error(why);
            health = Health.down(why);
            return;
        }
        HubEauClient client = new HubEauClient(resolved.requestTimeout(), initialBackoff, MAX_BACKOFF, stopSignal);
        BooleanSupplier stopping = () -> stopSignal.getCount() == 0;
        HubEauPoller realTime = new HubEauPoller(stationCode, resolved.baseUri(), resolved.quantities(),
                settings.pageSize(), resolved.lookback(), settings.maxRetries(), client,
                new HubEauResponseParser(stationCode, settings.source()), sink, clock, stopping);
        Optional<ElaboratedPoller> elaborated = resolved.elaboratedQuantities().isEmpty() ? Optional.empty()
                : Optional.of(new ElaboratedPoller(stationCode, resolved.baseUri(), resolved.elaboratedQuantities(),
                        settings.pageSize(), settings.elaboratedLookbackDays(), resolved.elaboratedInterval(), client,
                        new ElaboratedResponseParser(stationCode, settings.source()), sink, clock, stopping));
        PollCycle cycle = new PollCycle(realTime, elaborated, settings.maxRetries());
        health = new Health(Health.Status.UP, "", null);
        LOG.info("{} polling {} for real-time {} every {} s; {}", id(), resolved.baseUri(), resolved.quantities(),
                settings.pollIntervalSeconds(), elaborated.isEmpty() ? "elaborated back-fill off"
                        : "elaborated " + resolved.elaboratedQuantities() + " over the last "
                        + settings.elaboratedLookbackDays() + " days every " + settings.elaboratedIntervalHours()
                        + " h");
        pollingThread.scheduleWithFixedDelay(() -> poll(cycle), 0, settings.pollIntervalSeconds(),
                TimeUnit.SECONDS);
    }

    private void poll(PollCycle cycle) {
        Health next;
        try {
            next = cycle.runOnce();
        } catch (InterruptedException e) {
            // stopping: nothing half-done matters, the watermark only moves after a complete delivery
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            // an escaping exception would cancel the periodic task and silently stop this station
            LOG.error("{}: unexpected failure while polling", id(), e);
            next = new Health(Health.Status.DEGRADED, "unexpected failure: " + e, health.lastActivity());
        }
        Health previous = health;
        health = next;
        // one log line per change of state, not one per poll while Hub'Eau is down
        if (next.status() != Health.Status.UP && !next.message().equals(previous.message())) {
            LOG.warn("{}: {}", id(), next.message());
        } else if (next.status() == Health.Status.UP && previous.status() != Health.Status.UP) {
            LOG.info("{}: recovered", id());
        }
    }

    /**
     * Cuts a back-off short, then waits for a delivery in progress so that a store call is not interrupted.
     */
    @Deactivate
    void deactivate() {
        stopSignal.countDown();
        pollingThread.shutdown();
        try {
            if (!pollingThread.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("{}: poll still in progress after {} s, interrupting; the next start reads it again",
                        id(), STOP_TIMEOUT_SECONDS);
                pollingThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            pollingThread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String id() {
        return "hubeau:" + stationCode;
    }

    @Override
    public List<String> stationCodes() {
        return stationCode.isEmpty() ? List.of() : List.of(stationCode);
    }

    @Override
    public Health health() {
        return health;
    }
}
