package org.vigie.connector.mqtt.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT connection of one connector instance: connects, subscribes, hands each message to the
 * {@link MessageHandler} and acknowledges it only once it is stored or recorded as rejected.
 *
 * <p><b>Reconnection.</b> Paho's own automatic reconnection is not used: it does not retry a first connection that
 * fails, and cannot be asked to reconnect later on purpose. This class reconnects after a lost connection or a failed
 * attempt, 1 s later, then doubling up to the maximum delay, and subscribes again after every connection (a broker
 * restarted without its persistence has forgotten the subscription; subscribing again is harmless otherwise).
 *
 * <p><b>Store failures.</b> Manual acknowledgement is on: a message the store could not take is not acknowledged.
 * The broker only sends an unacknowledged message again when the client reconnects (MQTT 3.1.1 §4.4), so the session
 * stops taking messages (later ones stay unacknowledged too), disconnects, waits (1 s, doubling up to the maximum
 * delay while the store stays down) and reconnects with the same persistent session: the broker then delivers every
 * unacknowledged message again, then the ones queued meanwhile.
 *
 * <p>Thread-safe: Paho's callback thread delivers messages, the session's own thread connects, and {@link #close()}
 * may come from any thread.
 */
final class BrokerSession implements MqttCallback {

    /** Where the session stands. */
    enum Phase {
        /** Never connected yet; trying. */
        CONNECTING,
        /** Connected and subscribed. */
        CONNECTED,
        /** Connection lost; trying again. */
        RECONNECTING,
        /** Disconnected on purpose after a store failure, to have unacknowledged messages delivered again. */
        WAITING_FOR_STORE,
        /** The broker refused the credentials, the client id or the subscription; still trying, slowly. */
        REFUSED,
        /** Closed. */
        STOPPED
    }

    /** @param detail what an operator should know; "" when connected and all is well */
    record State(Phase phase, String detail) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(BrokerSession.class);
    private static final long DISCONNECT_WAIT_MILLIS = 2_000;
    private static final long CLOSE_TIMEOUT_MILLIS = 10_000;
    private static final int SUBSCRIPTION_FAILED = 0x80;

    private final String connectorId;
    private final String brokerUri;
    private final String clientId;
    private final String topicFilter;
    private final int qos;
    private final MqttConnectOptions options;
    private final long operationTimeoutMillis;
    private final MessageHandler handler;
    private final MqttAsyncClient client;
    private final ScheduledExecutorService worker;

    private volatile boolean accepting;
    private volatile boolean storeFailing;
    private volatile State state;

    // guarded by this
    private final Backoff connectBackoff;
    private final Backoff storeBackoff;
    private boolean closed;
    private boolean everConnected;
    private boolean connectFailing;
    private ScheduledFuture<?> pendingConnect;

    /**
     * @param initialDelay delay before the first reconnection attempt and the first redelivery request; tests shorten
     *                     it
     * @throws MqttException            when Paho refuses the client id
     * @throws IllegalArgumentException when Paho refuses the broker URI, with its reason
     */
    BrokerSession(String connectorId, String threadName, ConnectorSettings settings,
                  ConnectorSettings.Resolved resolved, MessageHandler handler, Duration initialDelay)
            throws MqttException {
        this.connectorId = connectorId;
        this.brokerUri = resolved.brokerUri().toString();
        this.clientId = resolved.clientId();
        this.topicFilter = resolved.mapping().topicFilter().text();
        this.qos = settings.qos();
        this.handler = handler;
        this.connectBackoff = new Backoff(initialDelay, resolved.maxReconnectDelay());
        this.storeBackoff = new Backoff(initialDelay, resolved.maxReconnectDelay());
        this.operationTimeoutMillis = (settings.connectionTimeoutSeconds() + 5) * 1000L;
        this.options = new MqttConnectOptions();
        options.setCleanSession(settings.cleanSession());
        options.setAutomaticReconnect(false);
        options.setKeepAliveInterval(settings.keepAliveSeconds());
        options.setConnectionTimeout(settings.connectionTimeoutSeconds());
        if (!settings.username().isEmpty()) {
            options.setUserName(settings.username());
        }
        if (!settings.password().isEmpty()) {
            options.setPassword(settings.password().toCharArray());
        }
        this.client = new MqttAsyncClient(brokerUri, clientId, new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(this);
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        this.state = new State(Phase.CONNECTING, "connecting to " + brokerUri);
    }

    void start() {
        scheduleConnect(Duration.ZERO);
    }

    State state() {
        return state;
    }

    /** @return whether the last store attempt failed (no message stored since) */
    boolean storeFailing() {
        return storeFailing;
    }

    /** Runs on the worker thread only. */
    private void connect() {
        synchronized (this) {
            pendingConnect = null;
            if (closed) {
                return;
            }
            // a persistent session sends its queued messages right after the broker accepts the connection
            accepting = true;
        }
        int granted;
        try {
            if (!client.isConnected()) {
                client.connect(options).waitForCompletion(operationTimeoutMillis);
            }
            IMqttToken subscription = client.subscribe(topicFilter, qos);
            subscription.waitForCompletion(operationTimeoutMillis);
            int[] grantedQos = subscription.getGrantedQos();
            granted = grantedQos.length == 0 ? SUBSCRIPTION_FAILED : grantedQos[0];
        } catch (MqttException e) {
            boolean refused = e instanceof MqttSecurityException
                    || e.getReasonCode() == MqttException.REASON_CODE_INVALID_CLIENT_ID;
            failed(refused, describe(e)
                    + (e instanceof MqttSecurityException ? " (check username and password)" : ""));
            return;
        } catch (RuntimeException e) {
            // an escaping exception would end this task without scheduling the next attempt
            LOG.error("{}: unexpected failure while connecting", connectorId, e);
            failed(false, "unexpected failure: " + describe(e));
            return;
        }
        if (granted == SUBSCRIPTION_FAILED) {
            failed(true, "the broker refused the subscription to '" + topicFilter + "' (not authorised?)");
            return;
        }
        connected(granted);
    }

    private void connected(int granted) {
        boolean first;
        boolean afterStoreFailure;
        synchronized (this) {
            if (closed || !accepting) {
                return;
            }
            connectBackoff.reset();
            first = !everConnected;
            afterStoreFailure = state.phase() == Phase.WAITING_FOR_STORE;
            everConnected = true;
            connectFailing = false;
            state = new State(Phase.CONNECTED, "");
        }
        if (first) {
            LOG.info("{}: connected to {} as {}, subscribed to {} with QoS {}", connectorId, brokerUri, clientId,
                    topicFilter, granted);
        } else if (afterStoreFailure) {
            LOG.debug("{}: reconnected to {} to have unacknowledged messages delivered again", connectorId, brokerUri);
        } else {
            LOG.info("{}: reconnected to {}", connectorId, brokerUri);
        }
        if (granted < qos) {
            LOG.warn("{}: the broker granted QoS {} only for {}: messages may be lost while Vigie is away or the"
                    + " store is down", connectorId, granted, topicFilter);
        }
    }

    /**
     * A connection attempt failed; tries again later.
     *
     * @param refused whether the broker refused us (credentials, client id, subscription) rather than being out of
     *                reach
     */
    private void failed(boolean refused, String why) {
        boolean firstFailure;
        String detail;
        synchronized (this) {
            accepting = false;
            if (closed) {
                return;
            }
            Duration delay = connectBackoff.next();
            Phase phase = refused ? Phase.REFUSED : everConnected ? Phase.RECONNECTING : Phase.CONNECTING;
            detail = (refused ? "refused by " : "cannot connect to ") + brokerUri + ": " + why + "; next attempt in "
                    + seconds(delay);
            firstFailure = !connectFailing;
            connectFailing = true;
            state = new State(phase, detail);
            scheduleConnect(delay);
        }
        if (firstFailure) {
            LOG.warn("{}: {}", connectorId, detail);
        } else {
            LOG.debug("{}: {}", connectorId, detail);
        }
        // connected but not subscribed: start again from a clean connection
        if (client.isConnected()) {
            disconnectQuietly();
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        String detail;
        synchronized (this) {
            accepting = false;
            if (closed) {
                return;
            }
            Duration delay = connectBackoff.next();
            detail = "connection to " + brokerUri + " lost (" + describe(cause) + "); reconnecting in "
                    + seconds(delay);
            state = new State(Phase.RECONNECTING, detail);
            scheduleConnect(delay);
        }
        LOG.warn("{}: {}", connectorId, detail);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        if (!accepting) {
            // left unacknowledged: the broker delivers it again after the next connection
            return;
        }
        MessageHandler.Handled handled = handler.handle(topic, message.getPayload());
        switch (handled.outcome()) {
            case DELIVERED -> {
                if (storeFailing) {
                    storeFailing = false;
                    synchronized (this) {
                        storeBackoff.reset();
                    }
                    LOG.info("{}: the store accepts observations again", connectorId);
                }
                acknowledge(message);
            }
            case REJECTED -> acknowledge(message);
            case RETRY_LATER -> askForRedelivery(handled.problem());
        }
    }

    private void acknowledge(MqttMessage message) {
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            // the connection went meanwhile: the broker will deliver the message again; the store ignores duplicates
            LOG.debug("{}: acknowledgement of message {} not sent: {}", connectorId, message.getId(), describe(e));
        }
    }

    /**
     * Stops taking messages, disconnects and reconnects after the store back-off, so that the broker delivers the
     * unacknowledged messages again. Runs on Paho's callback thread, which may not disconnect: the worker does.
     */
    private void askForRedelivery(String problem) {
        boolean first;
        String detail;
        synchronized (this) {
            if (!accepting || closed) {
                return;
            }
            accepting = false;
            first = !storeFailing;
            storeFailing = true;
            Duration delay = storeBackoff.next();
            detail = problem + "; the message is left unacknowledged with the broker, which delivers it again when"
                    + " Vigie reconnects in " + seconds(delay);
            state = new State(Phase.WAITING_FOR_STORE, detail);
            worker.execute(this::disconnectQuietly);
            scheduleConnect(delay);
        }
        if (first) {
            LOG.warn("{}: {}", connectorId, detail);
        } else {
            LOG.debug("{}: {}", connectorId, detail);
        }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // this connector never publishes
    }

    private synchronized void scheduleConnect(Duration delay) {
        if (closed) {
            return;
        }
        if (pendingConnect != null) {
            pendingConnect.cancel(false);
        }
        pendingConnect = worker.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void disconnectQuietly() {
        if (!client.isConnected()) {
            return;
        }
        try {
            client.disconnect(0).waitForCompletion(DISCONNECT_WAIT_MILLIS);
            return;
        } catch (MqttException e) {
            if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_ALREADY_DISCONNECTED) {
                return;
            }
            LOG.debug("{}: disconnect: {}", connectorId, describe(e));
        } catch (RuntimeException e) {
            LOG.debug("{}: disconnect: {}", connectorId, describe(e));
        }
        try {
            client.disconnectForcibly(0, DISCONNECT_WAIT_MILLIS);
        } catch (MqttException | RuntimeException e) {
            LOG.debug("{}: forced disconnect: {}", connectorId, describe(e));
        }
    }

    /**
     * Disconnects (the broker keeps the session and every unacknowledged message) and stops reconnecting. Bounded:
     * waits at most 10 s, e.g. for a delivery to the store in progress.
     */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            accepting = false;
            if (pendingConnect != null) {
                pendingConnect.cancel(false);
            }
            state = new State(Phase.STOPPED, "stopped");
        }
        // cuts a connection attempt in progress short
        worker.shutdownNow();
        Thread closer = new Thread(() -> {
            if (client.isConnected()) {
                disconnectQuietly();
            } else {
                // nothing to tell the broker; cuts short a connection attempt in progress, if any
                try {
                    client.disconnectForcibly(0, 0, false);
                } catch (MqttException | RuntimeException e) {
                    LOG.debug("{}: forced disconnect: {}", connectorId, describe(e));
                }
            }
            try {
                client.close();
            } catch (MqttException | RuntimeException e) {
                LOG.debug("{}: close: {}", connectorId, describe(e));
            }
        }, "vigie-mqtt-close-" + clientId);
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(CLOSE_TIMEOUT_MILLIS);
            if (closer.isAlive()) {
                LOG.warn("{}: still disconnecting after {} ms (a delivery to the store in progress?); leaving it to"
                        + " finish in the background", connectorId, CLOSE_TIMEOUT_MILLIS);
            }
            worker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** For tests: whether the client holds a connection. */
    boolean isConnected() {
        return client.isConnected();
    }

    static String describe(Throwable e) {
        if (e == null) {
            return "no reason given";
        }
        StringBuilder text = new StringBuilder(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        if (e instanceof MqttException mqtt && mqtt.getReasonCode() != MqttException.REASON_CODE_CLIENT_EXCEPTION) {
            text.append(" (").append(mqtt.getReasonCode()).append(')');
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            text.append(": ").append(cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage());
        }
        return text.toString();
    }

    private static String seconds(Duration delay) {
        long millis = delay.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s",
                millis / 1000.0);
    }
}
