package org.vigie.cap.internal;

/** Character checks shared by the model and the writer. */
final class CapText {

    private CapText() {
    }

    /** CAP 1.2 §3.2.1: identifiers and senders "MUST NOT include spaces, commas or restricted characters (< and &)". */
    static boolean hasForbiddenIdChar(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == ',' || c == '<' || c == '&') {
                return true;
            }
        }
        return false;
    }

    /** @return the index of the first character XML 1.0 cannot carry, or -1 */
    static int firstNonXmlChar(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!ok) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }
}
