package org.vigie.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void theRightPasswordMatchesAndNothingElseDoes() {
        String stored = PasswordHash.hash("crue-1856".toCharArray());
        assertTrue(stored.startsWith("pbkdf2-sha256:600000:"), stored);
        assertTrue(PasswordHash.isWellFormed(stored));
        assertTrue(PasswordHash.matches("crue-1856".toCharArray(), stored));
        assertFalse(PasswordHash.matches("crue-1857".toCharArray(), stored));
        assertFalse(PasswordHash.matches("".toCharArray(), stored));
        assertFalse(stored.contains("crue-1856"));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(PasswordHash.hash("a".toCharArray()), PasswordHash.hash("a".toCharArray()));
    }

    @Test
    void aStoredFormThatIsNotOursNeverMatches() {
        for (String stored : new String[] {null, "", "plain", "md5:1:AA==:AA==", "pbkdf2-sha256:x:AA==:AA==",
                "pbkdf2-sha256:0:AA==:AA==", "pbkdf2-sha256:10:!!:AA=="}) {
            assertFalse(PasswordHash.matches("plain".toCharArray(), stored), stored);
            assertFalse(PasswordHash.isWellFormed(stored), stored);
        }
    }

    @Test
    void aTokenDigestIsTheHexSha256() {
        assertTrue(PasswordHash.tokenDigest("abc")
                .equals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
}
