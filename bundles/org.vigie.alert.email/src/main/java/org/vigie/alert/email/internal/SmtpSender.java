package org.vigie.alert.email.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * One SMTP conversation (connect, optionally STARTTLS and AUTH, MAIL, RCPT…, DATA, QUIT) and what it tells about
 * the delivery. Jakarta Mail's classes are embedded in this bundle and find their providers through the thread's
 * context class loader, so every call into them runs with this bundle's class loader as the context class loader.
 */
final class SmtpSender {

    /** Why a conversation ended without the server taking the message. */
    enum Failure {
        /** The server took the message (for some recipients at least) or refused only recipients. */
        NONE,
        /** Network, timeout, TLS, 4xx answer: try again later. */
        TRANSIENT,
        /** Our side is wrong (authentication, sender refused): try again once the configuration is fixed. */
        CONFIGURATION,
        /** The server refused the message itself (5xx after DATA): sending it again will not help. */
        MESSAGE_REFUSED
    }

    /**
     * What one conversation achieved.
     *
     * @param failure            why it failed, or NONE
     * @param accepted           recipients for whom the server accepted the message (after the final 250)
     * @param temporarilyRefused recipients refused with a 4xx answer, with that answer
     * @param refused            recipients refused with a 5xx answer, with that answer
     * @param detail             the server's last answer or the error
     */
    record Attempt(Failure failure, List<InternetAddress> accepted, Map<InternetAddress, String> temporarilyRefused,
                   Map<InternetAddress, String> refused, String detail) {
    }

    private final EmailSettings settings;
    private final Session session;

    SmtpSender(EmailSettings settings) {
        this.settings = settings;
        this.session = withBundleClassLoader(() -> Session.getInstance(properties(settings)));
    }

    Session session() {
        return session;
    }

    static Properties properties(EmailSettings s) {
        String protocol = s.tls() == TlsMode.SSL ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.setProperty("mail.transport.protocol", protocol);
        props.setProperty(p + "host", s.host());
        props.setProperty(p + "port", Integer.toString(s.port()));
        props.setProperty(p + "connectiontimeout", Integer.toString(s.connectTimeoutMillis()));
        props.setProperty(p + "timeout", Integer.toString(s.readTimeoutMillis()));
        props.setProperty(p + "writetimeout", Integer.toString(s.readTimeoutMillis()));
        props.setProperty(p + "auth", Boolean.toString(!s.username().isEmpty()));
        // deliver to the recipients the server accepts, report the others (see Attempt)
        props.setProperty(p + "sendpartial", "true");
        props.setProperty(p + "quitwait", "false");
        if (s.from() != null) {
            props.setProperty(p + "from", s.from().getAddress());
        }
        if (s.tls() == TlsMode.STARTTLS) {
            props.setProperty(p + "starttls.enable", "true");
            props.setProperty(p + "starttls.required", "true");
        }
        if (s.tls() != TlsMode.NONE) {
            props.setProperty(p + "ssl.checkserveridentity", "true");
            if (!s.sslTrust().isEmpty()) {
                props.setProperty(p + "ssl.trust", s.sslTrust());
            }
        }
        props.setProperty("mail.mime.charset", "UTF-8");
        return props;
    }

    /** Sends {@code mail} to {@code envelope} (the SMTP RCPT TO list), never throwing. */
    Attempt send(MimeMessage mail, List<InternetAddress> envelope) {
        return withBundleClassLoader(() -> {
            Transport transport = null;
            try {
                transport = session.getTransport();
                transport.connect(settings.host(), settings.port(),
                        settings.username().isEmpty() ? null : settings.username(),
                        settings.username().isEmpty() ? null : settings.password());
                transport.sendMessage(mail, envelope.toArray(Address[]::new));
                return new Attempt(Failure.NONE, envelope, Map.of(), Map.of(), lastResponse(transport));
            } catch (AuthenticationFailedException e) {
                return failed(Failure.CONFIGURATION, "authentication failed: " + text(e));
            } catch (SMTPSendFailedException e) {
                return sendFailed(e, e.getCommand(), e.getReturnCode());
            } catch (SendFailedException e) {
                return sendFailed(e, "RCPT", 0);
            } catch (MessagingException e) {
                return failed(Failure.TRANSIENT, text(e));
            } catch (RuntimeException e) {
                return failed(Failure.TRANSIENT, e.toString());
            } finally {
                closeQuietly(transport);
            }
        });
    }

