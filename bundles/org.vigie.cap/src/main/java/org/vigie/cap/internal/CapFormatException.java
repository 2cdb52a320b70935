package org.vigie.cap.internal;

/**
 * A document that is not a CAP 1.2 alert this library can read: not well-formed XML, a DOCTYPE, another root
 * element, a missing required element or a value outside CAP's code lists. The message names the line and column.
 */
public class CapFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    public CapFormatException(String message, int line, int column, Throwable cause) {
        super((line > 0 ? "line " + line + ", column " + column + ": " : "") + message, cause);
        this.line = line;
        this.column = column;
    }

    /** @return the line of the problem, or -1 when unknown */
    public int line() {
        return line;
    }

    /** @return the column of the problem, or -1 when unknown */
    public int column() {
        return column;
    }
}
