package org.vigie.alert.sms.internal;

import org.vigie.alert.support.internal.HttpAttempt;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.vigie.api.spi.DeliveryResult.Outcome;
import org.vigie.alert.sms.internal.RecipientProgress.Done;

/**
 * Sends each alert as an SMS through a generic HTTP gateway: one templated request per recipient, each with its own
 * idempotency key ({@code <delivery key>-<recipient digits>}, header {@code Idempotency-Key} and placeholder
 * {@code {key}}). A 2xx answer confirms a recipient; 408, 429, 5xx, timeouts and refused connections leave it for
 * the outbox's next attempt; any other answer refuses it for good. A retry of a delivery sends only to the recipients
 * not yet done; the delivery is DELIVERED when all accepted, REJECTED when all are done and some refused, RETRY
 * otherwise. One instance per factory configuration {@code org.vigie.alert.sms-<name>}.
 *
 * <p>A configuration error does not stop the component: it reports DOWN with the reason, and alerts wait in the
 * outbox (RETRY) until the configuration is fixed.
 */
@Component(
        service = AlertChannel.class,
        configurationPid = SmsAlertChannel.CONFIGURATION_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SmsChannelConfig.class, factory = true)
public class SmsAlertChannel implements AlertChannel {

    static final String CONFIGURATION_PID = "org.vigie.alert.sms";
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** Deliveries whose per-recipient progress is remembered (the outbox retries far fewer at once). */
    static final int REMEMBERED_DELIVERIES = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(SmsAlertChannel.class);

    private final String id;
    private final SmsSettings settings;
    private final SmsSettings.Resolved resolved;
    private final String configurationError;
    private final HttpClient http;
    private final Clock clock;
    private final RecipientProgress progress = new RecipientProgress(REMEMBERED_DELIVERIES);
    private final AtomicReference<Instant> lastDelivery = new AtomicReference<>();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    @Activate
    public SmsAlertChannel(SmsChannelConfig config) {
        this(SmsSettings.of(config), Clock.systemUTC());
    }

    SmsAlertChannel(SmsSettings settings, Clock clock) {
        this.id = settings.channelId().isEmpty() ? "sms" : settings.channelId();
        this.settings = settings;
        this.clock = clock;
        SmsSettings.Resolved checked = null;
        String error = null;
        try {
            checked = settings.resolve();
        } catch (IllegalArgumentException e) {
            error = "configuration error in " + CONFIGURATION_PID + ": " + e.getMessage();
            LOG.error("{}: {}; alerts wait in the outbox until it is fixed", id, error);
        }
        this.resolved = checked;
        this.configurationError = error;
        this.http = HttpAttempt.client(settings.connectTimeout());
        if (checked != null) {
            LOG.info("{} sends alerts by {} to gateway {} for {} recipient(s)", id, checked.method(),
                    gatewayHost(settings.urlTemplate()), checked.recipients().size());
        }
    }

