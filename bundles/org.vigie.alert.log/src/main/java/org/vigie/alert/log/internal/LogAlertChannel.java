package org.vigie.alert.log.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Health;
import org.vigie.api.spi.AlertChannel;
import org.vigie.api.spi.AlertMessage;
import org.vigie.api.spi.DeliveryResult;

/**
 * Writes each alert to the log (logger {@code vigie.alerts}), one line with its idempotency key so that a
 * re-delivery after a restart can be recognised. Writing to the log cannot fail, so it always confirms.
 */
@Component(service = AlertChannel.class)
public class LogAlertChannel implements AlertChannel {

    static final String ID = "log";

    private static final Logger ALERTS = LoggerFactory.getLogger("vigie.alerts");

    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Instant> lastDelivery = new AtomicReference<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public DeliveryResult deliver(AlertMessage message) {
        ALERTS.warn("ALERTE [{}] {} (key {})", message.event().level().french().toUpperCase(java.util.Locale.ROOT),
                message.body().isBlank() ? message.subject() : message.body(), message.idempotencyKey());
        lastDelivery.set(clock.instant());
        return DeliveryResult.delivered("written to log vigie.alerts");
    }

    @Override
    public Health health() {
        return Health.up(lastDelivery.get());
    }
}
