package org.vigie.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The stored form of a password, shared by the platform that checks it and the tool that writes it
 * ({@code bin/vigie passwd}): {@code pbkdf2-sha256:<iterations>:<salt, base64>:<hash, base64>}, PBKDF2 with
 * HMAC-SHA-256 and a random 16-byte salt. Only the hash is ever stored or configured.
 *
 * @since 1.3
 */
public final class PasswordHash {
    /** Iterations of new hashes: OWASP's 2023 advice for PBKDF2-HMAC-SHA-256. */
    public static final int ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** @return the stored form of {@code password}, with a new random salt */
    public static String hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return SCHEME + ":" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(derive(password, salt, ITERATIONS));
    }

    /**
     * @return whether {@code password} is the one {@code stored} was made from; {@code false} for a stored form that
     * is not one of ours
     */
    public static boolean matches(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || salt.length == 0 || expected.length == 0) {
                return false;
            }
            // constant time: how much of a guess was right must not show in the answer's timing
            return MessageDigest.isEqual(expected, derive(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @return whether {@code stored} has the form of a stored password */
    public static boolean isWellFormed(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":");
        try {
            return parts.length == 4 && parts[0].equals(SCHEME) && Integer.parseInt(parts[1]) > 0
                    && Base64.getDecoder().decode(parts[2]).length > 0 && Base64.getDecoder().decode(parts[3])
                    .length > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @return the SHA-256 of a token, hex: tokens are long and random, so a plain digest is enough */
    public static String tokenDigest(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }
}
