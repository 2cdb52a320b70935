package org.vigie.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigie.api.PasswordHash;

class UserAccountsTest {
    private static final String TOKEN = "q8yJ3w5Zc1v0m2L7pR9sT4uX6aB8dE0f";

    private static UserAccounts accounts(String[] users, String[] tokens) {
        return new UserAccounts(new UserAccounts.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return UserAccounts.Config.class;
            }

            @Override
            public String[] users() {
                return users;
            }

            @Override
            public String[] tokens() {
                return tokens;
            }
        });
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aUserProvesItselfWithItsPasswordAndATokenWithItself() {
        UserAccounts accounts = accounts(new String[] {"duty:" + PasswordHash.hash("Loire-1856-crue".toCharArray()),
                "clear:motdepasseenclair"}, new String[] {"supervision:" + PasswordHash.tokenDigest(TOKEN)});
        assertTrue(accounts.configured());
        assertEquals(Optional.of("duty"), accounts.authenticate(basic("duty", "Loire-1856-crue")));
        assertEquals(Optional.of("duty"), accounts.authenticate(basic("duty", "Loire-1856-crue")), "remembered");
        assertEquals(Optional.empty(), accounts.authenticate(basic("duty", "Loire-1857-crue")));
        assertEquals(Optional.empty(), accounts.authenticate(basic("nobody", "Loire-1856-crue")));
        assertEquals(Optional.empty(), accounts.authenticate(basic("clear", "motdepasseenclair")),
                "a password configured in clear is ignored, never compared");
        assertEquals(Optional.of("supervision"), accounts.authenticate("Bearer " + TOKEN));
        assertEquals(Optional.empty(), accounts.authenticate("Bearer " + TOKEN + "x"));
        assertEquals(Optional.empty(), accounts.authenticate("Basic !!!"));
        assertEquals(Optional.empty(), accounts.authenticate(null));
    }

    @Test
    void withoutConfigurationNobodyIsKnown() {
        UserAccounts accounts = accounts(new String[0], new String[0]);
        assertFalse(accounts.configured());
        assertEquals(Optional.empty(), accounts.authenticate(basic("duty", "x")));
    }
}
