package org.vigie.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.ArrayDeque;

import org.junit.jupiter.api.Test;
import org.vigie.api.AlertEvent;
import org.vigie.api.Health;
import org.vigie.api.Quantity;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.service.OutboxEntry.Status;
import org.vigie.api.spi.AlertChannel;
import org.vigie.api.spi.AlertMessage;
import org.vigie.api.spi.DeliveryResult;

class OutboxDispatcherTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2024-10-18T06:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** A channel answering with a scripted sequence of outcomes. */
    static final class ScriptedChannel implements AlertChannel {
        final String id;
        final Deque<DeliveryResult> script = new ArrayDeque<>();
        final List<AlertMessage> received = new ArrayList<>();

        ScriptedChannel(String id, DeliveryResult... outcomes) {
            this.id = id;
            script.addAll(List.of(outcomes));
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public DeliveryResult deliver(AlertMessage message) {
            received.add(message);
            return script.isEmpty() ? DeliveryResult.delivered("ok") : script.pop();
        }

        @Override
        public Health health() {
            return Health.up(null);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final InMemoryAlertStore store = new InMemoryAlertStore();
    private final List<AlertChannel> channels = new ArrayList<>();
    private final PluginLookup lookup = new PluginLookup() {
        @Override
        public Optional<VersionedModel> model(String id) {
            return Optional.empty();
        }

        @Override
        public List<AlertChannel> channels() {
            return List.copyOf(channels);
        }
    };
    private final OutboxDispatcher dispatcher = new OutboxDispatcher(store, lookup,
            new FixedCatchments(VigilanceMonitorTest.ORLEANS), Duration.ofSeconds(5), Duration.ofSeconds(60), clock);

    private AlertEvent recordAlert(String... channelIds) {
        AlertEvent event = new AlertEvent("a1", VigilanceMonitorTest.LOIRE, AlertEvent.Transition.RAISED,
                VigilanceLevel.ORANGE, VigilanceLevel.GREEN, AlertEvent.Basis.OBSERVED, Quantity.H, 2.3, clock.now,
                null, clock.now, "Vigilance orange");
        store.record(event, List.of(channelIds));
        return event;
    }

    @Test
    void retriesWithGrowingDelaysUntilTheChannelConfirmsWithTheSameIdempotencyKey() {
        ScriptedChannel flaky = new ScriptedChannel("email", DeliveryResult.retry("421 try later"),
                DeliveryResult.retry("421 try later"));
        channels.add(flaky);
        recordAlert("email");

        assertEquals(1, dispatcher.dispatchDue());
        assertEquals(0, dispatcher.dispatchDue(), "not due before the 5 s back-off");
        clock.now = clock.now.plusSeconds(5);
        assertEquals(1, dispatcher.dispatchDue());
        clock.now = clock.now.plusSeconds(9);
        assertEquals(0, dispatcher.dispatchDue(), "the second back-off is 10 s");
        clock.now = clock.now.plusSeconds(1);
        assertEquals(1, dispatcher.dispatchDue());

        assertEquals(Status.DELIVERED, store.deliveries("a1").get(0).status());
        assertEquals(3, store.deliveries("a1").get(0).attempts());
        assertEquals(List.of("a1/email", "a1/email", "a1/email"),
                flaky.received.stream().map(AlertMessage::idempotencyKey).toList());
        assertEquals("Vigilance orange — La Loire à Orléans (K435001010)", flaky.received.get(0).subject());
    }

    @Test
    void deliveriesForAnAbsentChannelWaitInTheOutboxUntilItComes() {
        recordAlert("log");
        assertEquals(0, dispatcher.dispatchDue());
        ScriptedChannel log = new ScriptedChannel("log");
        channels.add(log);
        assertEquals(1, dispatcher.dispatchDue());
        assertEquals(Status.DELIVERED, store.deliveries("a1").get(0).status());
        assertEquals(0, dispatcher.dispatchDue(), "delivered once, never again");
    }

    @Test
    void aRefusalOrAThrowingChannelIsRecorded() {
        channels.add(new ScriptedChannel("sms", new DeliveryResult(DeliveryResult.Outcome.REJECTED, "bad number")));
        channels.add(new AlertChannel() {
            @Override
            public String id() {
                return "webhook";
            }

            @Override
            public DeliveryResult deliver(AlertMessage message) {
                throw new IllegalStateException("boom");
            }

            @Override
            public Health health() {
                return Health.up(null);
            }
        });
        recordAlert("sms", "webhook");
        dispatcher.dispatchDue();
        var deliveries = store.deliveries("a1");
        assertEquals(Status.REJECTED, deliveries.get(0).status());
        assertEquals("bad number", deliveries.get(0).lastDetail());
        assertEquals(Status.PENDING, deliveries.get(1).status());
        assertEquals("channel threw java.lang.IllegalStateException: boom", deliveries.get(1).lastDetail());
    }

    @Test
    void aChannelWhoseBundleIsGoingAwayIsRetriedAndTheOthersStillDelivered() {
        channels.add(new AlertChannel() {
            @Override
            public String id() {
                return "webhook";
            }

            @Override
            public DeliveryResult deliver(AlertMessage message) {
                // what a call into an uninstalled bundle's class loader gives
                throw new NoClassDefFoundError("org/vigie/alert/support/internal/HttpAttempt");
            }

            @Override
            public Health health() {
                return Health.up(null);
            }
        });
        channels.add(new ScriptedChannel("sms"));
        recordAlert("webhook", "sms");
        assertEquals(2, dispatcher.dispatchDue());
        var deliveries = store.deliveries("a1");
        assertEquals(Status.PENDING, deliveries.get(0).status());
        assertEquals(Status.DELIVERED, deliveries.get(1).status());
    }

    @Test
    void backOffDoublesUpToItsCeiling() {
        assertEquals(Duration.ofSeconds(5), dispatcher.backoff(0));
        assertEquals(Duration.ofSeconds(40), dispatcher.backoff(3));
        assertEquals(Duration.ofSeconds(60), dispatcher.backoff(4));
        assertEquals(Duration.ofSeconds(60), dispatcher.backoff(500));
    }
}
