package org.vigie.web.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vigie.api.PasswordHash;
import org.vigie.api.service.Authenticator;

/**
 * Who may act on Vigie: users with hashed passwords (HTTP Basic) and API tokens kept as their SHA-256 (Bearer).
 * Secrets are never logged; a password checked once is remembered (by the digest of its header) so that each
 * request does not pay the deliberately slow hash again.
 */
@Component(service = Authenticator.class, configurationPid = UserAccounts.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = UserAccounts.Config.class)
public final class UserAccounts implements Authenticator {
    static final String PID = "org.vigie.web.security";
    private static final Logger LOG = LoggerFactory.getLogger(UserAccounts.class);
    private static final int REMEMBERED = 1000;
    private static final int CONCURRENT_CHECKS = 2;
    /** Hash checked for an unknown user name (it matches no password). */
    private static final String UNKNOWN_USER = PasswordHash.hash(UUID.randomUUID().toString().toCharArray());

    @ObjectClassDefinition(name = "Vigie users and API tokens",
            description = "Who may acknowledge alerts and use the write endpoints")
    public @interface Config {
        @AttributeDefinition(description = "name:pbkdf2-sha256:… entries, as printed by bin/vigie passwd NAME")
        String[] users() default {};

        @AttributeDefinition(description = "name:sha256-of-the-token entries, as printed by bin/vigie passwd"
                + " --token NAME")
        String[] tokens() default {};
    }

    private final Map<String, String> users = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> checked = new ConcurrentHashMap<>();
    private final Semaphore checks = new Semaphore(CONCURRENT_CHECKS);

    @Activate
    public UserAccounts(Config config) {
        read(config.users(), users, "user", true);
        read(config.tokens(), tokens, "token", false);
        LOG.info("{} user(s) and {} API token(s) configured", users.size(), tokens.size());
    }

    private static void read(String[] entries, Map<String, String> into, String what, boolean password) {
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            String name = colon > 0 ? entry.substring(0, colon).trim() : "";
            String secret = colon > 0 ? entry.substring(colon + 1).trim() : "";
            boolean wellFormed = password ? PasswordHash.isWellFormed(secret) : secret.matches("[0-9a-f]{64}");
            if (name.isEmpty() || !wellFormed) {
                // the entry may hold a password typed in clear: say which entry, never what it holds
                LOG.error("{} entry '{}' of {} ignored: expected name:{} (bin/vigie passwd)", what,
                        name.isEmpty() ? "?" : name, PID, password ? "pbkdf2-sha256:…" : "<sha256 hex>");
                continue;
            }
            into.put(name, secret);
        }
    }

    /**
     * Checks a password with at most {@link #CONCURRENT_CHECKS} at a time: the hash is slow on purpose, and a flood
     * of guesses must not take the processors the forecasts need. A check that cannot start within a second fails.
     */
    private boolean checkPassword(String password, String stored) {
        try {
            if (!checks.tryAcquire(1, TimeUnit.SECONDS)) {
                LOG.warn("password checks saturated: a login was refused");
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            return PasswordHash.matches(password.toCharArray(), stored);
        } finally {
            checks.release();
        }
    }

    private static String scheme(String authorization) {
        String scheme = authorization.split(" ", 2)[0];
        return scheme.equalsIgnoreCase("Basic") || scheme.equalsIgnoreCase("Bearer") ? scheme : "other";
    }

    @Override
    public boolean configured() {
        return !users.isEmpty() || !tokens.isEmpty();
    }

    @Override
    public Optional<String> authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String key = PasswordHash.tokenDigest(authorization);
        String known = checked.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> user = Optional.empty();
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            String name = colon < 0 ? decoded : decoded.substring(0, colon);
            String stored = users.get(name);
            // an unknown name costs the same hash as a known one, so the answer's time tells nothing
            boolean matches = checkPassword(colon < 0 ? "" : decoded.substring(colon + 1),
                    stored == null ? UNKNOWN_USER : stored);
            if (colon > 0 && stored != null && matches) {
                user = Optional.of(name);
            }
        } else if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String digest = PasswordHash.tokenDigest(authorization.substring(7).trim());
            user = tokens.entrySet().stream().filter(t -> java.security.MessageDigest.isEqual(
                    t.getValue().getBytes(StandardCharsets.US_ASCII), digest.getBytes(StandardCharsets.US_ASCII)))
                    .map(Map.Entry::getKey).findFirst();
        }
        if (user.isPresent()) {
            if (checked.size() >= REMEMBERED) {
                checked.clear();
            }
            checked.put(key, user.get());
        } else {
            LOG.warn("authentication refused ({} credentials)", scheme(authorization));
        }
        return user;
    }
}
