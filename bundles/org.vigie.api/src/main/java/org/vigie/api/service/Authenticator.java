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

    /**
     * Whether a write request comes from a page of this server (or from no page at all, like curl or a script): a
     * browser attaches remembered credentials to a form another site posts here, and says so in {@code Origin} and
     * {@code Sec-Fetch-Site}; such a write must be refused whoever is logged in.
     *
     * @param origin        the request's {@code Origin} header, or {@code null}
     * @param secFetchSite  the request's {@code Sec-Fetch-Site} header, or {@code null}
     * @param host          the request's {@code Host} header
     */
    static boolean fromThisSite(String origin, String secFetchSite, String host) {
        if (secFetchSite != null && !secFetchSite.equals("same-origin") && !secFetchSite.equals("none")) {
            return false;
        }
        if (origin == null) {
            return true; // not a browser page's request (curl, a script), or a browser's same-origin one
        }
        int scheme = origin.indexOf("://");
        return host != null && scheme > 0 && origin.substring(scheme + 3).equalsIgnoreCase(host);
    }
}
