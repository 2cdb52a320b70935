package org.vigie.connector.hubeau.internal;

/**
 * A body that is not a Hub'Eau answer: truncated or invalid JSON, or JSON without the expected shape. Hub'Eau
 * produces these during outages, so the request is worth retrying.
 */
final class MalformedResponseException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedResponseException(String message) {
        super(message);
    }

    MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