    private static Attempt sendFailed(SendFailedException e, String command, int code) {
        String cmd = command == null ? "" : command.toUpperCase(Locale.ROOT);
        Map<InternetAddress, String> temporary = new LinkedHashMap<>();
        Map<InternetAddress, String> permanent = new LinkedHashMap<>();
        Map<Address, String> answers = addressAnswers(e);
        for (Address a : nonNull(e.getValidUnsentAddresses())) {
            if (answers.containsKey(a)) {
                temporary.put((InternetAddress) a, answers.get(a));
            }
        }
        for (Address a : nonNull(e.getInvalidAddresses())) {
            permanent.put((InternetAddress) a, answers.getOrDefault(a, "refused"));
        }
        boolean messageTaken = code >= 200 && code < 300;
        if (messageTaken || cmd.startsWith("RCPT") && code == 0 && e.getNextException() instanceof SMTPAddressFailedException) {
            // RCPT answers only (with the message sent to the others if any): per-recipient outcome
            List<InternetAddress> accepted = new ArrayList<>();
            if (messageTaken) {
                for (Address a : nonNull(e.getValidSentAddresses())) {
                    accepted.add((InternetAddress) a);
                }
            }
            // valid but unsent without an answer of their own: the whole send failed for them, try again
            for (Address a : nonNull(e.getValidUnsentAddresses())) {
                temporary.putIfAbsent((InternetAddress) a, "not sent: " + text(e));
            }
            return new Attempt(Failure.NONE, accepted, temporary, permanent, text(e));
        }
        String answer = code > 0 ? text(e) : "send failed: " + text(e);
        if (cmd.startsWith("MAIL")) {
            return failed(code >= 500 ? Failure.CONFIGURATION : Failure.TRANSIENT, "sender refused: " + answer);
        }
        if (code >= 500) {
            return failed(Failure.MESSAGE_REFUSED, "message refused: " + answer);
        }
        return failed(Failure.TRANSIENT, answer);
    }

    private static Map<Address, String> addressAnswers(MessagingException e) {
        Map<Address, String> answers = new LinkedHashMap<>();
        Exception next = e.getNextException();
        int guard = 0;
        while (next instanceof MessagingException m && guard++ < 1000) {
            if (m instanceof SMTPAddressFailedException f) {
                answers.put(f.getAddress(), oneLine(f.getMessage()));
            }
            next = m.getNextException();
        }
        return answers;
    }

    private static Attempt failed(Failure failure, String detail) {
        return new Attempt(failure, List.of(), Map.of(), Map.of(), detail);
    }

    private static Address[] nonNull(Address[] addresses) {
        return addresses == null ? new Address[0] : addresses;
    }

    private static String lastResponse(Transport transport) {
        if (transport instanceof org.eclipse.angus.mail.smtp.SMTPTransport smtp
                && smtp.getLastServerResponse() != null) {
            return oneLine(smtp.getLastServerResponse());
        }
        return "accepted";
    }

    /** The exception's message and its causes' (e.g. "Couldn't connect… : Connection refused"), on one line. */
    static String text(Throwable e) {
        StringBuilder text = new StringBuilder(oneLine(String.valueOf(e.getMessage())));
        Throwable cause = e instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
                : e.getCause();
        for (int i = 0; cause != null && i < 4; i++) {
            if (!(cause instanceof SMTPAddressFailedException)) {
                text.append(" (").append(cause.getClass().getSimpleName()).append(": ")
                        .append(oneLine(String.valueOf(cause.getMessage()))).append(')');
            }
            cause = cause.getCause();
        }
        return text.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    private static void closeQuietly(Transport transport) {
        if (transport != null) {
            try {
                // QUIT: once the server has answered 250 to the message, a failure here changes nothing
                transport.close();
            } catch (MessagingException | RuntimeException ignored) {
                // the message's fate was decided before
            }
        }
    }

    /** Runs {@code action} with this bundle's class loader as the context class loader (Jakarta Mail looks there). */
    static <T> T withBundleClassLoader(java.util.function.Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(SmtpSender.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
