package org.vigie.cap.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * One earlier message cited in {@code <references>}: {@code sender,identifier,sent}.
 */
public record CapReference(String sender, String identifier, OffsetDateTime sent) {

    public CapReference {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(sent, "sent");
        if (CapText.hasForbiddenIdChar(sender) || CapText.hasForbiddenIdChar(identifier)) {
            throw new IllegalArgumentException("sender and identifier of a reference cannot contain spaces, commas,"
                    + " '<' or '&': " + sender + "," + identifier);
        }
    }

    /** @return the triple as CAP writes it */
    public String text() {
        return sender + "," + identifier + "," + CapTimes.format(sent);
    }

    /** @return the triple in {@code token}, or empty when it is not {@code sender,identifier,sent} */
    static Optional<CapReference> parse(String token) {
        String[] parts = token.split(",");
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CapReference(parts[0], parts[1], CapTimes.parse(parts[2])));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
