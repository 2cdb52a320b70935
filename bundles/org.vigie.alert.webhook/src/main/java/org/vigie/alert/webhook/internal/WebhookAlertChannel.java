package org.vigie.alert.webhook.internal;

import org.vigie.alert.support.internal.HttpAttempt;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Health;
import org.vigie.api.spi.AlertChannel;
import org.vigie.api.spi.AlertMessage;
import org.vigie.api.spi.DeliveryResult;

/**
 * POSTs each alert as JSON to one receiver, with {@code X-Vigie-Signature: sha256=<hex HMAC-SHA256 of the body>},
 * {@code Idempotency-Key} (the same on every attempt of a delivery) and {@code X-Vigie-Timestamp} (also in the body
 * as {@code sentAt}, hence signed). A 2xx answer confirms; 408, 429, 5xx, timeouts and refused connections are tried
 * again by the outbox; any other answer is a permanent refusal. One instance per configuration
 * {@code org.vigie.alert.webhook} (or factory configurations {@code org.vigie.alert.webhook-<name>}).
 *
 * <p>A configuration error does not stop the component: it reports DOWN with the reason, and alerts wait in the
 * outbox (RETRY) until the configuration is fixed.
 */
@Component(
        service = AlertChannel.class,
        configurationPid = WebhookAlertChannel.CONFIGURATION_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = WebhookChannelConfig.class, factory = true)
public class WebhookAlertChannel implements AlertChannel {

    static final String CONFIGURATION_PID = "org.vigie.alert.webhook";
    static final String SIGNATURE_HEADER = "X-Vigie-Signature";
    static final String TIMESTAMP_HEADER = "X-Vigie-Timestamp";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookAlertChannel.class);

    private final String id;
    private final WebhookSettings settings;
    private final URI target;
    private final String configurationError;
    private final HttpClient http;
    private final Clock clock;
    private final AtomicReference<Instant> lastDelivery = new AtomicReference<>();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    @Activate
    public WebhookAlertChannel(WebhookChannelConfig config) {
        this(WebhookSettings.of(config), Clock.systemUTC());
    }

    WebhookAlertChannel(WebhookSettings settings, Clock clock) {
        this.id = settings.channelId().isEmpty() ? "webhook" : settings.channelId();
        this.settings = settings;
        this.clock = clock;
        URI uri = null;
        String error = null;
        try {
            uri = settings.check();
        } catch (IllegalArgumentException e) {
            error = "configuration error in " + CONFIGURATION_PID + ": " + e.getMessage();
            LOG.error("{}: {}; alerts wait in the outbox until it is fixed", id, error);
        }
        this.target = uri;
        this.configurationError = error;
        this.http = HttpAttempt.client(settings.connectTimeout());
        if (error == null) {
            LOG.info("{} POSTs alerts to {}", id, uri);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public DeliveryResult deliver(AlertMessage message) {
        if (configurationError != null) {
            return DeliveryResult.retry(configurationError);
        }
        String timestamp = AlertPayload.time(AlertPayload.timestamp(clock.instant()));
        byte[] body = AlertPayload.json(message, Instant.parse(timestamp));
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json, text/plain, */*")
                .header("User-Agent", "Vigie webhook channel")
                .header(IDEMPOTENCY_HEADER, message.idempotencyKey())
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, Signatures.sign(settings.secret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpAttempt attempt = HttpAttempt.send(http, request, settings.connectTimeout(), settings.requestTimeout());
        switch (attempt.outcome()) {
            case DELIVERED -> {
                lastDelivery.set(clock.instant());
                lastFailure.set(null);
            }
            case RETRY, REJECTED -> lastFailure.set(attempt.detail());
        }
        return attempt.result();
    }

    @Override
    public Health health() {
        if (configurationError != null) {
            return Health.down(configurationError);
        }
        String failure = lastFailure.get();
        return failure == null ? Health.up(lastDelivery.get())
                : new Health(Health.Status.DEGRADED, "last attempt: " + failure, lastDelivery.get());
    }
}
