package org.vigie.alert.webhook.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures as sent in {@code X-Vigie-Signature}. */
final class Signatures {

    static final String ALGORITHM = "HmacSHA256";
    static final String PREFIX = "sha256=";

    private Signatures() {
    }

    /** @return {@code sha256=} and the lower-case hex HMAC-SHA256 of {@code body} keyed by the UTF-8 {@code secret} */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            // every Java SE runtime has HmacSHA256
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
