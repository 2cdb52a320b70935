package org.vigie.connector.support.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.vigie.api.Health;

/**
 * The thread and the health of one connector instance, from activation to deactivation.
 *
 * <p>Polls run one at a time on a single daemon thread, so a connector's poll code needs no locking. A poll that
 * throws is logged and shows as DEGRADED; letting it escape would cancel the periodic task and silently stop the
 * instance. The log gets one line per change of health, not one per poll, so that a store down for a night does
 * not flood it.
 *
 * <p>{@link #stop()} waits a bounded time for the poll in progress: a bundle update must never leave a delivery
 * half-done, yet must not hang on a stuck store either.
 *
 * <p>Lines are logged to the connector's own logger, so that they keep its name in the log and its level settings.
 */
public final class PollingLoop {

    static final long STOP_TIMEOUT_SECONDS = 10;

    /** One poll, returning the health it showed. */
    @FunctionalInterface
    public interface Poll {
        /** @throws InterruptedException only when the instance is stopping; the health is then left as it was */
        Health pollOnce() throws InterruptedException;
    }

    private final String id;
    private final Logger log;
    private final String work;
    private final String afterInterruption;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final ScheduledExecutorService thread;
    private volatile Health health;

    /**
     * @param kind              the connector's kind, e.g. {@code csv}: the id is {@code <kind>:<name>}
     * @param name              the instance's name within its kind, e.g. a station code
     * @param log               the connector's logger
     * @param work              what one poll works on, e.g. {@code file}, named when stopping has to interrupt it
     * @param afterInterruption what then becomes of that work, e.g. {@code it will be delivered again}
     */
    public PollingLoop(String kind, String name, Logger log, String work, String afterInterruption) {
        this.id = kind + ":" + name;
        this.log = log;
        this.work = work;
        this.afterInterruption = afterInterruption;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread polling = new Thread(runnable, "vigie-" + kind + "-connector-" + name);
            polling.setDaemon(true);
            return polling;
        });
    }

    /** @return {@code <kind>:<name>}, the connector's id */
    public String id() {
        return id;
    }

    public Health health() {
        return health;
    }

    /** @return true once {@link #stop()} has begun: a poll should not start on another file or page */
    public boolean stopRequested() {
        return stopSignal.getCount() == 0;
    }

    /** @return counted down when {@link #stop()} begins; waiting on it cuts a back-off short */
    public CountDownLatch stopSignal() {
        return stopSignal;
    }

    /** The instance cannot work as configured: it shows DOWN with the reason and never polls. */
    public void configurationError(String why) {
        log.error(why);
        health = Health.down(why);
    }

    /** Shows UP and polls now, then {@code interval} after the end of each poll. */
    public void start(Poll poll, long interval, TimeUnit unit) {
        health = new Health(Health.Status.UP, "", null);
        thread.scheduleWithFixedDelay(() -> run(poll), 0, interval, unit);
    }

    private void run(Poll poll) {
        Health next;
        try {
            next = poll.pollOnce();
        } catch (InterruptedException e) {
            // stopping: the poll leaves its own state so that the next activation picks up where it stopped
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            log.error("{}: unexpected failure while polling", id, e);
            next = new Health(Health.Status.DEGRADED, "unexpected failure: " + e, health.lastActivity());
        }
        Health previous = health;
        health = next;
        if (next.status() != Health.Status.UP && !next.message().equals(previous.message())) {
            log.warn("{}: {}", id, next.message());
        } else if (next.status() == Health.Status.UP && previous.status() != Health.Status.UP) {
            log.info("{}: recovered", id);
        }
    }

    /** Signals the poll in progress to finish early and waits for it, then interrupts it after a timeout. */
    public void stop() {
        stopSignal.countDown();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("{}: {} still in progress after {} s, interrupting; {}", id, work, STOP_TIMEOUT_SECONDS,
                        afterInterruption);
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
