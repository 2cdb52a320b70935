package org.vigie.connector.hubeau.internal;

/**
 * Hub'Eau did not give a usable answer within the retry budget, or refused the request outright; the message says
 * why, worded for an operator.
 */
final class SourceUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    SourceUnavailableException(String message) {
        super(message);
    }
}
