package org.vigie.alert.email.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.vigie.api.AlertEvent;
import org.vigie.api.VigilanceLevel;
import org.vigie.api.spi.AlertMessage;

/**
 * Writes the email of one alert: subject from the template, the alert's French text as a UTF-8 plain-text body, and
 * a Message-ID derived from the idempotency key (the same at every attempt).
 */
final class AlertMail {

    /** Header carrying the idempotency key itself, for people and tools reading the message. */
    static final String KEY_HEADER = "X-Vigie-Idempotency-Key";

    private AlertMail() {
    }

    static MimeMessage compose(Session session, EmailSettings settings, AlertMessage alert,
                               List<InternetAddress> to, Instant now) throws MessagingException {
        String messageId = MessageIds.of(alert.idempotencyKey(), settings.messageIdDomain());
        MimeMessage mail = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mail.setFrom(settings.from());
        mail.setRecipients(jakarta.mail.Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
        mail.setSubject(subject(settings.subjectTemplate(), alert), StandardCharsets.UTF_8.name());
        mail.setText(body(alert), StandardCharsets.UTF_8.name());
        mail.setSentDate(Date.from(now));
        mail.setHeader(KEY_HEADER, MessageIds.encode(alert.idempotencyKey()));
        mail.setHeader("Auto-Submitted", "auto-generated");
        mail.saveChanges();
        return mail;
    }

    static String subject(String template, AlertMessage alert) {
        AlertEvent event = alert.event();
        String title = alert.subject().isBlank() ? defaultTitle(event) : alert.subject();
        String level = event.level().french();
        String subject = template.replace("{subject}", title)
                .replace("{level}", level)
                .replace("{LEVEL}", level.toUpperCase(Locale.FRENCH))
                .replace("{station}", event.stationCode())
                .replace("{transition}", transition(event.transition()));
        // a header line: no line breaks
        return subject.replaceAll("[\\r\\n]+", " ").trim();
    }

    static String body(AlertMessage alert) {
        AlertEvent event = alert.event();
        String text = alert.body().isBlank() ? alert.subject() : alert.body();
        if (text.isBlank()) {
            text = defaultTitle(event);
        }
        return text + "\n\n-- \nMessage automatique de Vigie. Station " + event.stationCode() + ", vigilance "
                + event.level().french() + " (précédemment " + event.previousLevel().french()
                + "). Référence : " + alert.idempotencyKey() + "\n";
    }

    private static String defaultTitle(AlertEvent event) {
        return event.level() == VigilanceLevel.GREEN ? "Fin de vigilance — " + event.stationCode()
                : "Vigilance " + event.level().french() + " — " + event.stationCode();
    }

    private static String transition(AlertEvent.Transition transition) {
        return switch (transition) {
            case RAISED -> "déclenchement";
            case ESCALATED -> "aggravation";
            case DEESCALATED -> "atténuation";
            case ENDED -> "fin";
            case LOCAL_STEP -> "niveau local";
        };
    }
}
