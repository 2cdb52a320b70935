package org.vigie.web.internal;

/** A request the API answers with an HTTP error status and a JSON {@code {"error": …}} body. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }
}
