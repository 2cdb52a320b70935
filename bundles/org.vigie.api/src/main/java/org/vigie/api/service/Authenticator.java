package org.vigie.api.service;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tells who a request's credentials prove: every write endpoint (acknowledgements, calibrations, hindcasts, uploads)
 * asks it and answers 401 when nobody is proved.
 *
 * @since 1.3
 */
@ProviderType
public interface Authenticator {

    /**
     * @param authorization the request's {@code Authorization} header: {@code Basic …} (a configured user and
     *                      password) or {@code Bearer …} (an API token); may be {@code null}
     * @return the user (or token) name proved, empty when none is
     */
    Optional<String> authenticate(String authorization);

    /** @return whether any user or token is configured at all (if not, nobody can write, and the error says so) */
    boolean configured();
}
