package org.vigie.connector.csv.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    static final String HOME_PROPERTY = "vigie.home";

    private static final Logger LOG = LoggerFactory.getLogger(CsvStationConnector.class);
    private static final long STOP_TIMEOUT_SECONDS = 10;

    private final String stationCode;
    private final ScheduledExecutorService pollingThread;
    private volatile boolean stopping;
    private volatile Health health;

    @Activate
    public CsvStationConnector(@Reference(name = "sink") ObservationSink sink, CsvConnectorConfig config,
                               BundleContext context) {
        this(sink, ConnectorSettings.of(config), homeDirectory(context), Clock.systemUTC());
    }

    /**
     * @param baseDirectory what a relative {@code folder} is resolved against
     */
    CsvStationConnector(ObservationSink sink, ConnectorSettings settings, Path baseDirectory, Clock clock) {
        this.stationCode = settings.stationCode();
        this.pollingThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vigie-csv-connector-" + stationCode);
            thread.setDaemon(true);
            return thread;
        });
        ConnectorSettings.Resolved resolved;
        try {
            resolved = settings.resolve(baseDirectory);
            createFolder(resolved.folder());
        } catch (ConnectorSettings.InvalidSettingsException e) {
            String why = "configuration error in " + CONFIGURATION_PID + " for station '" + stationCode + "': "
                    + e.getMessage();
            LOG.error(why);
            health = Health.down(why);
            return;
        }
        DropFolderPoller poller = new DropFolderPoller(resolved.folder(), resolved.fileMatcher(),
                new CsvObservationParser(stationCode, settings.source(), resolved.zone(), resolved.mapping()), sink,
                clock,
                () -> stopping);
        health = new Health(Health.Status.UP, "", null);
        LOG.info("{} watching {} for {}", id(), resolved.folder(), settings.effectiveFilePattern());
        pollingThread.scheduleWithFixedDelay(() -> poll(poller), 0, settings.pollIntervalMillis(),
                TimeUnit.MILLISECONDS);
    }

    private static void createFolder(Path folder) throws ConnectorSettings.InvalidSettingsException {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new ConnectorSettings.InvalidSettingsException("cannot create folder " + folder + ": " + e);
        }
    }

    private static Path homeDirectory(BundleContext context) {
        String home = context.getProperty(HOME_PROPERTY);
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home.trim());
    }

    private void poll(DropFolderPoller poller) {
        Health next;
        try {
            next = poller.pollOnce();
        } catch (RuntimeException e) {
            // an escaping exception would cancel the periodic task and silently stop this station
            LOG.error("{}: unexpected failure while polling", id(), e);
            next = new Health(Health.Status.DEGRADED, "unexpected failure: " + e, health.lastActivity());
        }
        Health previous = health;
        health = next;
        // one log line per change of state, not one per poll while the store is down
        if (next.status() != Health.Status.UP && !next.message().equals(previous.message())) {
            LOG.warn("{}: {}", id(), next.message());
        } else if (next.status() == Health.Status.UP && previous.status() != Health.Status.UP) {
            LOG.info("{}: recovered", id());
        }
    }

    /** Waits for a file in progress, so that a bundle update never leaves one half-handled. */
    @Deactivate
    void deactivate() {
        stopping = true;
        pollingThread.shutdown();
        try {
            if (!pollingThread.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("{}: file still in progress after {} s, interrupting; it will be delivered again",
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
        return "csv:" + stationCode;
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
