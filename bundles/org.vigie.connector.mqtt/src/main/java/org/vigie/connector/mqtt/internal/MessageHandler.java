package org.vigie.connector.mqtt.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Observation;
import org.vigie.api.service.ObservationSink;
import org.vigie.api.service.StoreException;

/**
 * What becomes of one message, independently of MQTT: decoded and stored, or written to the rejected-messages file,
 * or to be asked for again later. The caller acknowledges the message to the broker only in the first two cases.
 *
 * <p>Messages are handled one at a time (the MQTT client's callback thread); the counters may be read from any
 * thread.
 */
final class MessageHandler {

    /** What the caller must do with the message. */
    enum Outcome {
        /** Stored: acknowledge. */
        DELIVERED,
        /** Written to the rejected-messages file: acknowledge, asking again cannot help. */
        REJECTED,
        /** Neither stored nor recorded: do not acknowledge, so that the broker delivers it again. */
        RETRY_LATER
    }

    /** @param problem why the message must be delivered again, for {@link Outcome#RETRY_LATER}; else "" */
    record Handled(Outcome outcome, String problem) {
        static final Handled DELIVERED = new Handled(Outcome.DELIVERED, "");
        static final Handled REJECTED = new Handled(Outcome.REJECTED, "");
    }

    /**
     * How many times in a row the store may fail on the very same message with something else than a
     * {@link StoreException} before that message is taken for the cause and rejected, so that it cannot block the
     * subscription for ever. A {@link StoreException} (store down) never rejects a message.
     */
    static final int POISON_ATTEMPTS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);

    private final String connectorId;
    private final PayloadDecoder decoder;
    private final ObservationSink sink;
    private final RejectedMessageFile rejectedFile;
    private final Clock clock;

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final Set<String> stationsSeen = new ConcurrentSkipListSet<>();
    private final Set<Rejection.Kind> kindsLogged = EnumSet.noneOf(Rejection.Kind.class);
    private volatile Instant lastDelivery;

    // the message the store last failed on in an unexpected way, and how many times in a row
    private String failedTopic;
    private byte[] failedPayload;
    private int failures;

    MessageHandler(String connectorId, PayloadDecoder decoder, ObservationSink sink, RejectedMessageFile rejectedFile,
                   Clock clock) {
        this.connectorId = connectorId;
        this.decoder = decoder;
        this.sink = sink;
        this.rejectedFile = rejectedFile;
        this.clock = clock;
    }

    Handled handle(String topic, byte[] payload) {
        Instant receivedAt = clock.instant();
        Observation observation;
        try {
            observation = decoder.decode(topic, payload, receivedAt);
        } catch (Rejection rejection) {
            return reject(topic, receivedAt, rejection, payload);
        }
        try {
            sink.ingest(List.of(observation));
        } catch (StoreException e) {
            forgetFailure();
            return new Handled(Outcome.RETRY_LATER, "store unavailable: " + describe(e));
        } catch (RuntimeException e) {
            if (countFailure(topic, payload) >= POISON_ATTEMPTS) {
                LOG.error("{}: the store failed {} times in a row on the message on {}; rejecting it", connectorId,
                        POISON_ATTEMPTS, topic, e);
                forgetFailure();
                return reject(topic, receivedAt, new Rejection(Rejection.Kind.REFUSED_BY_STORE, "the store failed "
                        + POISON_ATTEMPTS + " times in a row on this message: " + describe(e)), payload);
            }
            LOG.debug("{}: ingest failed", connectorId, e);
            return new Handled(Outcome.RETRY_LATER, "store failed: " + describe(e));
        }
        forgetFailure();
        delivered.incrementAndGet();
        lastDelivery = receivedAt;
        stationsSeen.add(observation.stationCode());
        return Handled.DELIVERED;
    }

    private Handled reject(String topic, Instant receivedAt, Rejection rejection, byte[] payload) {
        try {
            rejectedFile.append(topic, receivedAt, rejection, payload);
        } catch (IOException e) {
            return new Handled(Outcome.RETRY_LATER, "cannot write the rejected message to " + rejectedFile.path()
                    + ": " + describe(e));
        }
        rejected.incrementAndGet();
        boolean first;
        synchronized (kindsLogged) {
            first = kindsLogged.add(rejection.kind());
        }
        if (first) {
            LOG.warn("{}: rejected a message on {}: {} — it is appended to {} with every rejected message;"
                    + " further '{}' rejections are only logged at DEBUG", connectorId, topic, rejection.reason(),
                    rejectedFile.path(), rejection.kind().code());
        } else {
            LOG.debug("{}: rejected a message on {}: {}", connectorId, topic, rejection.reason());
        }
        return Handled.REJECTED;
    }

    private int countFailure(String topic, byte[] payload) {
        if (topic.equals(failedTopic) && Arrays.equals(payload, failedPayload)) {
            failures++;
        } else {
            failedTopic = topic;
            failedPayload = payload.clone();
            failures = 1;
        }
        return failures;
    }

    private void forgetFailure() {
        failedTopic = null;
        failedPayload = null;
        failures = 0;
    }

    long delivered() {
        return delivered.get();
    }

    long rejected() {
        return rejected.get();
    }

    /** @return when a message was last stored, or null */
    Instant lastDelivery() {
        return lastDelivery;
    }

    /** @return the stations of the observations stored so far, sorted */
    List<String> stationsSeen() {
        return List.copyOf(stationsSeen);
    }

    Path rejectedFilePath() {
        return rejectedFile.path();
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
