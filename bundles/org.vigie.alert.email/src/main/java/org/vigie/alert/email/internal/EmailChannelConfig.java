package org.vigie.alert.email.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The email channel's configuration: {@code config/org.vigie.alert.email.config} for the channel {@code email}, or
 * factory configurations {@code config/org.vigie.alert.email-<name>.config} for channels {@code email:<name>}. The
 * single source of the defaults: {@link EmailSettings} only checks and carries the values over.
 */
@ObjectClassDefinition(
        name = "Vigie email alert channel",
        description = "Sends each alert as a French, UTF-8 email through an SMTP server (docs/channels/email.md)")
@interface EmailChannelConfig {

    @AttributeDefinition(
            name = "Channel id",
            description = "Empty: email for the configuration org.vigie.alert.email, email:<name> for the factory"
                    + " configuration org.vigie.alert.email-<name>. List it in config/org.vigie.core.alerts.config",
            required = false)
    String channelId() default "";

    // --- SMTP server ---

    @AttributeDefinition(name = "SMTP host", description = "Name or address of the submission server")
    String host() default "";

    @AttributeDefinition(
            name = "SMTP port",
            description = "0: the usual port of the TLS mode (25 for none, 587 for STARTTLS, 465 for SSL)",
            required = false, min = "0", max = "65535")
    int port() default 0;

    @AttributeDefinition(
            name = "TLS mode",
            description = "NONE (plain text, a trusted local relay only), STARTTLS (upgrade required: the channel"
                    + " refuses to send in clear) or SSL (implicit TLS, smtps)",
            required = false,
            options = {@Option(label = "None", value = "NONE"), @Option(label = "STARTTLS", value = "STARTTLS"),
                    @Option(label = "SSL/TLS", value = "SSL")})
    String tls() default "STARTTLS";

    @AttributeDefinition(
            name = "Trusted TLS hosts",
            description = "Empty: the JVM trust store decides. Otherwise Angus Mail's mail.smtp.ssl.trust: host names"
                    + " whose certificate is trusted without verification (a test server; prefer a trust store)",
            required = false)
    String sslTrust() default "";

    @AttributeDefinition(name = "User name", description = "Empty: no SMTP authentication", required = false)
    String username() default "";

    /**
     * Key {@code .password}: the leading dot makes it a private property, which Declarative Services does not
     * publish with the service, so that the password cannot be read from the service registry.
     */
    @AttributeDefinition(name = "Password", description = "Key .password (with the leading dot); never logged",
            type = AttributeType.PASSWORD, required = false)
    String _password() default "";

    @AttributeDefinition(name = "Connection timeout (s)", description = "How long opening the connection may take",
            required = false, min = "1")
    int connectionTimeoutSeconds() default 10;

    @AttributeDefinition(
            name = "Read timeout (s)",
            description = "How long the channel waits for each answer of the server (and for each write)",
            required = false, min = "1")
    int readTimeoutSeconds() default 30;

    // --- message ---

    @AttributeDefinition(
            name = "From",
            description = "Sender address, also the SMTP envelope sender, e.g. Vigie Orléans <vigie@example.fr>")
    String from() default "";

    @AttributeDefinition(
            name = "Recipients",
            description = "Addresses receiving every alert; each entry may itself be a comma-separated list")
    String[] recipients() default {};

    @AttributeDefinition(name = "Recipients (yellow)", description = "Also told of yellow vigilance and above",
            required = false)
    String[] recipientsYellow() default {};

    @AttributeDefinition(name = "Recipients (orange)", description = "Also told of orange vigilance and above",
            required = false)
    String[] recipientsOrange() default {};

    @AttributeDefinition(name = "Recipients (red)", description = "Also told of red vigilance", required = false)
    String[] recipientsRed() default {};

    @AttributeDefinition(
            name = "Subject template",
            description = "Placeholders: {subject} (the alert's title), {level} (vert, jaune, orange, rouge),"
                    + " {LEVEL} (the same in capitals), {station} (station code), {transition}",
            required = false)
    String subjectTemplate() default "[Vigie] {subject}";

    @AttributeDefinition(
            name = "Message-ID domain",
            description = "Right-hand side of the Message-ID derived from the idempotency key; empty: the domain of"
                    + " the From address",
            required = false)
    String messageIdDomain() default "";
}
