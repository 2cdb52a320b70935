package org.vigie.api.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    @Test
    void aWriteFromAnotherSitesPageIsTold() {
        assertTrue(Authenticator.fromThisSite(null, null, "vigie.example.org:8080"), "curl, scripts");
        assertTrue(Authenticator.fromThisSite("http://vigie.example.org:8080", "same-origin", "vigie.example.org:8080"));
        assertTrue(Authenticator.fromThisSite("http://localhost:8080", null, "localhost:8080"), "older browsers");
        assertFalse(Authenticator.fromThisSite("https://evil.example.com", "cross-site", "vigie.example.org:8080"));
        assertFalse(Authenticator.fromThisSite("https://evil.example.com", null, "vigie.example.org:8080"));
        assertFalse(Authenticator.fromThisSite(null, "cross-site", "vigie.example.org:8080"));
        assertFalse(Authenticator.fromThisSite("null", null, "vigie.example.org:8080"), "a sandboxed frame");
        assertFalse(Authenticator.fromThisSite("http://vigie.example.org:9090", "same-site", "vigie.example.org:8080"));
    }
}
