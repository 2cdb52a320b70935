package org.vigie.alert.email.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.Health;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.spi.AlertChannel;
import org.vigie.api.spi.AlertMessage;
import org.vigie.api.spi.DeliveryResult;

/**
 * Sends alerts by email through an SMTP server; one instance per configuration (docs/channels/email.md).
 *
 * <p>Outcomes: DELIVERED only once the server has answered 250 to the message for every recipient it did not
 * refuse permanently; RETRY for anything that may pass later (server down, timeouts, 4xx, authentication or sender
 * refused, configuration errors: the alert waits in the outbox until they are fixed); REJECTED when the message
 * itself is refused (5xx after DATA) or every recipient is refused permanently (5xx to RCPT).
 */
@Component(service = AlertChannel.class, configurationPid = EmailSettings.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = EmailChannelConfig.class, factory = true)
public class EmailAlertChannel implements AlertChannel {

    private static final Logger LOG = LoggerFactory.getLogger(EmailAlertChannel.class);

    private final EmailSettings settings;
    private final SmtpSender sender;
    private final Clock clock;
    private final DeliveryLedger ledger = new DeliveryLedger();

    private volatile Instant lastDelivery;
    private volatile Health.Status lastStatus = Health.Status.UP;
    private volatile String lastProblem = "";

    @Activate
    public EmailAlertChannel(EmailChannelConfig config, Map<String, Object> properties) {
        this(EmailSettings.of(config, properties), Clock.systemUTC());
        if (!settings.errors().isEmpty()) {
            LOG.error("email channel {}: configuration error: {}", settings.channelId(), settings.errors());
        } else {
            LOG.info("email channel {} ready: {}:{} ({}), from {}", settings.channelId(), settings.host(),
                    settings.port(), settings.tls(), settings.from().getAddress());
        }
        settings.warnings().forEach(w -> LOG.warn("email channel {}: {}", settings.channelId(), w));
    }

    EmailAlertChannel(EmailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.sender = new SmtpSender(settings);
    }

    @Override
    public String id() {
        return settings.channelId();
    }

    @Override
    public synchronized DeliveryResult deliver(AlertMessage message) {
        String key = message.idempotencyKey();
        String messageId = MessageIds.of(key, settings.messageIdDomain());
        if (!settings.errors().isEmpty()) {
            return DeliveryResult.retry("configuration error: " + String.join("; ", settings.errors()));
        }
        if (ledger.isComplete(key)) {
            return DeliveryResult.delivered("already accepted by the server as " + messageId + ", not sent again");
        }
        List<InternetAddress> wanted = recipients(message);
        if (wanted.isEmpty()) {
            return problem(new DeliveryResult(DeliveryResult.Outcome.REJECTED,
                    "no valid recipient among " + message.recipients()), Health.Status.DEGRADED);
        }
        List<InternetAddress> envelope = wanted.stream()
                .filter(a -> !ledger.wasAccepted(key, a.getAddress())).toList();

        MimeMessage mail;
        try {
            mail = SmtpSender.withBundleClassLoader(() -> {
                try {
                    return AlertMail.compose(sender.session(), settings, message, wanted, clock.instant());
                } catch (MessagingException e) {
                    throw new IllegalStateException(SmtpSender.text(e), e);
                }
            });
        } catch (IllegalStateException e) {
            return problem(new DeliveryResult(DeliveryResult.Outcome.REJECTED, "cannot write the message: "
                    + e.getMessage()), Health.Status.DEGRADED);
        }
        SmtpSender.Attempt attempt = sender.send(mail, envelope);
        return outcome(key, messageId, attempt);
    }

    private DeliveryResult outcome(String key, String messageId, SmtpSender.Attempt attempt) {
        switch (attempt.failure()) {
            case TRANSIENT -> {
                return problem(DeliveryResult.retry(attempt.detail()), Health.Status.DEGRADED);
            }
            case CONFIGURATION -> {
                return problem(DeliveryResult.retry(attempt.detail()), Health.Status.DOWN);
            }
            case MESSAGE_REFUSED -> {
                return problem(new DeliveryResult(DeliveryResult.Outcome.REJECTED, attempt.detail()),
                        Health.Status.DEGRADED);
            }
            default -> {
                // the message went through DATA for attempt.accepted(); RCPT refusals are per recipient
            }
        }
        List<String> accepted = attempt.accepted().stream().map(InternetAddress::getAddress).toList();
        boolean complete = attempt.temporarilyRefused().isEmpty();
        ledger.accepted(key, accepted, complete && ledger.acceptedCount(key) + accepted.size() > 0);
        String refused = attempt.refused().isEmpty() ? "" : "; refused: " + describe(attempt.refused());
        if (!attempt.temporarilyRefused().isEmpty()) {
            String detail = (accepted.isEmpty() ? "" : "accepted for " + accepted + "; ")
                    + "temporarily refused: " + describe(attempt.temporarilyRefused()) + refused;
            return problem(DeliveryResult.retry(detail), Health.Status.DEGRADED);
        }
        if (ledger.acceptedCount(key) == 0) {
            return problem(new DeliveryResult(DeliveryResult.Outcome.REJECTED,
                    "every recipient refused: " + describe(attempt.refused())), Health.Status.DEGRADED);
        }
        lastDelivery = clock.instant();
        String detail = messageId + " accepted for " + accepted + ": " + attempt.detail() + refused;
        if (refused.isEmpty()) {
            lastStatus = Health.Status.UP;
            lastProblem = "";
        } else {
            lastStatus = Health.Status.DEGRADED;
            lastProblem = "recipients refused by the server" + refused;
        }
        LOG.info("email channel {}: {}", settings.channelId(), detail);
        return DeliveryResult.delivered(detail);
    }

    private DeliveryResult problem(DeliveryResult result, Health.Status status) {
        lastStatus = status;
        lastProblem = result.outcome() + ": " + result.detail();
        return result;
    }

    /** The message's own recipients if it names any, else the configured ones for its level. */
    private List<InternetAddress> recipients(AlertMessage message) {
        if (!message.recipients().isEmpty()) {
            List<String> ignored = new ArrayList<>();
            List<InternetAddress> parsed = EmailSettings.addresses("message recipients",
                    message.recipients().toArray(String[]::new), ignored);
            ignored.forEach(w -> LOG.warn("email channel {}: {}", settings.channelId(), w));
            return parsed;
        }
        VigilanceLevel level = VigilanceLevel.max(message.event().level(), message.event().previousLevel());
        return settings.recipientsFor(level);
    }

    private static String describe(Map<InternetAddress, String> answers) {
        return answers.entrySet().stream().map(e -> e.getKey().getAddress() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    @Override
    public Health health() {
        if (!settings.errors().isEmpty()) {
            return Health.down("configuration error: " + String.join("; ", settings.errors()));
        }
        Set<String> notes = new LinkedHashSet<>(settings.warnings());
        if (!lastProblem.isEmpty()) {
            notes.add(lastProblem);
        }
        Health.Status status = lastStatus == Health.Status.UP && !settings.warnings().isEmpty()
                ? Health.Status.DEGRADED : lastStatus;
        return new Health(status, String.join("; ", notes), lastDelivery);
    }
}