    /** @return the host part of the URL template, never its query (which may hold a key) */
    private static String gatewayHost(String urlTemplate) {
        int start = urlTemplate.indexOf("://");
        String rest = start < 0 ? urlTemplate : urlTemplate.substring(start + 3);
        int end = rest.indexOf('/');
        String authority = end < 0 ? rest : rest.substring(0, end);
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized DeliveryResult deliver(AlertMessage message) {
        if (configurationError != null) {
            return DeliveryResult.retry(configurationError);
        }
        String key = message.idempotencyKey();
        List<String> recipients = message.recipients().isEmpty() ? resolved.recipients()
                : message.recipients().stream().map(SmsSettings::normalize).distinct().toList();
        String source = !message.body().isBlank() ? message.body()
                : !message.subject().isBlank() ? message.subject() : message.event().message();
        String text = SmsText.shorten(source, settings.maxLength(), settings.maxLengthUnicode(),
                settings.transliterate());
        List<String> pending = new ArrayList<>();
        boolean unreachable = false;
        for (String recipient : recipients) {
            if (progress.of(key).containsKey(recipient)) {
                continue;
            }
            if (!SmsSettings.isE164(recipient)) {
                progress.record(key, recipient, new Done(false, "not an E.164 number"));
                continue;
            }
            if (unreachable) {
                pending.add(recipient + ": not tried, gateway unreachable");
                continue;
            }
            HttpAttempt attempt = send(message, recipient, text);
            switch (attempt.outcome()) {
                case DELIVERED -> progress.record(key, recipient, new Done(true, attempt.detail()));
                case REJECTED -> progress.record(key, recipient, new Done(false, attempt.detail()));
                case RETRY -> {
                    pending.add(recipient + ": " + attempt.detail());
                    // timeouts, refused connections and 429: the other recipients would only wait the same way
                    unreachable = attempt.unreachable();
                }
            }
        }
        return summarise(key, recipients, pending);
    }

    private HttpAttempt send(AlertMessage message, String recipient, String text) {
        String recipientKey = message.idempotencyKey() + "-" + recipient.substring(1);
        Map<String, String> values = new HashMap<>();
        values.put(Placeholders.TO, recipient);
        values.put(Placeholders.MSISDN, recipient.substring(1));
        values.put(Placeholders.FROM, settings.sender());
        values.put(Placeholders.TEXT, text);
        values.put(Placeholders.SUBJECT, message.subject());
        values.put(Placeholders.LEVEL, message.event().level().french());
        values.put(Placeholders.LEVEL_CODE, message.event().level().name());
        values.put(Placeholders.STATION, message.event().stationCode());
        values.put(Placeholders.KEY, recipientKey);
        values.put(Placeholders.ALERT_KEY, message.idempotencyKey());
        values.put(Placeholders.API_KEY, settings.apiKey());
        HttpRequest built;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(resolved.url().render(values)))
                    .timeout(settings.requestTimeout())
                    .header("User-Agent", "Vigie SMS channel")
                    .header(IDEMPOTENCY_HEADER, recipientKey);
            for (SmsSettings.Header header : resolved.headers()) {
                request.setHeader(header.name(), header.value().render(values));
            }
            if (resolved.body().isEmpty()) {
                request.method(resolved.method(), HttpRequest.BodyPublishers.noBody());
            } else {
                request.setHeader("Content-Type", resolved.contentType())
                        .method(resolved.method(), HttpRequest.BodyPublishers.ofString(
                                resolved.body().render(values), StandardCharsets.UTF_8));
            }
            built = request.build();
        } catch (IllegalArgumentException e) {
            // a template that renders into an invalid URL or header for this alert: wait for a configuration fix
            // (the JDK's message would quote the URL, which may hold the API key)
            return new HttpAttempt(Outcome.RETRY, "cannot build the request from the templates (invalid URL or"
                    + " header value)", true);
        }
        return HttpAttempt.send(http, built, settings.connectTimeout(), settings.requestTimeout());
    }

    private DeliveryResult summarise(String key, List<String> recipients, List<String> pending) {
        Map<String, Done> done = progress.of(key);
        List<String> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (String recipient : recipients) {
            Done d = done.get(recipient);
            if (d != null && d.accepted()) {
                accepted.add(recipient);
            } else if (d != null) {
                refused.add(recipient + ": " + d.detail());
            }
        }
        String summary = "accepted for " + accepted.size() + " of " + recipients.size() + " recipient(s)"
                + (accepted.isEmpty() ? "" : " " + accepted);
        if (!refused.isEmpty()) {
            summary += "; refused " + refused;
        }
        if (!pending.isEmpty()) {
            summary += "; to retry " + pending;
            lastFailure.set(summary);
            return DeliveryResult.retry(summary);
        }
        if (!refused.isEmpty()) {
            lastFailure.set(summary);
            if (!accepted.isEmpty()) {
                lastDelivery.set(clock.instant());
            }
            return new DeliveryResult(Outcome.REJECTED, summary);
        }
        lastFailure.set(null);
        lastDelivery.set(clock.instant());
        return DeliveryResult.delivered(summary);
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
