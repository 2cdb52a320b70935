package org.vigie.connector.mqtt.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.paho.client.mqttv3.MqttException;
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
 * Delivers the readings of the city's MQTT sensors that match one topic filter. One instance per factory
 * configuration {@code org.vigie.connector.mqtt-<name>}; its id is {@code mqtt:<name>}.
 */
@Component(
        service = StationConnector.class,
        configurationPid = MqttStationConnector.CONFIGURATION_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MqttConnectorConfig.class, factory = true)
public class MqttStationConnector implements StationConnector {

    static final String CONFIGURATION_PID = "org.vigie.connector.mqtt";
    static final String HOME_PROPERTY = "vigie.home";
    /** A mistaken key: the password is {@code .password}, which stays out of the service's properties. */
    static final String PUBLIC_PASSWORD_KEY = "password";
    /** Delay before the first reconnection attempt and the first redelivery request after a store failure. */
    static final Duration INITIAL_DELAY = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(MqttStationConnector.class);

    private final String name;
    private final String fixedStation;
    private final Health configurationError;
    private final MessageHandler handler;
    private final BrokerSession session;

    @Activate
    public MqttStationConnector(@Reference(name = "sink") ObservationSink sink, MqttConnectorConfig config,
                                Map<String, Object> properties, BundleContext context) {
        this(sink, ConnectorSettings.of(config, ConfigurationName.of(CONFIGURATION_PID, properties),
                properties.containsKey(PUBLIC_PASSWORD_KEY)), homeDirectory(context), Clock.systemUTC(), INITIAL_DELAY);
    }

    /**
     * @param baseDirectory what a relative {@code rejectedFolder} is resolved against
     * @param initialDelay  first reconnection and redelivery delay; tests shorten it
     */
    MqttStationConnector(ObservationSink sink, ConnectorSettings settings, Path baseDirectory, Clock clock,
                         Duration initialDelay) {
        this.name = settings.name();
        this.fixedStation = settings.stationCode();
        MessageHandler newHandler = null;
        BrokerSession newSession = null;
        String error = null;
        try {
            ConnectorSettings.Resolved resolved = settings.resolve(baseDirectory);
            RejectedMessageFile rejectedFile = new RejectedMessageFile(resolved.rejectedFile());
            try {
                rejectedFile.createFolder();
            } catch (IOException e) {
                throw new ConnectorSettings.InvalidSettingsException("cannot create rejectedFolder "
                        + resolved.rejectedFile().getParent() + ": " + e);
            }
            newHandler = new MessageHandler(id(), new PayloadDecoder(id(), resolved.mapping()), sink, rejectedFile,
                    clock);
            try {
                newSession = new BrokerSession(id(), "vigie-mqtt-connector-" + settings.safeName(), settings,
                        resolved, newHandler, initialDelay);
            } catch (IllegalArgumentException | MqttException e) {
                throw new ConnectorSettings.InvalidSettingsException("the MQTT client refuses brokerUri '"
                        + settings.brokerUri() + "' or clientId '" + resolved.clientId() + "': "
                        + BrokerSession.describe(e));
            }
            warnAboutLosses(settings);
        } catch (ConnectorSettings.InvalidSettingsException e) {
            error = "configuration error in " + CONFIGURATION_PID + " for '" + name + "': " + e.getMessage();
            LOG.error(error);
        }
        this.configurationError = error == null ? null : Health.down(error);
        this.handler = error == null ? newHandler : null;
        this.session = error == null ? newSession : null;
        if (session != null) {
            session.start();
        }
    }

    private void warnAboutLosses(ConnectorSettings settings) {
        if (settings.qos() == 0) {
            LOG.warn("{}: qos 0: messages sent while Vigie is away, or refused while the store is down, are lost",
                    id());
        }
        if (settings.cleanSession()) {
            LOG.warn("{}: cleanSession true: messages sent while Vigie is away, or refused while the store is down,"
                    + " are lost", id());
        }
    }

    private static Path homeDirectory(BundleContext context) {
        String home = context.getProperty(HOME_PROPERTY);
        return home == null || home.isBlank() ? Path.of("").toAbsolutePath() : Path.of(home.trim());
    }

    /** Disconnects: messages not yet acknowledged stay with the broker for the next start. Waits at most 10 s. */
    @Deactivate
    void deactivate() {
        if (session != null) {
            session.close();
            LOG.info("{}: disconnected; {}", id(), counts());
        }
    }

    @Override
    public String id() {
        return "mqtt:" + name;
    }

    /** @return the fixed station, else the stations delivered so far */
    @Override
    public List<String> stationCodes() {
        if (!fixedStation.isEmpty()) {
            return List.of(fixedStation);
        }
        return handler == null ? List.of() : handler.stationsSeen();
    }

    @Override
    public Health health() {
        if (configurationError != null) {
            return configurationError;
        }
        BrokerSession.State state = session.state();
        Health.Status status = switch (state.phase()) {
            case CONNECTED -> session.storeFailing() ? Health.Status.DEGRADED : Health.Status.UP;
            case CONNECTING, RECONNECTING, WAITING_FOR_STORE -> Health.Status.DEGRADED;
            case REFUSED, STOPPED -> Health.Status.DOWN;
        };
        String detail = state.phase() == BrokerSession.Phase.CONNECTED && session.storeFailing()
                ? "reconnected to have unacknowledged messages delivered again; the last message could not be"
                        + " stored"
                : state.detail();
        return new Health(status, (detail.isEmpty() ? "" : detail + "; ") + counts(), handler.lastDelivery());
    }

    private String counts() {
        long rejected = handler.rejected();
        return handler.delivered() + " delivered, " + rejected + " rejected"
                + (rejected == 0 ? "" : " (see " + handler.rejectedFilePath() + ")");
    }

    /** For tests. */
    boolean isConnected() {
        return session != null && session.isConnected();
    }
}
