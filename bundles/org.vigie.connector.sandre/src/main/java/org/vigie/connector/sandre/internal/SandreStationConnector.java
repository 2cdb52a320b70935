package org.vigie.connector.sandre.internal;

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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Health;
import org.vigie.api.service.ForecastArchive;
import org.vigie.api.service.ObservationSink;
import org.vigie.api.spi.StationConnector;
import org.vigie.connector.support.internal.InvalidSettingsException;
import org.vigie.connector.support.internal.PollingLoop;
import org.vigie.connector.support.internal.dropfolder.DropFolderChecks;
import org.vigie.connector.support.internal.dropfolder.VigieHome;

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

    private static final Logger LOG = LoggerFactory.getLogger(SandreStationConnector.class);

    private final List<String> stationFilter;
    private final PollingLoop polling;
    private final DropFolderPoller poller;

    @Activate
    public SandreStationConnector(
            @Reference(name = "sink") ObservationSink sink,
            @Reference(name = "archive", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) ForecastArchive archive,
            SandreConnectorConfig config, BundleContext context) {
        this(sink, archive, ConnectorSettings.of(config), VigieHome.directory(context), Clock.systemUTC());
    }

    /**
     * @param archive       null when no forecast archive is available
     * @param baseDirectory what a relative {@code folder} is resolved against
     */
    SandreStationConnector(ObservationSink sink, ForecastArchive archive, ConnectorSettings settings,
                           Path baseDirectory, Clock clock) {
        String name = settings.effectiveName();
        this.stationFilter = settings.stations();
        this.polling = new PollingLoop("sandre", name, LOG, "file", "it will be delivered again");
        ConnectorSettings.Resolved resolved;
        try {
            resolved = settings.resolve(baseDirectory);
            DropFolderChecks.createFolder(resolved.folder());
        } catch (InvalidSettingsException e) {
            polling.configurationError(
                    "configuration error in " + CONFIGURATION_PID + " '" + name + "': " + e.getMessage());
            poller = null;
            return;
        }
        poller = new DropFolderPoller(resolved.folder(), resolved.fileMatcher(),
                new SandreXmlParser(settings.source(), resolved.zone(), settings.stations()), sink, archive, clock,
                polling::stopRequested);
        LOG.info("{} watching {} for {}{}{}", id(), resolved.folder(), settings.filePattern(),
                stationFilter.isEmpty() ? "" : ", stations " + stationFilter,
                archive == null ? " (no forecast archive: files holding forecasts will wait)" : "");
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
        return polling.health();
    }
}
