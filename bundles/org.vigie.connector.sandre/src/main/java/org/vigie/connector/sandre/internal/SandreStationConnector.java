package org.vigie.connector.sandre.internal;

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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Health;
import org.vigie.api.service.ForecastArchive;
import org.vigie.api.service.ObservationSink;
import org.vigie.api.spi.StationConnector;

/**
 * Imports the Sandre hydrometrie XML files dropped in a folder: observations go to the {@link ObservationSink},
 * forecasts to the {@link ForecastArchive}. One instance per factory configuration
 * {@code org.vigie.connector.sandre-<name>}.
 *
 * <p>The archive is optional: without one, observation-only files are still imported and files holding forecasts
 * wait in the folder. The reference is static and greedy, so the instance restarts (waiting for the file in
 * progress) when an archive comes or goes.
 */
@Component(
        service = StationConnector.class,
        configurationPid = SandreStationConnector.CONFIGURATION_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SandreConnectorConfig.class, factory = true)
public class SandreStationConnector implements StationConnector {

    static final String CONFIGURATION_PID = "org.vigie.connector.sandre";
    static final String HOME_PROPERTY = "vigie.home";

    private static final Logger LOG = LoggerFactory.getLogger(SandreStationConnector.class);
    private static final long STOP_TIMEOUT_SECONDS = 10;

    private final String name;
    private final List<String> stationFilter;
    private final ScheduledExecutorService pollingThread;
    private final DropFolderPoller poller;
    private volatile boolean stopping;
    private volatile Health health;

    @Activate
    public SandreStationConnector(
            @Reference(name = "sink") ObservationSink sink,
            @Reference(name = "archive", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) ForecastArchive archive,
            SandreConnectorConfig config, BundleContext context) {
        this(sink, archive, ConnectorSettings.of(config), homeDirectory(context), Clock.systemUTC());
    }

    /**
     * @param archive       null when no forecast archive is available
     * @param baseDirectory what a relative {@code folder} is resolved against
     */
    SandreStationConnector(ObservationSink sink, ForecastArchive archive, ConnectorSettings settings,
                           Path baseDirectory, Clock clock) {
        this.name = settings.effectiveName();
        this.stationFilter = settings.stations();
        this.pollingThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vigie-sandre-connector-" + name);
            thread.setDaemon(true);
            return thread;
        });
        ConnectorSettings.Resolved resolved;
        try {
            resolved = settings.resolve(baseDirectory);
            createFolder(resolved.folder());
        } catch (ConnectorSettings.InvalidSettingsException e) {
            String why = "configuration error in " + CONFIGURATION_PID + " '" + name + "': " + e.getMessage();
            LOG.error(why);
            health = Health.down(why);
            poller = null;
            return;
        }
        poller = new DropFolderPoller(resolved.folder(), resolved.fileMatcher(),
                new SandreXmlParser(settings.source(), resolved.zone(), settings.stations()), sink, archive, clock,
                () -> stopping);
        health = new Health(Health.Status.UP, "", null);
        LOG.info("{} watching {} for {}{}{}", id(), resolved.folder(), settings.filePattern(),
                stationFilter.isEmpty() ? "" : ", stations " + stationFilter,
                archive == null ? " (no forecast archive: files holding forecasts will wait)" : "");
        pollingThread.scheduleWithFixedDelay(this::poll, 0, settings.pollIntervalMillis(), TimeUnit.MILLISECONDS);
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

    private void poll() {
        Health next;
        try {
            next = poller.pollOnce();
        } catch (RuntimeException e) {
            // an escaping exception would cancel the periodic task and silently stop this instance
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
        return "sandre:" + name;
    }

    /** @return the configured station filter, or else the codes delivered so far */
    @Override
    public List<String> stationCodes() {
        if (!stationFilter.isEmpty()) {
            return stationFilter;
        }
        return poller == null ? List.of() : poller.stationCodes();
    }

    @Override
    public Health health() {
        return health;
    }
}
