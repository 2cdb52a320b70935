package org.vigie.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/** Waiting in tests for what another thread (a connector's polling thread, say) does. */
public final class Await {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private Await() {
    }

    /** Waits up to 5 s. */
    public static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        awaitTrue(what, DEFAULT_TIMEOUT, condition);
    }

    /** @throws AssertionError naming {@code what} when the condition is still false after the timeout */
    public static void awaitTrue(String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    /**
     * Waits for the latch without giving up when interrupted, as a store call that must not be cut short would, then
     * restores the interrupt.
     */
    public static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
