package org.vigie.alert.email.internal;

import java.nio.charset.StandardCharsets;

/**
 * Derives the Message-ID of an alert email from its idempotency key, so that every attempt of one delivery carries
 * the same Message-ID: mail servers, mail clients and tests can then recognise a re-sent message as a duplicate.
 *
 * <p>The key is encoded injectively into RFC 5322 {@code dot-atom-text}: letters, digits, {@code -} and {@code _}
 * stay as they are, every other byte of its UTF-8 form becomes {@code =XX} (e.g. {@code a1/email:astreinte} →
 * {@code a1=2Femail=3Aastreinte}).
 */
final class MessageIds {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private MessageIds() {
    }

    /** @return the Message-ID, with its angle brackets */
    static String of(String idempotencyKey, String domain) {
        return "<" + encode(idempotencyKey) + ".vigie@" + domain + ">";
    }

    static String encode(String key) {
        StringBuilder out = new StringBuilder(key.length() + 16);
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
                out.append((char) c);
            } else {
                out.append('=').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
