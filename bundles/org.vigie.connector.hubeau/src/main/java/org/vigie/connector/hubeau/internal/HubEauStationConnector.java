package org.vigie.connector.hubeau.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
import org.vigie.connector.support.internal.InvalidSettingsException;
import org.vigie.connector.support.internal.PollingLoop;

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

    private final String stationCode;
    private final PollingLoop polling;

    @Activate
    public HubEauStationConnector(@Reference(name = "sink") ObservationSink sink, HubEauConnectorConfig config) {
        this(sink, ConnectorSettings.of(config), Clock.systemUTC(), INITIAL_BACKOFF);
    }

    /**
     * @param initialBackoff wait before the first retry of a failed request; tests shorten it
     */
    HubEauStationConnector(ObservationSink sink, ConnectorSettings settings, Clock clock, Duration initialBackoff) {
        this.stationCode = settings.stationCode();
        this.polling = new PollingLoop("hubeau", stationCode, LOG, "poll", "the next start reads it again");
        ConnectorSettings.Resolved resolved;
        try {
            resolved = settings.resolve();
        } catch (InvalidSettingsException e) {
            polling.configurationError("configuration error in " + CONFIGURATION_PID + " for station '" + stationCode
                    + "': " + e.getMessage());
            return;
        }
        // a stop cuts a back-off short; the watermarks only move after a complete delivery, so nothing half-done
        // is lost when a poll is interrupted
        HubEauClient client = new HubEauClient(resolved.requestTimeout(), initialBackoff, MAX_BACKOFF,
                polling.stopSignal());
        BooleanSupplier stopping = polling::stopRequested;
        HubEauPoller realTime = new HubEauPoller(stationCode, resolved.baseUri(), resolved.quantities(),
                settings.pageSize(), resolved.lookback(), settings.maxRetries(), client,
                new HubEauResponseParser(stationCode, settings.source()), sink, clock, stopping);
        Optional<ElaboratedPoller> elaborated = resolved.elaboratedQuantities().isEmpty() ? Optional.empty()
                : Optional.of(new ElaboratedPoller(stationCode, resolved.baseUri(), resolved.elaboratedQuantities(),
                        settings.pageSize(), settings.elaboratedLookbackDays(), resolved.elaboratedInterval(), client,
                        new ElaboratedResponseParser(stationCode, settings.source()), sink, clock, stopping));
        PollCycle cycle = new PollCycle(realTime, elaborated, settings.maxRetries());
        LOG.info("{} polling {} for real-time {} every {} s; {}", id(), resolved.baseUri(), resolved.quantities(),
                settings.pollIntervalSeconds(), elaborated.isEmpty() ? "elaborated back-fill off"
                        : "elaborated " + resolved.elaboratedQuantities() + " over the last "
                        + settings.elaboratedLookbackDays() + " days every " + settings.elaboratedIntervalHours()
                        + " h");
        polling.start(cycle::runOnce, settings.pollIntervalSeconds(), TimeUnit.SECONDS);
    }

    /**
     * Cuts a back-off short, then waits for a delivery in progress so that a store call is not interrupted.
     */
    @Deactivate
    void deactivate() {
        polling.stop();
    }

    @Override
    public String id() {
        return polling.id();
    }

    @Override
    public List<String> stationCodes() {
        return stationCode.isEmpty() ? List.of() : List.of(stationCode);
    }

    @Override
    public Health health() {
        return polling.health();
    }
}
