package org.vigie.alert.email.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.vigie.api.VigilanceLevel;

/**
 * The checked configuration of one email channel. Problems are collected, not thrown: {@link #errors()} make the
 * channel DOWN (it then answers RETRY, so that alerts wait in the outbox until the configuration is fixed),
 * {@link #warnings()} make it DEGRADED (e.g. one unparseable recipient among valid ones, which is skipped).
 *
 * @param channelId    the channel id
 * @param host         SMTP host
 * @param port         SMTP port
 * @param tls          TLS mode
 * @param sslTrust     Angus Mail's {@code ssl.trust} value, "" for the JVM trust store
 * @param username     "" for no authentication
 * @param password     the password (never logged; {@link #toString()} hides it)
 * @param connectTimeoutMillis connection timeout
 * @param readTimeoutMillis    read and write timeout
 * @param from         sender
 * @param recipients   recipients of every alert
 * @param byLevel      further recipients from a level up (YELLOW, ORANGE, RED)
 * @param subjectTemplate subject template
 * @param messageIdDomain right-hand side of Message-IDs
 * @param errors       configuration errors
 * @param warnings     configuration warnings
 */
record EmailSettings(String channelId, String host, int port, TlsMode tls, String sslTrust, String username,
                     String password, int connectTimeoutMillis, int readTimeoutMillis, InternetAddress from,
                     List<InternetAddress> recipients, Map<VigilanceLevel, List<InternetAddress>> byLevel,
                     String subjectTemplate, String messageIdDomain, List<String> errors, List<String> warnings) {

    static final String PID = "org.vigie.alert.email";
    static final String BASE_ID = "email";

    /** Reads and checks a configuration; {@code properties} are the component's (for the configuration's name). */
    static EmailSettings of(EmailChannelConfig config, Map<String, ?> properties) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();

        String id = config.channelId().trim();
        if (id.isEmpty()) {
            String name = factoryName(properties);
            id = name.isEmpty() ? BASE_ID : BASE_ID + ":" + name;
        }
        String host = config.host().trim();
        if (host.isEmpty()) {
            errors.add("host is not set");
        }
        TlsMode tls = TlsMode.parse(config.tls()).orElse(null);
        if (tls == null) {
            errors.add("tls must be NONE, STARTTLS or SSL, not '" + config.tls() + "'");
            tls = TlsMode.STARTTLS;
        }
        int port = config.port() == 0 ? tls.defaultPort() : config.port();
        if (port < 1 || port > 65535) {
            errors.add("port " + config.port() + " is out of range");
        }
        if (config.connectionTimeoutSeconds() < 1 || config.readTimeoutSeconds() < 1) {
            errors.add("timeouts must be at least 1 s");
        }
        String username = config.username().trim();
        String password = config._password();
        if (!username.isEmpty() && password.isEmpty()) {
            warnings.add("username set without .password");
        }

        InternetAddress from = null;
        if (config.from().isBlank()) {
            errors.add("from is not set");
        } else {
            try {
                from = new InternetAddress(config.from().trim(), true);
            } catch (AddressException e) {
                errors.add("from '" + config.from() + "' is not an address: " + e.getMessage());
            }
        }

        List<InternetAddress> recipients = addresses("recipients", config.recipients(), warnings);
        Map<VigilanceLevel, List<InternetAddress>> byLevel = new EnumMap<>(VigilanceLevel.class);
        byLevel.put(VigilanceLevel.YELLOW, addresses("recipientsYellow", config.recipientsYellow(), warnings));
        byLevel.put(VigilanceLevel.ORANGE, addresses("recipientsOrange", config.recipientsOrange(), warnings));
        byLevel.put(VigilanceLevel.RED, addresses("recipientsRed", config.recipientsRed(), warnings));
        if (recipients.isEmpty() && byLevel.values().stream().allMatch(List::isEmpty)) {
            errors.add("no valid recipient configured");
        }

        String domain = config.messageIdDomain().trim();
        if (domain.isEmpty() && from != null) {
            String address = from.getAddress();
            domain = address.substring(address.lastIndexOf('@') + 1);
        }
        if (domain.isEmpty() || !domain.matches("[A-Za-z0-9.-]+")) {
            domain = "vigie.invalid";
        }
        String template = config.subjectTemplate().isBlank() ? "{subject}" : config.subjectTemplate();
        return new EmailSettings(id, host, port, tls, config.sslTrust().trim(), username, password,
                config.connectionTimeoutSeconds() * 1000, config.readTimeoutSeconds() * 1000, from,
                recipients, byLevel, template, domain, List.copyOf(errors), List.copyOf(warnings));
    }

    /**
     * The configured recipients of an alert at {@code level}: the general list, then those of every level up to
     * it. An alert going down (de-escalated, ended) is sent at the previous level, so that whoever heard of red
     * hears it is over.
     */
    List<InternetAddress> recipientsFor(VigilanceLevel level) {
        Set<InternetAddress> all = new LinkedHashSet<>(recipients);
        for (Map.Entry<VigilanceLevel, List<InternetAddress>> e : byLevel.entrySet()) {
            if (!e.getKey().isAbove(level)) {
                all.addAll(e.getValue());
            }
        }
        return List.copyOf(all);
    }

    /** Parses one recipient list: each entry may be a comma-separated list; bad entries become warnings. */
    static List<InternetAddress> addresses(String key, String[] entries, List<String> warnings) {
        Set<InternetAddress> result = new LinkedHashSet<>();
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            try {
                for (InternetAddress address : InternetAddress.parse(entry, true)) {
                    address.validate();
                    result.add(address);
                }
            } catch (AddressException e) {
                warnings.add(key + ": '" + entry + "' skipped, not an address (" + e.getMessage() + ")");
            }
        }
        return List.copyOf(result);
    }

    private static String factoryName(Map<String, ?> properties) {
        if (!(properties.get("service.factoryPid") instanceof String)) {
            return "";
        }
        String pid = properties.get("service.pid") instanceof String s ? s : "";
        int tilde = pid.lastIndexOf('~');
        if (tilde >= 0 && tilde < pid.length() - 1) {
            return pid.substring(tilde + 1);
        }
        String file = properties.get("felix.fileinstall.filename") instanceof String s ? s : "";
        String fileName = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        if (base.startsWith(PID + "-") && base.length() > PID.length() + 1) {
            return base.substring(PID.length() + 1);
        }
        return pid.startsWith(PID + ".") ? pid.substring(PID.length() + 1) : pid;
    }

    @Override
    public String toString() {
        return "EmailSettings[" + channelId + " " + username + (username.isEmpty() ? "" : "@") + host + ":" + port
                + " " + tls + " from " + from + " to " + recipients + " " + byLevel + "]";
    }
}
