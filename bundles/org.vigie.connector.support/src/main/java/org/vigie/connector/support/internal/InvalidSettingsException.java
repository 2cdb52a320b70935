package org.vigie.connector.support.internal;

/** The settings of a connector instance cannot work; the message says why, worded for an operator. */
public final class InvalidSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(String message) {
        super(message);
    }
}
