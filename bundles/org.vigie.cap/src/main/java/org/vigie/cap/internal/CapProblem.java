package org.vigie.cap.internal;

/**
 * One schema validation problem.
 *
 * @param fatal   whether the document is not even well-formed XML (or carries a DOCTYPE)
 * @param line    1-based, or -1 when unknown
 * @param column  1-based, or -1 when unknown
 * @param message what the schema (or the XML parser) says, e.g. {@code cvc-complex-type.2.4.a: Invalid content was
 *                found starting with element '…polygon'. One of '{…geocode, …altitude, …ceiling}' is expected.}
 */
public record CapProblem(boolean fatal, int line, int column, String message) {

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ", column " + column + ": " : "") + message;
    }
}
