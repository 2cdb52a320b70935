package org.vigie.connector.csv.internal;

/**
 * A row that could not be read; the rest of its file is still delivered.
 *
 * @param lineNumber 1-based, counting every line of the file (comments and blank lines included)
 * @param lineText   the line as written
 * @param reason     why it was refused, worded for whoever fixes the file
 */
record LineError(int lineNumber, String lineText, String reason) {

    /** @return e.g. {@code "line 7: cannot parse time '2024-13-01 10:00' — expected …"} */
    String describe() {
        return "line " + lineNumber + ": " + reason;
    }
}
