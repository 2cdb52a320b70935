package org.vigie.connector.csv.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
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
import org.vigie.connector.support.internal.dropfolder.DropFolderChecks;
import org.vigie.connector.support.internal.dropfolder.VigieHome;

/**
 * Delivers the observation CSV files of one station dropped in a folder. One instance per factory configuration
 * {@code org.vigie.connector.csv-<name>}; instances may share a folder as long as their file patterns differ.
 */
@Component(
        service = StationConnector.class,
        configurationPid = CsvStationConnector.CONFIGURATION_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CsvConnectorConfig.class, factory = true)
public class CsvStationConnector implements StationConnector {

    static final String CONFIGURATION_PID = "org.vigie.connector.csv";

    private static final Logger LOG = LoggerFactory.getLogger(CsvStationConnector.class);

    private final String stationCode;
    private final PollingLoop polling;

    @Activate
    public CsvStationConnector(@Reference(name = "sink") ObservationSink sink, CsvConnectorConfig config,
                               BundleContext context) {
        this(sink, ConnectorSettings.of(config), VigieHome.directory(context), Clock.systemUTC());
    }

    /**
     * @param baseDirectory what a relative {@code folder} is resolved against
     */
    CsvStationConnector(ObservationSink sink, ConnectorSettings settings, Path baseDirectory, Clock clock) {
        this.stationCode = settings.stationCode();
        this.polling = new PollingLoop("csv", stationCode, LOG, "file", "it will be delivered again");
        ConnectorSettings.Resolved resolved;
        try {
            resolved = settings.resolve(baseDirectory);
            DropFolderChecks.createFolder(resolved.folder());
        } catch (InvalidSettingsException e) {
            polling.configurationError("configuration error in " + CONFIGURATION_PID + " for station '" + stationCode
                    + "': " + e.getMessage());
            return;
        }
        DropFolderPoller poller = new DropFolderPoller(resolved.folder(), resolved.fileMatcher(),
                new CsvObservationParser(stationCode, settings.source(), resolved.zone(), resolved.mapping()), sink,
                clock, polling::stopRequested);
        LOG.info("{} watching {} for {}", id(), resolved.folder(), settings.effectiveFilePattern());
        polling.start(poller::pollOnce, settings.pollIntervalMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for a file in progress, so that a bundle update never leaves one half-handled. */
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
