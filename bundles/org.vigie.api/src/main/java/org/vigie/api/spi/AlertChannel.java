package org.vigie.api.spi;

import org.osgi.annotation.versioning.ConsumerType;
import org.vigie.api.Health;

/**
 * A way of telling people about alerts (log, email, SMS, webhook, CAP feed…).
 *
 * <p>The core never calls a channel directly from threshold evaluation: alerts go to a persistent outbox, and a
 * dispatcher calls {@link #deliver} until the channel reports {@link DeliveryResult.Outcome#DELIVERED} or
 * {@link DeliveryResult.Outcome#REJECTED}, backing off between attempts. Deliveries for a channel that is absent
 * (e.g. during its bundle's update) wait in the outbox.
 */
@ConsumerType
public interface AlertChannel {

    /** @return a unique, stable id, e.g. {@code "log"} or {@code "email:astreinte"} */
    String id();

    /**
     * Attempts one delivery. May block for network I/O (the dispatcher bounds it); must not throw for
     * delivery failures — report them as {@link DeliveryResult.Outcome#RETRY} or {@code REJECTED}.
     */
    DeliveryResult deliver(AlertMessage message);

    /** @return the channel's health */
    Health health();
}
