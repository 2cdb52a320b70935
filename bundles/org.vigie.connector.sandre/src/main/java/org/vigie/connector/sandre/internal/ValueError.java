package org.vigie.connector.sandre.internal;

/**
 * A value (or a whole series, forecast or section) that was not imported; the rest of its file still is.
 *
 * @param lineNumber 1-based line of the element concerned, as the XML reader located it
 * @param reason     what was not imported and why, worded for whoever fixes the file
 */
record ValueError(int lineNumber, String reason) {

    /** @return e.g. {@code "line 33: ObsHydro of K435001010 (H): cannot parse ResObsHydro 'abc' as a number"} */
    String describe() {
        return "line " + lineNumber + ": " + reason;
    }
}
