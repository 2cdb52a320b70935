package org.vigie.alert.email.internal;

import java.util.Locale;
import java.util.Optional;

/** How the connection to the SMTP server is protected. */
enum TlsMode {
    /** Plain text: only for a trusted relay on the local network. */
    NONE(25),
    /** Plain connection upgraded by STARTTLS; the upgrade is required. */
    STARTTLS(587),
    /** TLS from the first byte (smtps). */
    SSL(465);

    private final int defaultPort;

    TlsMode(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    int defaultPort() {
        return defaultPort;
    }

    static Optional<TlsMode> parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace("/TLS", "");
        return switch (t) {
            case "NONE" -> Optional.of(NONE);
            case "STARTTLS", "" -> Optional.of(STARTTLS);
            case "SSL", "TLS", "SMTPS" -> Optional.of(SSL);
            default -> Optional.empty();
        };
    }
}
