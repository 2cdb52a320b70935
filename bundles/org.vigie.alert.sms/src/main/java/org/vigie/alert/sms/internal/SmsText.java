package org.vigie.alert.sms.internal;

import java.text.Normalizer;
import java.util.Map;

/**
 * Makes an alert text fit one SMS (or the configured number of parts). GSM-7 (3GPP TS 23.038) carries 160 septets
 * per single SMS, its extension characters ({@code € [ ] { } ~ ^ \ |}) taking two; a text with any other character
 * goes as UCS-2, 70 UTF-16 units per SMS. Typographic punctuation is first folded to its GSM-7 equivalent
 * (— → -, ’ → ', « » → ", … → ...) and, when asked, letters outside GSM-7 to their base letter (ê → e); é è à ù ì
 * ò Ç É and the other GSM-7 letters are kept.
 */
final class SmsText {

    static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    static final String GSM7_EXTENSION = "\f^{}\\[~]|€";

    private static final Map<Integer, String> PUNCTUATION = Map.ofEntries(
            Map.entry((int) '—', "-"), Map.entry((int) '–', "-"), Map.entry((int) '‑', "-"),
            Map.entry((int) '’', "'"), Map.entry((int) '‘', "'"), Map.entry((int) '‚', "'"),
            Map.entry((int) '“', "\""), Map.entry((int) '”', "\""), Map.entry((int) '„', "\""),
            Map.entry((int) '«', "\""), Map.entry((int) '»', "\""), Map.entry((int) '…', "..."),
            Map.entry(0x00A0, " "), Map.entry(0x202F, " "), Map.entry(0x2009, " "), Map.entry((int) '\t', " "),
            Map.entry((int) '³', "3"), Map.entry((int) '²', "2"));
    private static final Map<Integer, String> LIGATURES = Map.of((int) 'œ', "oe", (int) 'Œ', "OE");

    private SmsText() {
    }

    /**
     * @param maxGsm     longest result in septets when the (folded) result is GSM-7
     * @param maxUnicode longest result in UTF-16 units otherwise
     * @return the folded text, cut at a word when possible and ended by "..." (GSM-7) or "…" (UCS-2) if too long
     */
    static String shorten(String text, int maxGsm, int maxUnicode, boolean transliterate) {
        String folded = fold(text == null ? "" : text.strip(), transliterate);
        String gsm = cut(folded, maxGsm, true);
        if (isGsm7(gsm)) {
            return gsm;
        }
        return cut(folded, maxUnicode, false);
    }

    static String fold(String text, boolean transliterate) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String replacement = PUNCTUATION.get(cp);
            if (replacement == null && transliterate && !isGsm7(cp)) {
                replacement = LIGATURES.getOrDefault(cp, baseLetter(cp));
            }
            if (replacement != null) {
                out.append(replacement);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    static boolean isGsm7(String text) {
        return text.codePoints().allMatch(SmsText::isGsm7);
    }

    /** @return the length in GSM-7 septets, or in UTF-16 units when {@code gsm} is false */
    static int units(String text, boolean gsm) {
        if (!gsm) {
            return text.length();
        }
        int septets = 0;
        for (int i = 0; i < text.length(); i++) {
            septets += GSM7_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return septets;
    }

    private static boolean isGsm7(int cp) {
        return cp < 0x10000 && (GSM7_BASIC.indexOf(cp) >= 0 || GSM7_EXTENSION.indexOf(cp) >= 0);
    }

    /** @return the base letter of {@code cp} if it is GSM-7 once its accents are removed, else null */
    private static String baseLetter(int cp) {
        String stripped = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return !stripped.isEmpty() && isGsm7(stripped) ? stripped : null;
    }

    private static String cut(String text, int max, boolean gsm) {
        if (units(text, gsm) <= max) {
            return text;
        }
        String ellipsis = gsm ? "..." : "…";
        int budget = max - units(ellipsis, gsm);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String c = new String(Character.toChars(cp));
            int size = units(c, gsm);
            if (used + size > budget) {
                break;
            }
            kept.append(c);
            used += size;
            i += Character.charCount(cp);
        }
        // end at a word when one ends close enough, rather than in the middle of a number or a name
        int space = kept.lastIndexOf(" ");
        if (space > 0 && space >= kept.length() - 15) {
            kept.setLength(space);
        }
        String head = kept.toString().stripTrailing();
        while (!head.isEmpty() && ",;:-(".indexOf(head.charAt(head.length() - 1)) >= 0) {
            head = head.substring(0, head.length() - 1).stripTrailing();
        }
        return head + ellipsis;
    }
}
