package org.vigie.connector.support.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vigie.testing.Await.awaitTrue;
import static org.vigie.testing.Await.awaitUninterruptibly;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;
import org.vigie.api.Health;

class PollingLoopTest {

    private static final Instant EARLIER = Instant.parse("2024-06-01T12:00:00Z");

    // a failing poll logs a stack trace each millisecond: kept out of the build output
    private final PollingLoop loop = new PollingLoop("test", "K1", NOPLogger.NOP_LOGGER, "file",
            "it will be delivered again");

    @AfterEach
    void stop() {
        loop.stop();
    }

    @Test
    void pollsOnItsOwnNamedThreadAndShowsTheHealthOfTheLastPoll() throws Exception {
        AtomicReference<String> threadName = new AtomicReference<>();
        loop.start(() -> {
            threadName.set(Thread.currentThread().getName());
            return Health.up(EARLIER);
        }, 1, TimeUnit.MILLISECONDS);

        awaitTrue("the first poll ran", () -> EARLIER.equals(loop.health().lastActivity()));

        assertEquals("test:K1", loop.id());
        assertEquals("vigie-test-connector-K1", threadName.get());
        assertEquals(Health.up(EARLIER), loop.health());
    }

    @Test
    void aPollThatThrowsShowsDegradedAndPollingGoesOn() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        loop.start(() -> {
            if (polls.incrementAndGet() == 1) {
                return Health.up(EARLIER);
            }
            throw new IllegalStateException("bug");
        }, 1, TimeUnit.MILLISECONDS);

        awaitTrue("several polls failed", () -> polls.get() >= 3);

        assertEquals(new Health(Health.Status.DEGRADED, "unexpected failure: java.lang.IllegalStateException: bug",
                EARLIER), loop.health());
    }

    @Test
    void aConfigurationErrorShowsDownAndNothingPolls() {
        loop.configurationError("configuration error in test 'K1': source is blank");

        assertEquals(Health.down("configuration error in test 'K1': source is blank"), loop.health());
        assertFalse(loop.stopRequested());
    }

    @Test
    void stopWaitsForThePollInProgressAndSignalsIt() throws Exception {
        CountDownLatch pollStarted = new CountDownLatch(1);
        CountDownLatch releasePoll = new CountDownLatch(1);
        loop.start(() -> {
            pollStarted.countDown();
            awaitUninterruptibly(releasePoll);
            return Health.up(EARLIER);
        }, 1, TimeUnit.MILLISECONDS);
        assertTrue(pollStarted.await(5, TimeUnit.SECONDS));

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(loop::stop);
        awaitTrue("the stop is signalled", loop::stopRequested);
        assertEquals(0, loop.stopSignal().getCount());
        Thread.sleep(100);
        assertFalse(stopping.isDone(), "stop returned while a poll was in progress");

        releasePoll.countDown();
        stopping.get(5, TimeUnit.SECONDS);
    }
}
