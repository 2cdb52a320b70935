package org.vigie.connector.mqtt.internal;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

final class Await {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Await() {
    }

    static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        awaitTrue(what, condition, () -> "");
    }

    /** @param state shown when the wait times out, to tell what was seen instead */
    static void awaitTrue(String what, BooleanSupplier condition, Supplier<Object> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + "; state: " + state.get());
            }
            Thread.sleep(10);
        }
    }
}
